package org.backstrong.planner.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import org.backstrong.input.InputDates;
import org.backstrong.input.InputText;

/** Reads a form's text fields into values, noting in {@link FieldErrors} the ones that are not what they should be. */
final class FormValues {

    private FormValues() {}

    static String text(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** The text, or null when blank; text with a NUL or another control character is noted and taken as null. */
    static String text(String value, String field, FieldErrors errors) {
        String refusal = InputText.refusal(value, false);
        if (refusal != null) {
            errors.add(field, refusal);
            return null;
        }
        return text(value);
    }

    static Integer whole(String value, String field, FieldErrors errors) {
        String text = text(value);
        if (text == null) {
            return null;
        }
        try {
            return Integer.valueOf(text);
        } catch (NumberFormatException e) {
            errors.add(field, "must be a whole number");
            return null;
        }
    }

    static BigDecimal decimal(String value, String field, FieldErrors errors) {
        String text = text(value);
        if (text == null) {
            return null;
        }
        try {
            return new BigDecimal(text.replace(',', '.'));
        } catch (NumberFormatException e) {
            errors.add(field, "must be a number");
            return null;
        }
    }

    static LocalDate date(String value, String field, FieldErrors errors) {
        String text = text(value);
        if (text == null) {
            return null;
        }
        LocalDate date = InputDates.parseOrNull(text);
        if (date == null) {
            errors.add(field, InputDates.MESSAGE);
        }
        return date;
    }

    static UUID uuid(String value, String field, FieldErrors errors) {
        String text = text(value);
        if (text == null) {
            return null;
        }
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            errors.add(field, "is not one of the choices");
            return null;
        }
    }
}

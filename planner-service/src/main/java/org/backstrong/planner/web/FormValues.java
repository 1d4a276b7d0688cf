package org.backstrong.planner.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/** Reads a form's text fields into values, noting in {@link FieldErrors} the ones that are not what they should be. */
final class FormValues {

    private FormValues() {
    }

    static String text(String value) {
        return value == null || value.isBlank() ? null : value.trim();
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
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            errors.add(field, "must be a date (yyyy-mm-dd)");
            return null;
        }
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

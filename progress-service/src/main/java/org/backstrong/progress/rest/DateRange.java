package org.backstrong.progress.rest;

import java.time.LocalDate;

import org.backstrong.input.InputDates;
import org.backstrong.progress.service.InvalidInputException;

/** Parses ISO dates from query parameters, naming the parameter when one is wrong. */
final class DateRange {

    private DateRange() {}

    static LocalDate date(String field, String value, LocalDate whenAbsent) {
        if (value == null || value.isBlank()) {
            return whenAbsent;
        }
        LocalDate date = InputDates.parseOrNull(value.strip());
        if (date == null) {
            throw new InvalidInputException(field, InputDates.MESSAGE);
        }
        return date;
    }

    static void ordered(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw new InvalidInputException("to", "must not be before from");
        }
    }
}

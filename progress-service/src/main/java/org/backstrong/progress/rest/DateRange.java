package org.backstrong.progress.rest;

import java.time.DateTimeException;
import java.time.LocalDate;

import org.backstrong.progress.service.InvalidInputException;

/** Parses ISO dates from query parameters, naming the parameter when one is wrong. */
final class DateRange {

    private DateRange() {
    }

    static LocalDate date(String field, String value, LocalDate whenAbsent) {
        if (value == null || value.isBlank()) {
            return whenAbsent;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeException e) {
            throw new InvalidInputException(field, "must be a date as yyyy-MM-dd");
        }
    }

    static void ordered(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw new InvalidInputException("to", "must not be before from");
        }
    }
}

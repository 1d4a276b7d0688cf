package org.backstrong.planner.service;

import java.time.LocalDate;

import org.backstrong.input.InputDates;

/**
 * A date sent as text (a path segment, a query parameter), for the API and the pages alike: the
 * date, or a 400 naming the field.
 */
public final class DateParameter {

    private DateParameter() {}

    /** The date, or a 400 naming {@code field} (a path segment too is refused by name, not JAX-RS's bare 404). */
    public static LocalDate parse(String field, String text) {
        LocalDate date = InputDates.parseOrNull(text);
        if (date == null) {
            throw new InvalidInputException(field, InputDates.MESSAGE);
        }
        return date;
    }
}

package org.backstrong.planner.problems;

import java.time.LocalDate;

import org.backstrong.input.InputDates;
import org.backstrong.planner.service.InvalidInputException;

/** A date in a path, for the API and the pages alike: the date, or a 400 naming the segment. */
public final class PathDates {

    private PathDates() {}

    /** The date, or a 400 naming {@code field} (a path segment refused by name, not JAX-RS's bare 404). */
    public static LocalDate parse(String field, String text) {
        LocalDate date = InputDates.parseOrNull(text);
        if (date == null) {
            throw new InvalidInputException(field, InputDates.MESSAGE);
        }
        return date;
    }
}

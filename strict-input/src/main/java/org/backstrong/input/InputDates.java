package org.backstrong.input;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Pattern;

/**
 * The one rule for a date a client sends, in a body, a query or a path: yyyy-MM-dd, from
 * {@link #EARLIEST} to {@link #LATEST}. ISO would take "+9999999-12-31", which PostgreSQL cannot
 * hold; no treatment plan lies outside these years.
 */
public final class InputDates {

    public static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    public static final LocalDate LATEST = LocalDate.of(2200, 12, 31);
    public static final String MESSAGE = "must be a date (yyyy-MM-dd) from " + EARLIEST + " to " + LATEST;

    private static final Pattern SHAPE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private InputDates() {}

    /** The date, or null when the text is not one in range. */
    public static LocalDate parseOrNull(String text) {
        if (text == null || !SHAPE.matcher(text).matches()) {
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(text);
            return date.isBefore(EARLIEST) || date.isAfter(LATEST) ? null : date;
        } catch (DateTimeException e) {
            return null;
        }
    }
}

package org.backstrong.progress.event;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * The RFC 3339 instants and dates events carry, read by hand in the shape producers write them
 * ({@code 2026-03-10T06:45:30.5Z}, {@code 2026-03-10T08:45:30+02:00}, {@code 2026-03-10}, and java.time's
 * {@code 2026-03-10T07:00Z}), because
 * java.time's general parser took an eighth of the CPU of applying a set event. A text of any other
 * shape, or one that is not a real moment, is not read here ({@code null}), and the caller hands it to
 * java.time, which accepts and refuses it exactly as before.
 */
public final class EventTimes {

    private static final int[] NANOS_PER_DIGIT = {100_000_000, 10_000_000, 1_000_000, 100_000, 10_000, 1_000, 100, 10, 1
    };

    private EventTimes() {}

    /** As {@link OffsetDateTime#parse(CharSequence)}, with the same result and the same refusals. */
    public static OffsetDateTime offsetDateTime(String text) {
        OffsetDateTime quick = quickOffsetDateTime(text);
        return quick != null ? quick : OffsetDateTime.parse(text);
    }

    /**
     * {@code yyyy-MM-ddTHH:mm[:ss[.fraction]](Z|±HH:MM)} with a real date and time, else null. The seconds
     * may be left out as java.time allows (its {@code toString()} leaves them out when they are zero).
     */
    public static OffsetDateTime quickOffsetDateTime(String text) {
        int length = text.length();
        if (length < 17
                || text.charAt(4) != '-'
                || text.charAt(7) != '-'
                || text.charAt(10) != 'T'
                || text.charAt(13) != ':') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        int hour = digits(text, 11, 2);
        int minute = digits(text, 14, 2);
        if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0) {
            return null;
        }
        int at = 16;
        int second = 0;
        int nanos = 0;
        if (text.charAt(at) == ':') {
            if (length < 20) {
                return null;
            }
            second = digits(text, 17, 2);
            if (second < 0) {
                return null;
            }
            at = 19;
            if (text.charAt(at) == '.') {
                int first = ++at;
                while (at < length && isDigit(text.charAt(at))) {
                    at++;
                }
                int count = at - first;
                if (count == 0 || count > NANOS_PER_DIGIT.length) {
                    return null;
                }
                nanos = digits(text, first, count) * NANOS_PER_DIGIT[count - 1];
            }
        }
        ZoneOffset offset = offset(text, at);
        if (offset == null) {
            return null;
        }
        try {
            return OffsetDateTime.of(year, month, day, hour, minute, second, nanos, offset);
        } catch (DateTimeException notAMoment) {
            return null;
        }
    }

    /** {@code yyyy-MM-dd} with a real date, else null. */
    public static LocalDate quickLocalDate(String text) {
        if (text.length() != 10 || text.charAt(4) != '-' || text.charAt(7) != '-') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        if (year < 0 || month < 0 || day < 0) {
            return null;
        }
        try {
            return LocalDate.of(year, month, day);
        } catch (DateTimeException notADate) {
            return null;
        }
    }

    /** The offset that ends the text at {@code at}: Z or ±HH:MM, else null. */
    private static ZoneOffset offset(String text, int at) {
        int length = text.length();
        if (at == length - 1 && text.charAt(at) == 'Z') {
            return ZoneOffset.UTC;
        }
        if (at != length - 6 || text.charAt(at + 3) != ':') {
            return null;
        }
        char sign = text.charAt(at);
        int hours = digits(text, at + 1, 2);
        int minutes = digits(text, at + 4, 2);
        if ((sign != '+' && sign != '-') || hours < 0 || minutes < 0) {
            return null;
        }
        try {
            return sign == '+'
                    ? ZoneOffset.ofHoursMinutes(hours, minutes)
                    : ZoneOffset.ofHoursMinutes(-hours, -minutes);
        } catch (DateTimeException notAnOffset) {
            return null;
        }
    }

    /** The number written by {@code count} ASCII digits from {@code from}, or -1. */
    private static int digits(String text, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = text.charAt(i);
            if (!isDigit(c)) {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}

package org.backstrong.planner.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * A patient's session days as an iCalendar (RFC 5545) feed for their phone's reminders: one
 * all-day event a session day, with a reminder at 09:00 that day. Nothing about health beyond
 * the summary "Back exercises": no exercise, no pain, no clinic; the UID is a hash, not an id.
 */
public final class SessionCalendar {

    public static final String SUMMARY = "Back exercises";
    /** The reminder: 9 hours after the start of the all-day event, 09:00 on the day. */
    static final String REMINDER = "PT9H";

    private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final String CRLF = "\r\n";
    private static final int MAX_OCTETS = 75;

    private SessionCalendar() {}

    /** A day with a session of a plan. */
    public record SessionDay(UUID planId, LocalDate date) {}

    /** The feed: every session day, in order, stamped with {@code stamp} (when the feed was made). */
    public static String of(List<SessionDay> days, Instant stamp) {
        StringBuilder ics = new StringBuilder();
        line(ics, "BEGIN:VCALENDAR");
        line(ics, "VERSION:2.0");
        line(ics, "PRODID:-//Backstrong//Session reminders//EN");
        line(ics, "CALSCALE:GREGORIAN");
        line(ics, "METHOD:PUBLISH");
        line(ics, "X-WR-CALNAME:" + SUMMARY);
        line(ics, "REFRESH-INTERVAL;VALUE=DURATION:PT12H");
        line(ics, "X-PUBLISHED-TTL:PT12H");
        for (SessionDay day : days) {
            line(ics, "BEGIN:VEVENT");
            line(ics, "UID:" + uid(day));
            line(ics, "DTSTAMP:" + STAMP.format(stamp));
            line(ics, "DTSTART;VALUE=DATE:" + DATE.format(day.date()));
            line(ics, "DTEND;VALUE=DATE:" + DATE.format(day.date().plusDays(1)));
            line(ics, "SUMMARY:" + SUMMARY);
            line(ics, "TRANSP:TRANSPARENT");
            line(ics, "BEGIN:VALARM");
            line(ics, "ACTION:DISPLAY");
            line(ics, "DESCRIPTION:" + SUMMARY);
            line(ics, "TRIGGER;RELATED=START:" + REMINDER);
            line(ics, "END:VALARM");
            line(ics, "END:VEVENT");
        }
        line(ics, "END:VCALENDAR");
        return ics.toString();
    }

    /** The same for the same plan and day, in every feed and after a new address: a client updates, never doubles. */
    static String uid(SessionDay day) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((day.planId() + "/" + day.date()).getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(digest, 0, 16) + "@backstrong";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static void line(StringBuilder ics, String content) {
        ics.append(fold(content)).append(CRLF);
    }

    /**
     * RFC 5545 3.1: a line longer than 75 octets goes on in a continuation line that starts with a
     * space, never splitting a UTF-8 character.
     */
    static String fold(String content) {
        StringBuilder folded = new StringBuilder();
        int octets = 0;
        int limit = MAX_OCTETS;
        for (int i = 0; i < content.length(); ) {
            int codePoint = content.codePointAt(i);
            int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
            if (octets + size > limit) {
                folded.append(CRLF).append(' ');
                octets = 0;
                // The continuation's leading space counts against its 75 octets.
                limit = MAX_OCTETS - 1;
            }
            folded.appendCodePoint(codePoint);
            octets += size;
            i += Character.charCount(codePoint);
        }
        return folded.toString();
    }
}

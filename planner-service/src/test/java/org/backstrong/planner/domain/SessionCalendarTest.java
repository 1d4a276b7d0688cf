package org.backstrong.planner.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** The session days as iCalendar: RFC 5545's line rules, stable UIDs, a reminder each, nothing about health. */
class SessionCalendarTest {

    private static final UUID PLAN = UUID.fromString("00000000-0000-4000-8000-0000000000a1");
    private static final Instant STAMP = Instant.parse("2026-12-03T08:15:30Z");

    private static final List<SessionCalendar.SessionDay> DAYS = List.of(
            new SessionCalendar.SessionDay(PLAN, LocalDate.of(2026, 12, 1)),
            new SessionCalendar.SessionDay(PLAN, LocalDate.of(2026, 12, 3)),
            new SessionCalendar.SessionDay(PLAN, LocalDate.of(2026, 12, 31)));

    @Test
    void writesOneAllDayEventWithAReminderPerSessionDay() {
        String ics = SessionCalendar.of(DAYS, STAMP);
        assertTrue(ics.startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:"), ics);
        assertTrue(ics.endsWith("END:VCALENDAR\r\n"), ics);
        assertEquals(3, count(ics, "BEGIN:VEVENT\r\n"));
        assertEquals(
                3,
                count(
                        ics,
                        "BEGIN:VALARM\r\nACTION:DISPLAY\r\nDESCRIPTION:Back exercises\r\nTRIGGER;RELATED=START:PT9H\r\nEND:VALARM\r\n"));
        assertTrue(ics.contains("DTSTART;VALUE=DATE:20261231\r\nDTEND;VALUE=DATE:20270101\r\n"), ics);
        assertEquals(3, count(ics, "DTSTAMP:20261203T081530Z\r\n"));
        assertEquals(3, count(ics, "SUMMARY:Back exercises\r\n"));
    }

    @Test
    void everyLineEndsInCrlfAndHoldsAtMost75Octets() {
        String ics = SessionCalendar.of(DAYS, STAMP);
        assertFalse(
                ics.replace("\r\n", "").contains("\n")
                        || ics.replace("\r\n", "").contains("\r"),
                "only CRLF");
        for (String line : ics.split("\r\n")) {
            assertTrue(line.getBytes(StandardCharsets.UTF_8).length <= 75, line);
        }
    }

    @Test
    void foldsLongLinesWithoutSplittingACharacter() {
        String content = "X-NOTE:" + "ü".repeat(60) + "abc".repeat(20);
        String folded = SessionCalendar.fold(content);
        String[] lines = folded.split("\r\n");
        assertTrue(lines.length > 1, folded);
        for (int i = 0; i < lines.length; i++) {
            assertTrue(lines[i].getBytes(StandardCharsets.UTF_8).length <= 75, lines[i]);
            assertEquals(i > 0, lines[i].startsWith(" "), lines[i]);
        }
        // Unfolding (RFC 5545: remove each CRLF and the one space after it) gives the line back.
        assertEquals(content, folded.replace("\r\n ", ""));
        assertEquals("SUMMARY:Back exercises", SessionCalendar.fold("SUMMARY:Back exercises"));
    }

    @Test
    void givesEachPlanAndDayItsOwnStableUid() {
        Set<String> uids = new HashSet<>();
        DAYS.forEach(day -> uids.add(SessionCalendar.uid(day)));
        assertEquals(3, uids.size());
        assertEquals(SessionCalendar.uid(DAYS.get(0)), SessionCalendar.uid(DAYS.get(0)));
        assertNotEquals(
                SessionCalendar.uid(DAYS.get(0)),
                SessionCalendar.uid(new SessionCalendar.SessionDay(
                        UUID.randomUUID(), DAYS.get(0).date())));
        assertFalse(SessionCalendar.uid(DAYS.get(0)).contains(PLAN.toString()), "no ids in the feed");
        assertTrue(SessionCalendar.uid(DAYS.get(0)).matches("[0-9a-f]{32}@backstrong"));
    }

    @Test
    void anEmptyFeedIsStillACalendar() {
        assertEquals(0, count(SessionCalendar.of(List.of(), STAMP), "BEGIN:VEVENT"));
        assertTrue(SessionCalendar.of(List.of(), STAMP).contains("BEGIN:VCALENDAR\r\n"));
    }

    @Test
    void tokensCarry256RandomBitsAndOnlyTheirHashIsKept() {
        SecureRandom random = new SecureRandom();
        String token = CalendarFeedToken.generate(random);
        assertEquals(43, token.length());
        assertTrue(CalendarFeedToken.isWellFormed(token));
        assertNotEquals(token, CalendarFeedToken.generate(random));
        assertEquals(32, CalendarFeedToken.hash(token).length);
        assertTrue(Arrays.equals(CalendarFeedToken.hash(token), CalendarFeedToken.hash(token)));
        assertFalse(CalendarFeedToken.isWellFormed(token.substring(1)));
        assertFalse(CalendarFeedToken.isWellFormed(token.substring(1) + "/"));
        assertFalse(CalendarFeedToken.isWellFormed(null));
    }

    private static int count(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }
}

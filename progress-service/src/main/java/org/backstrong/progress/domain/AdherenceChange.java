package org.backstrong.progress.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * How a plan event changes what was scheduled, day by day and week by week: the difference between
 * the schedule before and after it, counted from the day it takes effect. Days before that day keep
 * what they had, so a change never rewrites history.
 */
public final class AdherenceChange {

    private AdherenceChange() {}

    /** Scheduled sessions and sets to add (or, when negative, remove) in one ISO week. */
    public record WeekDelta(LocalDate weekStart, int sessions, Map<String, Integer> setsByExercise) {

        public int sets() {
            return setsByExercise.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    /** Scheduled sessions and sets to add (or, when negative, remove) on one day. */
    public record DayDelta(LocalDate day, int sessions, Map<String, Integer> setsByExercise) {}

    /** The Monday of the ISO week of {@code date}. */
    public static LocalDate weekStart(LocalDate date) {
        return date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    /**
     * The change day by day: each day whose scheduled sessions or sets differ.
     *
     * @param before the schedule before the event, or null for a new plan
     * @param after the schedule after it
     * @param from the first day the event changes
     */
    public static Map<LocalDate, DayDelta> daysBetween(PlanSchedule before, PlanSchedule after, LocalDate from) {
        LocalDate last = before == null || after.end().isAfter(before.end()) ? after.end() : before.end();
        LocalDate first = before == null || after.startDate().isBefore(before.startDate())
                ? after.startDate()
                : before.startDate();
        Map<LocalDate, DayDelta> deltas = new TreeMap<>();
        for (LocalDate day = from.isAfter(first) ? from : first; day.isBefore(last); day = day.plusDays(1)) {
            Map<String, Integer> sets = new HashMap<>();
            int sessions = count(after, day, 1, sets) + (before == null ? 0 : count(before, day, -1, sets));
            sets.values().removeIf(count -> count == 0);
            if (sessions != 0 || !sets.isEmpty()) {
                deltas.put(day, new DayDelta(day, sessions, sets));
            }
        }
        return deltas;
    }

    /** Day deltas summed per ISO week; a week where they cancel out is left out. */
    public static Map<LocalDate, WeekDelta> byWeek(Map<LocalDate, DayDelta> days) {
        Map<LocalDate, Integer> sessions = new TreeMap<>();
        Map<LocalDate, Map<String, Integer>> sets = new TreeMap<>();
        for (DayDelta day : days.values()) {
            LocalDate week = weekStart(day.day());
            sessions.merge(week, day.sessions(), Integer::sum);
            Map<String, Integer> weekSets = sets.computeIfAbsent(week, w -> new HashMap<>());
            day.setsByExercise().forEach((exercise, count) -> weekSets.merge(exercise, count, Integer::sum));
        }
        Map<LocalDate, WeekDelta> deltas = new TreeMap<>();
        for (LocalDate week : sessions.keySet()) {
            Map<String, Integer> weekSets = sets.get(week);
            weekSets.values().removeIf(count -> count == 0);
            if (sessions.get(week) != 0 || !weekSets.isEmpty()) {
                deltas.put(week, new WeekDelta(week, sessions.get(week), weekSets));
            }
        }
        return deltas;
    }

    /** The day's session of this schedule (sign 1 to add, -1 to take away): its sets, and 1 session. */
    private static int count(PlanSchedule schedule, LocalDate day, int sign, Map<String, Integer> sets) {
        if (!schedule.hasSessionOn(day)) {
            return 0;
        }
        schedule.setsByExercise().forEach((exercise, count) -> sets.merge(exercise, sign * count, Integer::sum));
        return sign;
    }
}

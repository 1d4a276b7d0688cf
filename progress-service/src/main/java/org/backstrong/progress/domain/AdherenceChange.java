package org.backstrong.progress.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * How a plan event changes what was scheduled, week by week: the difference between the schedule
 * before and after it, counted from the day it takes effect. Weeks before that day keep what they
 * had, so a change never rewrites history.
 */
public final class AdherenceChange {

    private AdherenceChange() {
    }

    /** Scheduled sessions and sets to add (or, when negative, remove) in one ISO week. */
    public record WeekDelta(LocalDate weekStart, int sessions, Map<String, Integer> setsByExercise) {

        public int sets() {
            return setsByExercise.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    /** The Monday of the ISO week of {@code date}. */
    public static LocalDate weekStart(LocalDate date) {
        return date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    /**
     * @param before the schedule before the event, or null for a new plan
     * @param after the schedule after it
     * @param from the first day the event changes
     */
    public static Map<LocalDate, WeekDelta> between(PlanSchedule before, PlanSchedule after, LocalDate from) {
        Map<LocalDate, Integer> sessions = new TreeMap<>();
        Map<LocalDate, Map<String, Integer>> sets = new TreeMap<>();
        LocalDate last = before == null || after.end().isAfter(before.end()) ? after.end() : before.end();
        LocalDate first = before == null || after.startDate().isBefore(before.startDate()) ? after.startDate()
                : before.startDate();
        for (LocalDate day = from.isAfter(first) ? from : first; day.isBefore(last); day = day.plusDays(1)) {
            LocalDate week = weekStart(day);
            count(after, day, 1, week, sessions, sets);
            if (before != null) {
                count(before, day, -1, week, sessions, sets);
            }
        }
        Map<LocalDate, WeekDelta> deltas = new TreeMap<>();
        for (LocalDate week : sessions.keySet()) {
            Map<String, Integer> weekSets = sets.getOrDefault(week, Map.of());
            weekSets.values().removeIf(count -> count == 0);
            if (sessions.get(week) != 0 || !weekSets.isEmpty()) {
                deltas.put(week, new WeekDelta(week, sessions.get(week), weekSets));
            }
        }
        return deltas;
    }

    private static void count(PlanSchedule schedule, LocalDate day, int sign, LocalDate week,
            Map<LocalDate, Integer> sessions, Map<LocalDate, Map<String, Integer>> sets) {
        if (!schedule.hasSessionOn(day)) {
            return;
        }
        sessions.merge(week, sign, Integer::sum);
        Map<String, Integer> weekSets = sets.computeIfAbsent(week, w -> new HashMap<>());
        schedule.setsByExercise().forEach((exercise, count) -> weekSets.merge(exercise, sign * count, Integer::sum));
    }
}

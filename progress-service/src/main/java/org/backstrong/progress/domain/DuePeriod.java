package org.backstrong.progress.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The days an adherence query counts (architecture page, "Adherence"): only what was due. Every ISO
 * week from the one the query starts in, up to its end or today, whichever is earlier; sessions
 * after that day are neither scheduled nor missed, so its week counts only its days up to it (all of
 * them when it is the Sunday).
 *
 * @param firstWeek the Monday of the first week
 * @param upTo the last day that counts
 */
public record DuePeriod(LocalDate firstWeek, LocalDate upTo) {

    /** The weeks from {@code from} to {@code to} as far as they were due by today; empty when none was. */
    public static Optional<DuePeriod> of(LocalDate from, LocalDate to, LocalDate today) {
        LocalDate upTo = to.isAfter(today) ? today : to;
        LocalDate firstWeek = AdherenceChange.weekStart(from);
        return upTo.isBefore(firstWeek) ? Optional.empty() : Optional.of(new DuePeriod(firstWeek, upTo));
    }

    /** The {@code weeks} ISO weeks ending with the week of {@code asOf}, or of today when that is earlier. */
    public static DuePeriod weeksEndingWith(int weeks, LocalDate asOf, LocalDate today) {
        LocalDate upTo = asOf.isAfter(today) ? today : asOf;
        return new DuePeriod(AdherenceChange.weekStart(upTo).minusWeeks(weeks - 1L), upTo);
    }

    /** The Monday of the week the last day falls in. */
    public LocalDate lastWeek() {
        return AdherenceChange.weekStart(upTo);
    }

    /** Whether the last week counts whole (the last day is its Sunday) rather than day by day. */
    public boolean lastWeekWhole() {
        return upTo.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    /** The Monday of the last week that counts whole; before firstWeek when none does. */
    public LocalDate lastWholeWeek() {
        return lastWeekWhole() ? lastWeek() : lastWeek().minusWeeks(1);
    }
}

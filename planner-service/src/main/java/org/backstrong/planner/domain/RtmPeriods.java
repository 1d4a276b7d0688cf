package org.backstrong.planner.domain;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * A patient's remote-monitoring periods: 30 days each, the first starting on the first day with
 * data (period 1 is day 1 to 30, period 2 day 31 to 60, ...), each with its days with data counted.
 */
public final class RtmPeriods {

    private RtmPeriods() {}

    /** One period: its number, first and last day, and how many of its days had data. */
    public record Period(int number, LocalDate start, LocalDate end, int daysWithData) {

        public boolean overlaps(LocalDate from, LocalDate to) {
            return !end.isBefore(from) && !start.isAfter(to);
        }

        /** Over: no day of it is left after {@code today}. */
        public boolean isOver(LocalDate today) {
            return end.isBefore(today);
        }
    }

    /**
     * Every period from the first day with data to the one holding {@code until} (or the last day
     * with data, if later), periods without data included; none without any day with data.
     */
    public static List<Period> of(Collection<LocalDate> daysWithData, LocalDate until) {
        TreeSet<LocalDate> days = new TreeSet<>(daysWithData);
        List<Period> periods = new ArrayList<>();
        if (days.isEmpty()) {
            return periods;
        }
        LocalDate first = days.first();
        LocalDate last = until.isAfter(days.last()) ? until : days.last();
        int count = (int) (ChronoUnit.DAYS.between(first, last) / RtmBillingRule.PERIOD_DAYS) + 1;
        for (int number = 1; number <= count; number++) {
            LocalDate start = first.plusDays((long) (number - 1) * RtmBillingRule.PERIOD_DAYS);
            LocalDate end = start.plusDays(RtmBillingRule.PERIOD_DAYS - 1L);
            int inPeriod = days.subSet(start, true, end, true).size();
            periods.add(new Period(number, start, end, inPeriod));
        }
        return periods;
    }
}

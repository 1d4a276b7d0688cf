package org.backstrong.planner.domain;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.Stream;

/** When a plan's sessions fall: on the chosen ISO weekdays, for a number of weeks from the start date. */
public record Schedule(LocalDate startDate, int weeks, List<Integer> weekdays) {

    public LocalDate endDate() {
        return startDate.plusWeeks(weeks).minusDays(1);
    }

    public boolean isSessionDay(LocalDate date) {
        return !date.isBefore(startDate)
                && !date.isAfter(endDate())
                && weekdays.contains(date.getDayOfWeek().getValue());
    }

    /** Every session date, in order. */
    public List<LocalDate> sessionDates() {
        return Stream.iterate(startDate, date -> !date.isAfter(endDate()), date -> date.plusDays(1))
                .filter(this::isSessionDay)
                .toList();
    }

    /** 1 for the first seven days from the start date, 2 for the next seven, and so on. */
    public int weekOf(LocalDate date) {
        return (int) (ChronoUnit.DAYS.between(startDate, date) / 7) + 1;
    }

    /** The first week starts light: the bottom of each range. */
    public boolean startsLight(LocalDate date) {
        return weekOf(date) == 1;
    }
}

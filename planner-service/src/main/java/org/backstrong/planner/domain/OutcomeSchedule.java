package org.backstrong.planner.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * When a plan's outcome measures are due: the baseline on the start date, a follow-up every two weeks
 * after it (before the end date), and the end of the plan on its last day. Each occasion stays open
 * until the next one is due; the last one stays open for good, so a late answer is still taken.
 */
public record OutcomeSchedule(LocalDate start, LocalDate end) {

    public static final int FOLLOW_UP_DAYS = 14;

    /** One point of the schedule. */
    public record Due(Occasion occasion, LocalDate dueOn) {}

    public static OutcomeSchedule of(Schedule plan) {
        return new OutcomeSchedule(plan.startDate(), plan.endDate());
    }

    /** Every occasion of the plan, in order. */
    public List<Due> occasions() {
        List<Due> occasions = new ArrayList<>();
        occasions.add(new Due(Occasion.BASELINE, start));
        for (LocalDate day = start.plusDays(FOLLOW_UP_DAYS); day.isBefore(end); day = day.plusDays(FOLLOW_UP_DAYS)) {
            occasions.add(new Due(Occasion.FOLLOW_UP, day));
        }
        if (end.isAfter(start)) {
            occasions.add(new Due(Occasion.END_OF_PLAN, end));
        }
        return occasions;
    }

    /** The occasion open on {@code today}: the last one due on or before it; none before the start. */
    public Optional<Due> openOn(LocalDate today) {
        return occasions().stream().filter(due -> !due.dueOn().isAfter(today)).reduce((earlier, later) -> later);
    }

    /** Whether the schedule asks for {@code occasion} on {@code dueOn}. */
    public boolean has(Occasion occasion, LocalDate dueOn) {
        return occasions().contains(new Due(occasion, dueOn));
    }
}

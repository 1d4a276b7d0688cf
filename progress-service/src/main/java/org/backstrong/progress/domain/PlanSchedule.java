package org.backstrong.progress.domain;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

/**
 * When a plan expects sessions and how many sets each asks for, as adherence counts them: a
 * session on each of the plan's weekdays from the start date for the plan's weeks, while it is
 * active; each session asks for the sets of its unpaused items (per side counted twice).
 *
 * @param setsByExercise sets one session asks for, per exercise
 */
public record PlanSchedule(
        LocalDate startDate, int weeks, Set<Integer> weekdays, boolean active, Map<String, Integer> setsByExercise) {

    public LocalDate end() {
        return startDate.plusWeeks(weeks);
    }

    public boolean hasSessionOn(LocalDate date) {
        return active
                && !date.isBefore(startDate)
                && date.isBefore(end())
                && weekdays.contains(date.getDayOfWeek().getValue());
    }

    public boolean inFirstWeek(LocalDate date) {
        return !date.isBefore(startDate) && date.isBefore(startDate.plusWeeks(1));
    }
}

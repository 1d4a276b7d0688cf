package org.backstrong.planner.domain;

import java.time.LocalDate;
import java.util.Optional;

/**
 * The article's rule: people with pre-existing back issues need a professional's clearance
 * before starting. Returns why a plan may not start, or nothing when it may.
 */
public final class Screening {

    private Screening() {}

    public static Optional<String> whyNotStart(boolean preExistingCondition, LocalDate clearedOn, LocalDate startDate) {
        if (!preExistingCondition) {
            return Optional.empty();
        }
        if (clearedOn == null) {
            return Optional.of("The patient has a pre-existing back condition and no professional clearance on record:"
                    + " record the clearance before starting a plan.");
        }
        if (clearedOn.isAfter(startDate)) {
            return Optional.of("The professional clearance (" + clearedOn + ") is dated after the plan's start ("
                    + startDate + "): start the plan on or after the clearance.");
        }
        return Optional.empty();
    }
}

package org.backstrong.planner.service;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.backstrong.planner.domain.SessionCompletion;

/**
 * A finished session. {@code done} when at least 80 % of its prescribed sets were logged, the rule
 * adherence counts by; otherwise the patient hears it was partly done.
 */
public record CompletionView(
        UUID planId, LocalDate date, int setsPrescribed, int setsLogged, boolean done, OffsetDateTime completedAt) {

    public static CompletionView of(SessionCompletion completion) {
        return new CompletionView(
                completion.planId,
                completion.sessionDate,
                completion.setsPrescribed,
                completion.setsLogged,
                completion.counts(),
                completion.completedAt);
    }
}

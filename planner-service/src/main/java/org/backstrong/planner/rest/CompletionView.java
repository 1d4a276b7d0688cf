package org.backstrong.planner.rest;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.backstrong.planner.domain.SessionCompletion;

/** A completed session: it counts for adherence when at least 80 % of its prescribed sets were logged. */
public record CompletionView(UUID planId, LocalDate date, int setsPrescribed, int setsLogged, OffsetDateTime completedAt) {

    public static CompletionView of(SessionCompletion completion) {
        return new CompletionView(completion.planId, completion.sessionDate, completion.setsPrescribed,
                completion.setsLogged, completion.completedAt);
    }
}

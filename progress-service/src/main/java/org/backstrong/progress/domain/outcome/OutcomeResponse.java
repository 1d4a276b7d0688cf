package org.backstrong.progress.domain.outcome;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One completed measure as planner-service scored it: the score on the measure's own scale. */
public record OutcomeResponse(
        UUID outcomeId,
        OutcomeMeasure measure,
        OutcomeOccasion occasion,
        LocalDate dueOn,
        LocalDate completedOn,
        BigDecimal score,
        OffsetDateTime loggedAt) {}

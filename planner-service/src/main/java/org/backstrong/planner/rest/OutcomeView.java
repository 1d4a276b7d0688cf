package org.backstrong.planner.rest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

import org.backstrong.planner.domain.Measure;
import org.backstrong.planner.domain.Occasion;
import org.backstrong.planner.domain.OutcomeResponse;

/** A scored outcome measure: the score on the measure's scale, what it was computed from, and the answers. */
public record OutcomeView(
        UUID id,
        UUID planId,
        Measure measure,
        Occasion occasion,
        LocalDate dueOn,
        LocalDate completedOn,
        BigDecimal score,
        int scaleMax,
        boolean higherIsBetter,
        int itemsAnswered,
        int itemsTotal,
        String basis,
        String questionnaire,
        Map<String, Object> answers,
        OffsetDateTime loggedAt) {

    public static OutcomeView of(OutcomeResponse response, Map<String, Object> answers) {
        return new OutcomeView(
                response.id,
                response.planId,
                response.measure,
                response.occasion,
                response.dueOn,
                response.completedOn,
                response.score,
                response.measure.scaleMax(),
                response.measure.higherIsBetter(),
                response.itemsAnswered,
                response.itemsTotal,
                response.basis,
                response.questionnaire,
                answers,
                response.loggedAt);
    }
}

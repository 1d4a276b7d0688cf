package org.backstrong.progress.event;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** OutcomeRecorded data: a patient-reported outcome measure the patient completed, as planner-service scored it. */
public record OutcomeRecorded(
        UUID outcomeId,
        String patientId,
        String clinicId,
        UUID planId,
        String measure,
        String occasion,
        LocalDate dueOn,
        LocalDate completedOn,
        BigDecimal score,
        BigDecimal scaleMax,
        Boolean higherIsBetter,
        Integer itemsAnswered,
        Integer itemsTotal,
        String questionnaire,
        OffsetDateTime loggedAt) {}

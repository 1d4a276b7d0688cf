package org.backstrong.planner.event;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** OutcomeRecorded data: a scored outcome measure (NPRS, PSFS, RMDQ, ODI), without its answers. */
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
        int scaleMax,
        boolean higherIsBetter,
        int itemsAnswered,
        int itemsTotal,
        String questionnaire,
        OffsetDateTime loggedAt) {}

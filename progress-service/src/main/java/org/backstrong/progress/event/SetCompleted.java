package org.backstrong.progress.event;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** SetCompleted data: one logged set, as the patient reported it; note is their own words about it, or null. */
public record SetCompleted(
        UUID setId,
        String patientId,
        String clinicId,
        UUID planId,
        UUID itemId,
        String exerciseId,
        LocalDate sessionDate,
        int setNumber,
        String side,
        Integer reps,
        Integer seconds,
        BigDecimal loadKg,
        String band,
        Integer rir,
        BigDecimal rpe,
        int pain,
        boolean beyondNormalFatigue,
        OffsetDateTime loggedAt,
        String note) {}

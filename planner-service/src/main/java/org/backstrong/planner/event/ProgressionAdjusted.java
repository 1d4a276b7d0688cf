package org.backstrong.planner.event;

import java.time.OffsetDateTime;
import java.util.UUID;

/** From progress-service: the engine changed an item's prescription, with the rule and the reason. */
public record ProgressionAdjusted(
        UUID decisionId,
        String patientId,
        String clinicId,
        UUID planId,
        UUID itemId,
        String exerciseId,
        String rule,
        String reason,
        PrescriptionData before,
        PrescriptionData after,
        String suggestedVariantId,
        OffsetDateTime decidedAt) {}

package org.backstrong.progress.event;

import java.time.OffsetDateTime;
import java.util.UUID;

/** ProgressionAdjusted data: a decision that changed a prescription or suggests a harder variant. */
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

package org.backstrong.progress.event;

import java.time.OffsetDateTime;
import java.util.UUID;

/** PainFlagged data; itemId and exerciseId are null for a whole-plan flag. */
public record PainFlagged(
        UUID flagId,
        String patientId,
        String clinicId,
        UUID planId,
        UUID itemId,
        String exerciseId,
        String severity,
        String rule,
        String evidence,
        OffsetDateTime raisedAt) {}

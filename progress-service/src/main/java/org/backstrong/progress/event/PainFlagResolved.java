package org.backstrong.progress.event;

import java.time.OffsetDateTime;
import java.util.UUID;

/** PainFlagResolved data: a clinician closed the flag, with a note. */
public record PainFlagResolved(
        UUID flagId,
        String patientId,
        String clinicId,
        UUID planId,
        UUID itemId,
        String exerciseId,
        String severity,
        String resolvedBy,
        String note,
        OffsetDateTime resolvedAt) {}

package org.backstrong.planner.event;

import java.time.OffsetDateTime;
import java.util.UUID;

/** From progress-service: a clinician resolved a flag; a STOP flag's exercise resumes. */
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

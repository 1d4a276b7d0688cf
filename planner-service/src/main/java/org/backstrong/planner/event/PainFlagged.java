package org.backstrong.planner.event;

import java.time.OffsetDateTime;
import java.util.UUID;

/** From progress-service: pain that a clinician must see; STOP pauses the exercise. */
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
        OffsetDateTime raisedAt) {

    public static final String STOP = "STOP";
}

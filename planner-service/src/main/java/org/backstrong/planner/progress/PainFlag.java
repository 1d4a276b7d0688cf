package org.backstrong.planner.progress;

import java.time.OffsetDateTime;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A pain flag as progress-service's inbox answers it. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PainFlag(
        UUID id,
        String patientId,
        UUID planId,
        UUID itemId,
        String exerciseId,
        String severity,
        String status,
        String rule,
        String evidence,
        OffsetDateTime raisedAt,
        String acknowledgedBy,
        OffsetDateTime acknowledgedAt) {

    public boolean stop() {
        return "STOP".equals(severity);
    }

    public boolean acknowledged() {
        return "ACKNOWLEDGED".equals(status);
    }
}

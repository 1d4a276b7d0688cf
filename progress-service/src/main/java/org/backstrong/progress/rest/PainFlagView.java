package org.backstrong.progress.rest;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.backstrong.progress.domain.PainFlag;

/** A pain flag as the clinician's inbox shows it. */
public record PainFlagView(
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
        OffsetDateTime acknowledgedAt,
        String resolvedBy,
        OffsetDateTime resolvedAt,
        String resolutionNote) {

    static PainFlagView of(PainFlag flag) {
        return new PainFlagView(
                flag.id,
                flag.patientId,
                flag.planId,
                flag.itemId,
                flag.exerciseId,
                flag.severity.name(),
                flag.status.name(),
                flag.rule,
                flag.evidence,
                flag.raisedAt,
                flag.acknowledgedBy,
                flag.acknowledgedAt,
                flag.resolvedBy,
                flag.resolvedAt,
                flag.resolutionNote);
    }
}

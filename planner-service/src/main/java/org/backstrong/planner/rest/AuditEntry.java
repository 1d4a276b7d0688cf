package org.backstrong.planner.rest;

import java.time.OffsetDateTime;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonRawValue;

import org.backstrong.planner.domain.PrescriptionChange;

/**
 * One change of a plan: who (a clinician's id and name as their token gave it, or "automatic" with
 * the rule), when, why, before and after.
 */
public record AuditEntry(
        UUID id,
        UUID itemId,
        OffsetDateTime changedAt,
        String changedBy,
        String changedByName,
        String rule,
        String reason,
        @JsonRawValue String before,
        @JsonRawValue String after) {

    public static AuditEntry of(PrescriptionChange change) {
        return new AuditEntry(
                change.id,
                change.itemId,
                change.changedAt,
                change.changedBy,
                change.changedByName,
                change.rule,
                change.reason,
                change.before,
                change.after);
    }
}

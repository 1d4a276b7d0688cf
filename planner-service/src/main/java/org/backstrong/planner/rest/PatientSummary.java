package org.backstrong.planner.rest;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import org.backstrong.planner.domain.Patient;

/** A patient as the clinic sees them, with the screening. */
public record PatientSummary(
        String id,
        String displayName,
        OffsetDateTime enrolledAt,
        boolean preExistingCondition,
        LocalDate clearedOn,
        String clearedBy) {

    static PatientSummary of(Patient patient) {
        return new PatientSummary(
                patient.id,
                patient.displayName,
                patient.enrolledAt,
                patient.preExistingCondition,
                patient.clearedOn,
                patient.clearedBy);
    }
}

package org.backstrong.planner.rest;

import java.time.OffsetDateTime;

import org.backstrong.planner.domain.Patient;

/** A patient as the clinic's list shows them. */
public record PatientSummary(String id, String displayName, OffsetDateTime enrolledAt) {

    static PatientSummary of(Patient patient) {
        return new PatientSummary(patient.id, patient.displayName, patient.enrolledAt);
    }
}

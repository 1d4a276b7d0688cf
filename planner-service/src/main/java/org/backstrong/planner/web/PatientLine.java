package org.backstrong.planner.web;

import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.backstrong.planner.domain.Patient;

/** A patient as the clinic's list and the patient's page head show them. */
public record PatientLine(
        String id, String displayName, String enrolledOn, boolean preExistingCondition, String clearedOn) {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    static PatientLine of(Patient patient) {
        return new PatientLine(
                patient.id,
                patient.displayName,
                patient.enrolledAt == null ? "" : DAY.format(patient.enrolledAt),
                patient.preExistingCondition,
                patient.clearedOn == null ? null : DAY.format(patient.clearedOn));
    }
}

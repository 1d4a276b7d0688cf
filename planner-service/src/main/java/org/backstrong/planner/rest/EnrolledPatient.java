package org.backstrong.planner.rest;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.backstrong.planner.accounts.Invitation;
import org.backstrong.planner.service.PatientRegistry;

/**
 * The answer to an enrolment: the patient, and for a new account what the clinician hands over
 * ({@code invitation}: login name and one-time password, given this once).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EnrolledPatient(
        String id,
        String displayName,
        OffsetDateTime enrolledAt,
        boolean preExistingCondition,
        LocalDate clearedOn,
        String clearedBy,
        InvitationView invitation) {

    public record InvitationView(String username, String oneTimePassword) {}

    static EnrolledPatient of(PatientRegistry.Enrolled enrolled) {
        PatientSummary patient = PatientSummary.of(enrolled.patient());
        Invitation invitation = enrolled.invitation();
        return new EnrolledPatient(
                patient.id(),
                patient.displayName(),
                patient.enrolledAt(),
                patient.preExistingCondition(),
                patient.clearedOn(),
                patient.clearedBy(),
                invitation == null ? null : new InvitationView(invitation.username(), invitation.oneTimePassword()));
    }
}

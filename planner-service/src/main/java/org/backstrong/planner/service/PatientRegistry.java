package org.backstrong.planner.service;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Page;

import org.backstrong.planner.accounts.Invitation;
import org.backstrong.planner.accounts.PatientAccount;
import org.backstrong.planner.accounts.PatientAccounts;
import org.backstrong.planner.domain.Patient;
import org.backstrong.planner.repository.PatientRepository;

/** The clinic's patients and their screening; every query is bounded to one clinic. */
@ApplicationScoped
public class PatientRegistry {

    private final PatientRepository patients;
    private final PatientAccounts accounts;

    public PatientRegistry(PatientRepository patients, PatientAccounts accounts) {
        this.patients = patients;
        this.accounts = accounts;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Patient> list(String clinicId, int page, int size) {
        return patients.ofClinic(clinicId, Page.of(page, size));
    }

    /** The display names of those of {@code ids} who are this clinic's patients (nobody else's). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public java.util.Map<String, String> displayNames(String clinicId, java.util.Collection<String> ids) {
        if (ids.isEmpty()) {
            return java.util.Map.of();
        }
        return patients.list("clinicId = ?1 and id in ?2", clinicId, java.util.List.copyOf(ids)).stream()
                .collect(java.util.stream.Collectors.toMap(patient -> patient.id, patient -> patient.displayName));
    }

    /** The clinic's patient, or 404 (also for another clinic's patient). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Patient get(String clinicId, String patientId) {
        return patients.findByIdOptional(patientId)
                .filter(patient -> patient.clinicId.equals(clinicId))
                .orElseThrow(() -> new NotFoundException("Patient " + patientId));
    }

    /**
     * Enrols an existing patient account of the clinic (linked by user id or login name), or
     * invites a new one. Anyone else (no such user, another clinic's, staff, or a patient enrolled
     * by another clinic) gets the same answer as an id that does not exist.
     */
    public Enrolled enrol(String clinicId, String clinician, EnrolmentInput input) {
        requireClearanceOnlyWithCondition(input.preExistingCondition(), input.clearedOn());
        if (input.linksAnAccount()) {
            String field = input.id() != null ? "id" : "username";
            PatientAccount account = (input.id() != null
                            ? accounts.byId(clinicId, input.id())
                            : accounts.byUsername(clinicId, input.username()))
                    .orElseThrow(() -> noPatientAccount(field));
            Patient patient =
                    QuarkusTransaction.requiringNew().call(() -> store(clinicId, clinician, account.id(), input));
            return new Enrolled(patient, null);
        }
        Invitation invitation = accounts.invite(clinicId, input.displayName().trim());
        try {
            Patient patient = QuarkusTransaction.requiringNew()
                    .call(() -> store(clinicId, clinician, invitation.userId(), input));
            return new Enrolled(patient, invitation);
        } catch (RuntimeException e) {
            accounts.withdraw(invitation.userId());
            throw e;
        }
    }

    /** An enrolled patient, and the invitation to hand over when a new account was made for them. */
    public record Enrolled(Patient patient, Invitation invitation) {}

    private Patient store(String clinicId, String clinician, String accountId, EnrolmentInput input) {
        Patient existing = patients.findById(accountId);
        if (existing != null) {
            if (!existing.clinicId.equals(clinicId)) {
                throw noPatientAccount(input.id() != null ? "id" : "username");
            }
            throw new ConflictException("already-enrolled", "This patient is already enrolled");
        }
        Patient patient = new Patient();
        patient.id = accountId;
        patient.clinicId = clinicId;
        patient.displayName = input.displayName().trim();
        patient.enrolledAt = OffsetDateTime.now();
        patient.enrolledBy = clinician;
        patient.preExistingCondition = input.preExistingCondition();
        patient.clearedOn = input.clearedOn();
        patient.clearedBy = input.clearedBy();
        patients.persist(patient);
        Log.infof(
                "Patient %s enrolled in clinic %s (pre-existing condition: %s)",
                patient.id, clinicId, patient.preExistingCondition);
        return patient;
    }

    /** The one answer for every account that is not this clinic's to enrol. */
    private static InvalidInputException noPatientAccount(String field) {
        return new InvalidInputException(
                422,
                "no-patient-account",
                field,
                "is not a patient account of this clinic: check it, or invite the patient to make a new account");
    }

    @Transactional
    public Patient updateScreening(String clinicId, String patientId, ScreeningInput input) {
        requireClearanceOnlyWithCondition(input.preExistingCondition(), input.clearedOn());
        Patient patient = get(clinicId, patientId);
        patient.preExistingCondition = input.preExistingCondition();
        patient.clearedOn = input.clearedOn();
        patient.clearedBy = input.clearedBy();
        Log.infof(
                "Patient %s screening updated (pre-existing condition: %s, cleared on %s)",
                patientId, patient.preExistingCondition, patient.clearedOn);
        return patient;
    }

    private static void requireClearanceOnlyWithCondition(boolean preExistingCondition, java.time.LocalDate clearedOn) {
        if (!preExistingCondition && clearedOn != null) {
            throw new InvalidInputException("clearedOn", "a clearance is recorded only for a pre-existing condition");
        }
    }
}

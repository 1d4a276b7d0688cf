package org.backstrong.planner.service;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.backstrong.planner.domain.Patient;
import org.backstrong.planner.repository.PatientRepository;
import org.backstrong.planner.rest.EnrolmentInput;
import org.backstrong.planner.rest.ScreeningInput;

import io.quarkus.logging.Log;
import io.quarkus.panache.common.Page;

/** The clinic's patients and their screening; every query is bounded to one clinic. */
@ApplicationScoped
public class PatientRegistry {

    private final PatientRepository patients;

    public PatientRegistry(PatientRepository patients) {
        this.patients = patients;
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

    @Transactional
    public Patient enrol(String clinicId, String clinician, EnrolmentInput input) {
        if (patients.findById(input.id()) != null) {
            throw new ConflictException("already-enrolled", "A patient with id " + input.id() + " is already enrolled");
        }
        requireClearanceOnlyWithCondition(input.preExistingCondition(), input.clearedOn());
        Patient patient = new Patient();
        patient.id = input.id();
        patient.clinicId = clinicId;
        patient.displayName = input.displayName().trim();
        patient.enrolledAt = OffsetDateTime.now();
        patient.enrolledBy = clinician;
        patient.preExistingCondition = input.preExistingCondition();
        patient.clearedOn = input.clearedOn();
        patient.clearedBy = input.clearedBy();
        patients.persist(patient);
        Log.infof("Patient %s enrolled in clinic %s (pre-existing condition: %s)", patient.id, clinicId,
                patient.preExistingCondition);
        return patient;
    }

    @Transactional
    public Patient updateScreening(String clinicId, String patientId, ScreeningInput input) {
        requireClearanceOnlyWithCondition(input.preExistingCondition(), input.clearedOn());
        Patient patient = get(clinicId, patientId);
        patient.preExistingCondition = input.preExistingCondition();
        patient.clearedOn = input.clearedOn();
        patient.clearedBy = input.clearedBy();
        Log.infof("Patient %s screening updated (pre-existing condition: %s, cleared on %s)", patientId,
                patient.preExistingCondition, patient.clearedOn);
        return patient;
    }

    private static void requireClearanceOnlyWithCondition(boolean preExistingCondition, java.time.LocalDate clearedOn) {
        if (!preExistingCondition && clearedOn != null) {
            throw new InvalidInputException("clearedOn", "a clearance is recorded only for a pre-existing condition");
        }
    }
}

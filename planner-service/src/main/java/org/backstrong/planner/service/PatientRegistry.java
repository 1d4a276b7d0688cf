package org.backstrong.planner.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.backstrong.planner.domain.Patient;
import org.backstrong.planner.repository.PatientRepository;

import io.quarkus.panache.common.Page;

/** The clinic's patient list; every query is bounded to one clinic. */
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
}

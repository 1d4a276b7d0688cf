package org.backstrong.progress.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

import org.backstrong.progress.domain.PatientPlan;

@ApplicationScoped
public class PlanRepository implements PanacheRepositoryBase<PatientPlan, UUID> {

    public List<PatientPlan> ofPatient(String patientId) {
        return list("patientId", patientId);
    }

    /** Does the clinic know this patient (a plan of theirs)? */
    public boolean patientInClinic(String patientId, String clinicId) {
        return count("patientId = ?1 and clinicId = ?2", patientId, clinicId) > 0;
    }
}

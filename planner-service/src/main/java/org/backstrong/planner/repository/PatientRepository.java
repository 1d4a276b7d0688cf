package org.backstrong.planner.repository;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;

import org.backstrong.planner.domain.Patient;

@ApplicationScoped
public class PatientRepository implements PanacheRepositoryBase<Patient, String> {

    public List<Patient> ofClinic(String clinicId, Page page) {
        return find("clinicId", Sort.by("displayName").and("id"), clinicId)
                .page(page)
                .list();
    }
}

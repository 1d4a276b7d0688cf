package org.backstrong.progress.repository;

import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

import org.backstrong.progress.domain.SessionCompletion;

@ApplicationScoped
public class SessionRepository implements PanacheRepositoryBase<SessionCompletion, SessionCompletion.Key> {

    public List<SessionCompletion> ofPlan(java.util.UUID planId) {
        return list("key.planId", Sort.by("key.sessionDate"), planId);
    }

    public List<SessionCompletion> ofPatient(String patientId, LocalDate from, LocalDate to) {
        return list(
                "patientId = ?1 and key.sessionDate between ?2 and ?3",
                Sort.by("key.sessionDate"),
                patientId,
                from,
                to);
    }
}

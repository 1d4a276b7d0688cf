package org.backstrong.progress.repository;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

import org.backstrong.progress.domain.Decision;

@ApplicationScoped
public class DecisionRepository implements PanacheRepositoryBase<Decision, UUID> {

    public boolean existFor(UUID planId, LocalDate sessionDate) {
        return count("planId = ?1 and sessionDate = ?2", planId, sessionDate) > 0;
    }

    /** The date of the plan's latest decided session, if any. */
    public Optional<LocalDate> latestSessionDate(UUID planId) {
        return Optional.ofNullable(getEntityManager()
                .createQuery("select max(d.sessionDate) from Decision d where d.planId = ?1", LocalDate.class)
                .setParameter(1, planId)
                .getSingleResult());
    }

    /** A plan's decisions after sessions before the given date, newest first. */
    public List<Decision> ofPlanBefore(UUID planId, LocalDate sessionDate) {
        return list(
                "planId = ?1 and sessionDate < ?2", Sort.descending("sessionDate", "decidedAt"), planId, sessionDate);
    }

    public List<Decision> ofPatient(String patientId, LocalDate from, LocalDate to) {
        return list(
                "patientId = ?1 and sessionDate between ?2 and ?3",
                Sort.by("sessionDate").and("decidedAt").and("exerciseId"),
                patientId,
                from,
                to);
    }
}

package org.backstrong.planner.repository;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

import org.backstrong.planner.domain.SessionCompletion;

@ApplicationScoped
public class SessionCompletionRepository implements PanacheRepositoryBase<SessionCompletion, SessionCompletion.Key> {

    public Optional<SessionCompletion> find(UUID planId, LocalDate date) {
        return findByIdOptional(new SessionCompletion.Key(planId, date));
    }

    /** Every completion of these plans. */
    public List<SessionCompletion> ofPlans(List<UUID> planIds) {
        return planIds.isEmpty() ? List.of() : list("planId in ?1", planIds);
    }
}

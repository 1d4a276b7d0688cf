package org.backstrong.planner.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

import org.backstrong.planner.domain.PrescriptionChange;

@ApplicationScoped
public class PrescriptionChangeRepository implements PanacheRepositoryBase<PrescriptionChange, UUID> {

    /** Whether this item's trail already holds this suggestion (same rule, same words). */
    public boolean suggested(UUID itemId, String rule, String reason) {
        return count("itemId = ?1 and rule = ?2 and reason = ?3", itemId, rule, reason) > 0;
    }

    public List<PrescriptionChange> ofPlan(UUID planId) {
        return list("planId", Sort.by("changedAt").and("id"), planId);
    }
}

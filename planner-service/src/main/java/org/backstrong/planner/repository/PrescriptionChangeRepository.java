package org.backstrong.planner.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.backstrong.planner.domain.PrescriptionChange;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class PrescriptionChangeRepository implements PanacheRepositoryBase<PrescriptionChange, UUID> {

    public List<PrescriptionChange> ofPlan(UUID planId) {
        return list("planId", Sort.by("changedAt").and("id"), planId);
    }
}

package org.backstrong.planner.repository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;

import org.backstrong.planner.domain.Plan;
import org.backstrong.planner.domain.PlanStatus;

@ApplicationScoped
public class PlanRepository implements PanacheRepositoryBase<Plan, UUID> {

    public List<Plan> ofPatient(String patientId) {
        return list("patientId", Sort.descending("startDate").and("id"), patientId);
    }

    /** The plan a patient follows now: active or paused, the latest started. */
    public Optional<Plan> currentOf(String patientId) {
        return find(
                        "patientId = :patient and status <> :completed",
                        Sort.descending("startDate").and("createdAt"),
                        Parameters.with("patient", patientId).and("completed", PlanStatus.COMPLETED))
                .firstResultOptional();
    }
}

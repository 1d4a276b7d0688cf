package org.backstrong.planner.repository;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;

import org.backstrong.planner.domain.Measure;
import org.backstrong.planner.domain.OutcomeResponse;

@ApplicationScoped
public class OutcomeResponseRepository implements PanacheRepositoryBase<OutcomeResponse, UUID> {

    /** The response to one occasion of a plan's schedule. */
    public Optional<OutcomeResponse> of(UUID planId, Measure measure, LocalDate dueOn) {
        return find(
                        "planId = :plan and measure = :measure and dueOn = :dueOn",
                        Parameters.with("plan", planId).and("measure", measure).and("dueOn", dueOn))
                .firstResultOptional();
    }

    /** The plan's first response to a measure (PSFS: the one that named the activities). */
    public Optional<OutcomeResponse> firstOf(UUID planId, Measure measure) {
        return find(
                        "planId = :plan and measure = :measure order by dueOn",
                        Parameters.with("plan", planId).and("measure", measure))
                .firstResultOptional();
    }

    /** Every response of the patient, oldest first. */
    public List<OutcomeResponse> ofPatient(String patientId) {
        return list("patientId = ?1 order by dueOn, measure", patientId);
    }
}

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

    /**
     * Stores the response unless its id or its occasion (plan, measure, due day) is taken, as by a send of
     * the same response committed meanwhile: whether it was stored. No exception, so the transaction goes on.
     */
    public boolean insertIfAbsent(OutcomeResponse response) {
        return getEntityManager()
                        .createNativeQuery("""
                INSERT INTO outcome_response (id, patient_id, plan_id, measure, occasion, due_on, completed_on,
                    answers, score, items_answered, items_total, basis, questionnaire, logged_at)
                VALUES (:id, :patient, :plan, :measure, :occasion, :dueOn, :completedOn,
                    CAST(:answers AS jsonb), :score, :itemsAnswered, :itemsTotal, :basis, :questionnaire, :loggedAt)
                ON CONFLICT DO NOTHING
                """)
                        .setParameter("id", response.id)
                        .setParameter("patient", response.patientId)
                        .setParameter("plan", response.planId)
                        .setParameter("measure", response.measure.name())
                        .setParameter("occasion", response.occasion.name())
                        .setParameter("dueOn", response.dueOn)
                        .setParameter("completedOn", response.completedOn)
                        .setParameter("answers", response.answers)
                        .setParameter("score", response.score)
                        .setParameter("itemsAnswered", response.itemsAnswered)
                        .setParameter("itemsTotal", response.itemsTotal)
                        .setParameter("basis", response.basis)
                        .setParameter("questionnaire", response.questionnaire)
                        .setParameter("loggedAt", response.loggedAt)
                        .executeUpdate()
                == 1;
    }

    /** Every response of the patient, oldest first. */
    public List<OutcomeResponse> ofPatient(String patientId) {
        return list("patientId = ?1 order by dueOn, measure", patientId);
    }
}

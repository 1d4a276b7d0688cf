package org.backstrong.planner.repository;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.backstrong.planner.domain.LoggedSet;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class LoggedSetRepository implements PanacheRepositoryBase<LoggedSet, UUID> {

    /**
     * Stores a set unless its id (or its slot: item, day, set number, side) is already stored;
     * true when this call stored it. One statement, so two resends racing each other store it once.
     */
    public boolean insertIfNew(LoggedSet set) {
        return getEntityManager().createNativeQuery("""
                INSERT INTO logged_set (id, patient_id, plan_id, item_id, session_date, set_number, side, reps, seconds,
                    load_kg, band, rir, rpe, pain, beyond_normal_fatigue, note, logged_at)
                VALUES (:id, :patient, :plan, :item, :date, :number, :side, :reps, :seconds, :loadKg, :band, :rir, :rpe,
                    :pain, :beyond, :note, :loggedAt)
                ON CONFLICT DO NOTHING""")
                .setParameter("id", set.id)
                .setParameter("patient", set.patientId)
                .setParameter("plan", set.planId)
                .setParameter("item", set.itemId)
                .setParameter("date", set.sessionDate)
                .setParameter("number", set.setNumber)
                .setParameter("side", set.side == null ? null : set.side.name())
                .setParameter("reps", set.reps)
                .setParameter("seconds", set.seconds)
                .setParameter("loadKg", set.loadKg)
                .setParameter("band", set.band)
                .setParameter("rir", set.rir)
                .setParameter("rpe", set.rpe)
                .setParameter("pain", set.pain)
                .setParameter("beyond", set.beyondNormalFatigue)
                .setParameter("note", set.note)
                .setParameter("loggedAt", set.loggedAt)
                .executeUpdate() == 1;
    }

    public List<LoggedSet> ofSession(UUID planId, LocalDate date) {
        return list("planId = :plan and sessionDate = :date", Sort.by("setNumber").and("side").and("loggedAt"),
                Parameters.with("plan", planId).and("date", date));
    }

    public long countOfSession(UUID planId, LocalDate date) {
        return count("planId = :plan and sessionDate = :date", Parameters.with("plan", planId).and("date", date));
    }
}

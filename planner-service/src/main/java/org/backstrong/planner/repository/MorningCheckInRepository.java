package org.backstrong.planner.repository;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;

import org.backstrong.planner.domain.MorningCheckIn;

@ApplicationScoped
public class MorningCheckInRepository implements PanacheRepositoryBase<MorningCheckIn, UUID> {

    /**
     * Stores the check-in unless its id or its day is taken, as by a send of the same check-in committed
     * meanwhile: whether it was stored. No exception, so the transaction goes on.
     */
    public boolean insertIfAbsent(MorningCheckIn checkIn) {
        return getEntityManager()
                        .createNativeQuery("""
                INSERT INTO morning_check_in (id, patient_id, plan_id, date, pain, logged_at)
                VALUES (:id, :patient, :plan, :date, :pain, :loggedAt)
                ON CONFLICT DO NOTHING
                """)
                        .setParameter("id", checkIn.id)
                        .setParameter("patient", checkIn.patientId)
                        .setParameter("plan", checkIn.planId)
                        .setParameter("date", checkIn.date)
                        .setParameter("pain", checkIn.pain)
                        .setParameter("loggedAt", checkIn.loggedAt)
                        .executeUpdate()
                == 1;
    }

    public Optional<MorningCheckIn> of(String patientId, LocalDate date) {
        return find(
                        "patientId = :patient and date = :date",
                        Parameters.with("patient", patientId).and("date", date))
                .firstResultOptional();
    }
}

package org.backstrong.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import org.backstrong.progress.domain.AdherenceChange;
import org.backstrong.progress.domain.LoggedSet;
import org.backstrong.progress.repository.AdherenceProjection;

/**
 * adherence_clinic_week (migration V7) holds adherence_week summed per clinic and week, kept by
 * triggers: after the projection's inserts and upserts, and a delete, it equals the sums read from
 * the weekly rows themselves.
 */
@QuarkusTest
class AdherenceClinicWeekTest {

    private static final LocalDate MONDAY = LocalDate.of(2026, 3, 2);

    @Inject
    AdherenceProjection projection;

    @Inject
    EntityManager em;

    final String clinic = "clinic-rollup-" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void holdsTheWeeklyRowsSumsPerClinicAndWeekThroughInsertsUpdatesAndDeletes() {
        List<String> patients = List.of(patient(), patient(), patient());
        QuarkusTransaction.requiringNew().run(() -> {
            for (String patient : patients) {
                projection.addScheduled(
                        patient,
                        clinic,
                        "template-a",
                        List.of(
                                new AdherenceChange.WeekDelta(MONDAY, 3, Map.of("dumbbell-row", 6)),
                                new AdherenceChange.WeekDelta(MONDAY.plusWeeks(1), 3, Map.of("dumbbell-row", 6))),
                        List.of(new AdherenceChange.DayDelta(MONDAY, 1, Map.of("dumbbell-row", 2))));
            }
        });
        assertEquals(aggregate(), rollup());

        // Upserts onto existing rows, and a row of a new week, in one statement.
        QuarkusTransaction.requiringNew().run(() -> {
            List<LoggedSet> sets = new ArrayList<>();
            int pain = 0;
            for (String patient : patients) {
                sets.add(set(patient, MONDAY, pain++));
                sets.add(set(patient, MONDAY.plusDays(2), pain++));
            }
            sets.add(set(patients.get(0), MONDAY.plusWeeks(2), 6));
            projection.addLoggedSets(sets);
            projection.addCompletedSession(patients.get(1), clinic, MONDAY);
        });
        assertEquals(aggregate(), rollup());

        QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery("DELETE FROM adherence_week WHERE patient_id = ?1 AND week_start = ?2")
                        .setParameter(1, patients.get(2))
                        .setParameter(2, MONDAY.plusWeeks(1))
                        .executeUpdate());
        List<String> rollup = rollup();
        assertEquals(aggregate(), rollup);
        assertEquals(3, rollup.size(), rollup::toString);
        assertEquals(MONDAY + " 3 9 1 18 6 15 6 5", rollup.get(0));
        assertEquals(MONDAY.plusWeeks(1) + " 2 6 0 12 0 0 0 null", rollup.get(1));
        assertEquals(MONDAY.plusWeeks(2) + " 1 0 0 0 1 6 1 6", rollup.get(2));
    }

    private String patient() {
        return "p-" + UUID.randomUUID();
    }

    private LoggedSet set(String patient, LocalDate day, int pain) {
        LoggedSet set = new LoggedSet();
        set.setId = UUID.randomUUID();
        set.patientId = patient;
        set.clinicId = clinic;
        set.exerciseId = "dumbbell-row";
        set.sessionDate = day;
        set.pain = pain;
        return set;
    }

    /** The clinic's weeks from the weekly rows: week, patients, sessions, sets, pain (sum, count, peak). */
    private List<String> aggregate() {
        return rows("SELECT week_start::text || ' ' || count(*) || ' ' || sum(sessions_scheduled) || ' ' "
                + "|| sum(sessions_completed) || ' ' || sum(sets_prescribed) || ' ' || sum(sets_logged) || ' ' "
                + "|| sum(pain_sum) || ' ' || sum(pain_count) || ' ' || coalesce(max(pain_peak)::text, 'null') "
                + "FROM adherence_week WHERE clinic_id = ?1 GROUP BY week_start ORDER BY week_start");
    }

    /** The same from adherence_clinic_week. */
    private List<String> rollup() {
        return rows("SELECT week_start::text || ' ' || patients || ' ' || sessions_scheduled || ' ' "
                + "|| sessions_completed || ' ' || sets_prescribed || ' ' || sets_logged || ' ' || pain_sum || ' ' "
                + "|| pain_count || ' ' || coalesce(pain_peak::text, 'null') FROM adherence_clinic_week "
                + "WHERE clinic_id = ?1 AND patients > 0 ORDER BY week_start");
    }

    @SuppressWarnings("unchecked")
    private List<String> rows(String sql) {
        return QuarkusTransaction.requiringNew().call(() ->
                (List<String>) em.createNativeQuery(sql).setParameter(1, clinic).getResultList());
    }
}

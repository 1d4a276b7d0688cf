package org.backstrong.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import org.backstrong.progress.domain.AdherenceChange;
import org.backstrong.progress.domain.LoggedSet;
import org.backstrong.progress.repository.AdherenceProjection;

/**
 * adherence_clinic_week (migrations V7, V8) holds adherence_week summed per clinic and week, in
 * stripes, kept by triggers: after the projection's inserts and upserts, and a delete, its stripes
 * summed equal the sums read from the weekly rows themselves; two connections add to one clinic's
 * week without waiting for each other.
 */
@QuarkusTest
class AdherenceClinicWeekTest {

    private static final LocalDate MONDAY = LocalDate.of(2026, 3, 2);

    @Inject
    AdherenceProjection projection;

    @Inject
    EntityManager em;

    @Inject
    AgroalDataSource dataSource;

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

    @Test
    void twoConnectionsAddToOneClinicWeekSideBySideAndTheirStripesSumUp() throws SQLException {
        String first = patient();
        String second = patient();
        try (Connection one = dataSource.getConnection();
                Connection other = connectionOnAnotherStripe(one)) {
            one.setAutoCommit(false);
            other.setAutoCommit(false);
            addWeek(one, first, 3, 4);
            // Before the first commits: the second would wait here if both added to the same row.
            try (Statement impatient = other.createStatement()) {
                impatient.execute("SET LOCAL lock_timeout = '2s'");
            }
            addWeek(other, second, 2, 7);
            other.commit();
            one.commit();
            // A row added through one stripe and removed through another.
            try (PreparedStatement delete =
                    other.prepareStatement("DELETE FROM adherence_week WHERE patient_id = ? AND week_start = ?")) {
                delete.setString(1, first);
                delete.setObject(2, MONDAY);
                delete.executeUpdate();
            }
            other.commit();
        }
        List<String> rollup = rollup();
        assertEquals(aggregate(), rollup);
        assertEquals(List.of(MONDAY + " 1 2 0 0 0 7 1 7"), rollup);
    }

    /** A connection of the pool whose backend adds to another stripe than {@code one}'s. */
    private Connection connectionOnAnotherStripe(Connection one) throws SQLException {
        int stripe = stripe(one);
        List<Connection> tried = new ArrayList<>();
        try {
            for (int i = 0; i < 10; i++) {
                Connection candidate = dataSource.getConnection();
                if (stripe(candidate) != stripe) {
                    return candidate;
                }
                tried.add(candidate);
            }
        } finally {
            for (Connection connection : tried) {
                connection.close();
            }
        }
        return fail("Ten connections of the pool, all on stripe " + stripe);
    }

    private static int stripe(Connection connection) throws SQLException {
        try (Statement query = connection.createStatement();
                ResultSet pid = query.executeQuery("SELECT pg_backend_pid() % 16")) {
            pid.next();
            return pid.getInt(1);
        }
    }

    private void addWeek(Connection connection, String patient, int sessions, int pain) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO adherence_week (patient_id, "
                        + "week_start, clinic_id, sessions_scheduled, pain_sum, pain_count, pain_peak) VALUES (?, ?, ?, ?, ?, 1, ?)")) {
            insert.setString(1, patient);
            insert.setObject(2, MONDAY);
            insert.setString(3, clinic);
            insert.setInt(4, sessions);
            insert.setInt(5, pain);
            insert.setInt(6, pain);
            insert.executeUpdate();
        }
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
        return rows("SELECT week_start::text || ' ' || sum(patients) || ' ' || sum(sessions_scheduled) || ' ' "
                + "|| sum(sessions_completed) || ' ' || sum(sets_prescribed) || ' ' || sum(sets_logged) || ' ' "
                + "|| sum(pain_sum) || ' ' || sum(pain_count) || ' ' || coalesce(max(pain_peak)::text, 'null') "
                + "FROM adherence_clinic_week WHERE clinic_id = ?1 GROUP BY week_start HAVING sum(patients) > 0 "
                + "ORDER BY week_start");
    }

    @SuppressWarnings("unchecked")
    private List<String> rows(String sql) {
        return QuarkusTransaction.requiringNew().call(() ->
                (List<String>) em.createNativeQuery(sql).setParameter(1, clinic).getResultList());
    }
}

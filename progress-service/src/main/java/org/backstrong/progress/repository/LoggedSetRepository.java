package org.backstrong.progress.repository;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import org.hibernate.Session;

import org.backstrong.progress.domain.LoggedSet;

@ApplicationScoped
public class LoggedSetRepository implements PanacheRepositoryBase<LoggedSet, UUID> {

    public List<LoggedSet> ofSession(UUID planId, LocalDate sessionDate) {
        return list("planId = ?1 and sessionDate = ?2", Sort.by("loggedAt").and("setNumber"), planId, sessionDate);
    }

    /** The first set of the latest session day before {@code date}: the pre-session pain level. */
    public Optional<LoggedSet> firstOfLatestSessionBefore(String patientId, LocalDate date) {
        return find(
                        "patientId = ?1 and sessionDate = (select max(s.sessionDate) from LoggedSet s "
                                + "where s.patientId = ?1 and s.sessionDate < ?2)",
                        Sort.by("loggedAt").and("setNumber"),
                        patientId,
                        date)
                .firstResultOptional();
    }

    public List<LoggedSet> ofPatient(String patientId, LocalDate from, LocalDate to) {
        return list(
                "patientId = ?1 and sessionDate between ?2 and ?3",
                Sort.by("sessionDate").and("loggedAt").and("setNumber"),
                patientId,
                from,
                to);
    }

    /**
     * Inserts the sets (set ids distinct) in one statement; returns those inserted now, in the
     * order given. A set id known already changes nothing.
     */
    public List<LoggedSet> insertNew(List<LoggedSet> batch) {
        if (batch.isEmpty()) {
            return List.of();
        }
        Set<UUID> inserted = new HashSet<>();
        getEntityManager().unwrap(Session.class).doWork(connection -> insert(connection, batch, inserted));
        List<LoggedSet> fresh = new ArrayList<>(inserted.size());
        for (LoggedSet set : batch) {
            if (inserted.contains(set.setId)) {
                fresh.add(set);
            }
        }
        return fresh;
    }

    private static void insert(Connection connection, List<LoggedSet> batch, Set<UUID> inserted) throws SQLException {
        int n = batch.size();
        String[][] columns = new String[19][n];
        for (int i = 0; i < n; i++) {
            LoggedSet set = batch.get(i);
            columns[0][i] = set.setId.toString();
            columns[1][i] = set.patientId;
            columns[2][i] = set.clinicId;
            columns[3][i] = set.planId.toString();
            columns[4][i] = set.itemId.toString();
            columns[5][i] = set.exerciseId;
            columns[6][i] = set.sessionDate.toString();
            columns[7][i] = Integer.toString(set.setNumber);
            columns[8][i] = set.side;
            columns[9][i] = text(set.reps);
            columns[10][i] = text(set.seconds);
            columns[11][i] = set.loadKg == null ? null : set.loadKg.toPlainString();
            columns[12][i] = set.band;
            columns[13][i] = text(set.rir);
            columns[14][i] = set.rpe == null ? null : set.rpe.toPlainString();
            columns[15][i] = Integer.toString(set.pain);
            columns[16][i] = Boolean.toString(set.beyondNormalFatigue);
            columns[17][i] = set.loggedAt.toString();
            columns[18][i] = set.note;
        }
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO logged_set (set_id, patient_id, clinic_id, plan_id, item_id, exercise_id, session_date,
                    set_number, side, reps, seconds, load_kg, band, rir, rpe, pain, beyond_normal_fatigue, logged_at,
                    note)
                SELECT * FROM unnest(?::text[]::uuid[], ?::text[], ?::text[], ?::text[]::uuid[], ?::text[]::uuid[],
                    ?::text[], ?::text[]::date[], ?::text[]::int[], ?::text[], ?::text[]::int[], ?::text[]::int[],
                    ?::text[]::numeric[], ?::text[], ?::text[]::int[], ?::text[]::numeric[], ?::text[]::int[],
                    ?::text[]::boolean[], ?::text[]::timestamptz[], ?::text[])
                ON CONFLICT (set_id) DO NOTHING RETURNING set_id""")) {
            for (int c = 0; c < columns.length; c++) {
                insert.setArray(c + 1, connection.createArrayOf("text", columns[c]));
            }
            try (ResultSet rows = insert.executeQuery()) {
                while (rows.next()) {
                    inserted.add(rows.getObject(1, UUID.class));
                }
            }
        }
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}

package org.backstrong.progress.repository;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;

import org.hibernate.Session;

import org.backstrong.progress.domain.AdherenceChange;
import org.backstrong.progress.domain.LoggedSet;
import org.backstrong.progress.domain.progression.WeekPain;

/**
 * The write side of adherence: the projections per patient and ISO week, per exercise and week, and
 * per day, kept by increments as events arrive. Every change is a set of increments to rows, added
 * with one upsert per table; a single set is a batch of one.
 */
@ApplicationScoped
public class AdherenceProjection {

    /** The exercise id of a day's row that holds its sessions (and template) rather than an exercise's sets. */
    static final String SESSIONS_ROW = "";

    /** A table of the projection: its date column and whether it has an exercise, sessions and a template. */
    private enum Table {
        WEEK("adherence_week", "week_start", false, true),
        EXERCISE_WEEK("adherence_exercise_week", "week_start", true, false),
        DAY("adherence_day", "day", true, true);

        private final String sql;
        private final boolean perExercise;
        private final boolean sessions;

        Table(String name, String dateColumn, boolean perExercise, boolean sessions) {
            this.perExercise = perExercise;
            this.sessions = sessions;
            this.sql = upsert(name, dateColumn, perExercise, sessions);
        }
    }

    /** A row of one table: the patient, the week's Monday (or the day), and the exercise ('' or null when none). */
    private record Key(Table table, String patientId, LocalDate date, String exerciseId) {}

    /** What one change adds to one row; the clinic and template are written when the row is new. */
    private static final class Increment {
        final String clinicId;
        String templateId = "";
        int sessionsScheduled;
        int sessionsCompleted;
        int setsPrescribed;
        int setsLogged;
        int painSum;
        int painCount;
        Integer painPeak;

        Increment(String clinicId) {
            this.clinicId = clinicId;
        }

        void pain(int pain) {
            setsLogged++;
            painSum += pain;
            painCount++;
            painPeak = painPeak == null ? pain : Math.max(painPeak, pain);
        }
    }

    private final EntityManager em;

    public AdherenceProjection(EntityManager em) {
        this.em = em;
    }

    /**
     * A plan's change of schedule: each week's sessions and sets, each exercise's sets in that week,
     * and day by day ({@link AdherenceChange#daysBetween}) the sessions on the day's row without
     * exercise and the sets on each exercise's row.
     */
    public void addScheduled(
            String patientId,
            String clinicId,
            String templateId,
            Collection<AdherenceChange.WeekDelta> weeks,
            Collection<AdherenceChange.DayDelta> days) {
        Map<Key, Increment> rows = new LinkedHashMap<>();
        String template = templateId == null ? "" : templateId;
        for (AdherenceChange.WeekDelta week : weeks) {
            Increment sessions = row(rows, new Key(Table.WEEK, patientId, week.weekStart(), null), clinicId);
            sessions.templateId = template;
            sessions.sessionsScheduled += week.sessions();
            sessions.setsPrescribed += week.sets();
            week.setsByExercise()
                    .forEach((exercise, sets) ->
                            row(rows, new Key(Table.EXERCISE_WEEK, patientId, week.weekStart(), exercise), clinicId)
                                    .setsPrescribed += sets);
        }
        for (AdherenceChange.DayDelta day : days) {
            if (day.sessions() != 0) {
                Increment sessions = row(rows, new Key(Table.DAY, patientId, day.day(), SESSIONS_ROW), clinicId);
                sessions.templateId = template;
                sessions.sessionsScheduled += day.sessions();
            }
            day.setsByExercise().forEach((exercise, sets) -> {
                Increment row = row(rows, new Key(Table.DAY, patientId, day.day(), exercise), clinicId);
                row.templateId = template;
                row.setsPrescribed += sets;
            });
        }
        write(rows);
    }

    /** Logged sets, one or many: each counts in its week, its exercise's week and its exercise's day. */
    public void addLoggedSets(List<LoggedSet> logged) {
        Map<Key, Increment> rows = new LinkedHashMap<>();
        for (LoggedSet set : logged) {
            LocalDate week = AdherenceChange.weekStart(set.sessionDate);
            row(rows, new Key(Table.WEEK, set.patientId, week, null), set.clinicId)
                    .pain(set.pain);
            row(rows, new Key(Table.EXERCISE_WEEK, set.patientId, week, set.exerciseId), set.clinicId)
                    .pain(set.pain);
            row(rows, new Key(Table.DAY, set.patientId, set.sessionDate, set.exerciseId), set.clinicId)
                    .pain(set.pain);
        }
        write(rows);
    }

    /** A session that counts (80 % of its sets logged), in its week and on its day. */
    public void addCompletedSession(String patientId, String clinicId, LocalDate sessionDate) {
        Map<Key, Increment> rows = new LinkedHashMap<>();
        row(rows, new Key(Table.WEEK, patientId, AdherenceChange.weekStart(sessionDate), null), clinicId)
                .sessionsCompleted++;
        row(rows, new Key(Table.DAY, patientId, sessionDate, SESSIONS_ROW), clinicId).sessionsCompleted++;
        write(rows);
    }

    /**
     * The patient's weekly mean pain for the weeks from {@code firstWeek} to {@code lastWeek}, oldest
     * first: what the weekly pain trend reads while the session's event is applied.
     */
    public List<WeekPain> weeklyPain(String patientId, LocalDate firstWeek, LocalDate lastWeek) {
        @SuppressWarnings("unchecked")
        List<Tuple> rows = em.createNativeQuery("""
                SELECT week_start, pain_sum::float8 / pain_count AS mean FROM adherence_week
                WHERE patient_id = ?1 AND week_start BETWEEN ?2 AND ?3 AND pain_count > 0 ORDER BY week_start""", Tuple.class)
                .setParameter(1, patientId)
                .setParameter(2, firstWeek)
                .setParameter(3, lastWeek)
                .getResultList();
        return rows.stream()
                .map(row -> new WeekPain(AdherenceReadModel.date(row.get(0)), ((Number) row.get(1)).doubleValue()))
                .toList();
    }

    private static Increment row(Map<Key, Increment> rows, Key key, String clinicId) {
        return rows.computeIfAbsent(key, k -> new Increment(clinicId));
    }

    /** The increments, table by table, with one statement each. */
    private void write(Map<Key, Increment> rows) {
        if (rows.isEmpty()) {
            return;
        }
        em.unwrap(Session.class).doWork(connection -> {
            for (Table table : Table.values()) {
                List<Map.Entry<Key, Increment>> ofTable = new ArrayList<>();
                rows.entrySet().stream()
                        .filter(row -> row.getKey().table() == table)
                        .forEach(ofTable::add);
                if (!ofTable.isEmpty()) {
                    upsert(connection, table, ofTable);
                }
            }
        });
    }

    private static void upsert(Connection connection, Table table, List<Map.Entry<Key, Increment>> rows)
            throws SQLException {
        List<String[]> texts = new ArrayList<>();
        texts.add(rows.stream().map(row -> row.getKey().patientId()).toArray(String[]::new));
        texts.add(rows.stream().map(row -> row.getKey().date().toString()).toArray(String[]::new));
        if (table.perExercise) {
            texts.add(rows.stream().map(row -> row.getKey().exerciseId()).toArray(String[]::new));
        }
        texts.add(rows.stream().map(row -> row.getValue().clinicId).toArray(String[]::new));
        List<Function<Increment, Integer>> counts = new ArrayList<>();
        if (table.sessions) {
            texts.add(rows.stream().map(row -> row.getValue().templateId).toArray(String[]::new));
            counts.add(row -> row.sessionsScheduled);
            counts.add(row -> row.sessionsCompleted);
        }
        counts.addAll(List.of(
                row -> row.setsPrescribed,
                row -> row.setsLogged,
                row -> row.painSum,
                row -> row.painCount,
                row -> row.painPeak));
        try (PreparedStatement upsert = connection.prepareStatement(table.sql)) {
            int p = 1;
            for (String[] column : texts) {
                upsert.setArray(p++, connection.createArrayOf("text", column));
            }
            for (Function<Increment, Integer> count : counts) {
                upsert.setArray(
                        p++,
                        connection.createArrayOf(
                                "int4",
                                rows.stream()
                                        .map(row -> count.apply(row.getValue()))
                                        .toArray(Integer[]::new)));
            }
            upsert.executeUpdate();
        }
    }

    /**
     * The one upsert of a table: inserts each row, or adds its counts to the row there; the pain
     * peak is the greater, and the template is kept unless the increment names one.
     */
    private static String upsert(String name, String dateColumn, boolean perExercise, boolean sessions) {
        List<String> keys = new ArrayList<>(List.of("patient_id", dateColumn));
        if (perExercise) {
            keys.add("exercise_id");
        }
        List<String> texts = new ArrayList<>(keys);
        texts.add("clinic_id");
        List<String> counts = new ArrayList<>();
        if (sessions) {
            texts.add("template_id");
            counts.addAll(List.of("sessions_scheduled", "sessions_completed"));
        }
        counts.addAll(List.of("sets_prescribed", "sets_logged", "pain_sum", "pain_count"));
        List<String> casts = new ArrayList<>();
        texts.forEach(column -> casts.add(column.equals(dateColumn) ? "?::text[]::date[]" : "?::text[]"));
        counts.forEach(column -> casts.add("?::int[]"));
        casts.add("?::int[]");
        List<String> updates = new ArrayList<>();
        counts.forEach(column -> updates.add(column + " = " + name + "." + column + " + EXCLUDED." + column));
        updates.add("pain_peak = GREATEST(" + name + ".pain_peak, EXCLUDED.pain_peak)");
        if (sessions) {
            updates.add("template_id = CASE WHEN EXCLUDED.template_id = '' THEN " + name + ".template_id "
                    + "ELSE EXCLUDED.template_id END");
        }
        return "INSERT INTO " + name + " (" + String.join(", ", texts) + ", " + String.join(", ", counts)
                + ", pain_peak) SELECT * FROM unnest(" + String.join(", ", casts) + ") "
                + "ON CONFLICT (" + String.join(", ", keys) + ") DO UPDATE SET " + String.join(", ", updates);
    }
}

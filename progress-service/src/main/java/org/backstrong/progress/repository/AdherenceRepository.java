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

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import org.backstrong.progress.domain.AdherenceChange;
import org.backstrong.progress.domain.DuePeriod;
import org.backstrong.progress.domain.LoggedSet;
import org.backstrong.progress.domain.progression.WeekPain;
import org.hibernate.Session;

/**
 * The adherence projections, per patient and ISO week, per exercise and week, and per day (for the
 * week a query ends in), kept by increments (upserts) as events arrive, and the analysts' aggregate
 * queries over them.
 */
@ApplicationScoped
public class AdherenceRepository {

    /** How rows are grouped in {@link #summary}. */
    public enum Grouping {
        WEEK("week_start::text"),
        PATIENT("patient_id"),
        TEMPLATE("template_id"),
        EXERCISE("exercise_id");

        private final String column;

        Grouping(String column) {
            this.column = column;
        }
    }

    /** One aggregated row; the session counts are null when grouped by exercise. */
    public record Totals(String key, long patients, Long sessionsScheduled, Long sessionsCompleted, long setsPrescribed,
            long setsLogged, long painSum, long painCount, Integer painPeak) {
    }

    /** A patient's sessions over a period. */
    public record PatientSessions(String patientId, String clinicId, long scheduled, long completed) {
    }

    /** A patient's first and latest week with pain reported. */
    public record PainSpan(String patientId, double firstWeekMean, double latestWeekMean) {
    }

    /** The exercise id of a day's row that holds its sessions (and template) rather than an exercise's sets. */
    static final String SESSIONS_ROW = "";

    /** The analysts' queries read only the clinics they may see (the caller's clinic_ids). */
    private static final String IN_CLINICS = " AND clinic_id IN (:clinics)";

    private final EntityManager em;

    public AdherenceRepository(EntityManager em) {
        this.em = em;
    }

    public void addScheduled(String patientId, String clinicId, String templateId, LocalDate week, int sessions,
            int sets) {
        em.createNativeQuery("""
                INSERT INTO adherence_week (patient_id, week_start, clinic_id, template_id, sessions_scheduled, sets_prescribed)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                ON CONFLICT (patient_id, week_start) DO UPDATE SET
                    sessions_scheduled = adherence_week.sessions_scheduled + EXCLUDED.sessions_scheduled,
                    sets_prescribed = adherence_week.sets_prescribed + EXCLUDED.sets_prescribed,
                    template_id = CASE WHEN EXCLUDED.template_id = '' THEN adherence_week.template_id
                                       ELSE EXCLUDED.template_id END""")
                .setParameter(1, patientId).setParameter(2, week).setParameter(3, clinicId)
                .setParameter(4, templateId == null ? "" : templateId).setParameter(5, sessions).setParameter(6, sets)
                .executeUpdate();
    }

    public void addScheduledForExercise(String patientId, String clinicId, LocalDate week, String exerciseId, int sets) {
        em.createNativeQuery("""
                INSERT INTO adherence_exercise_week (patient_id, week_start, exercise_id, clinic_id, sets_prescribed)
                VALUES (?1, ?2, ?3, ?4, ?5)
                ON CONFLICT (patient_id, week_start, exercise_id) DO UPDATE SET
                    sets_prescribed = adherence_exercise_week.sets_prescribed + EXCLUDED.sets_prescribed""")
                .setParameter(1, patientId).setParameter(2, week).setParameter(3, exerciseId).setParameter(4, clinicId)
                .setParameter(5, sets)
                .executeUpdate();
    }

    /**
     * A plan's change of schedule day by day ({@link AdherenceChange#daysBetween}), in one statement:
     * the sessions on the day's row without exercise, the sets on each exercise's row.
     */
    public void addScheduledDays(String patientId, String clinicId, String templateId,
            Collection<AdherenceChange.DayDelta> days) {
        List<String> dates = new ArrayList<>();
        List<String> exercises = new ArrayList<>();
        List<Integer> sessions = new ArrayList<>();
        List<Integer> sets = new ArrayList<>();
        for (AdherenceChange.DayDelta day : days) {
            if (day.sessions() != 0) {
                dates.add(day.day().toString());
                exercises.add(SESSIONS_ROW);
                sessions.add(day.sessions());
                sets.add(0);
            }
            day.setsByExercise().forEach((exercise, count) -> {
                dates.add(day.day().toString());
                exercises.add(exercise);
                sessions.add(0);
                sets.add(count);
            });
        }
        if (dates.isEmpty()) {
            return;
        }
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement upsert = connection.prepareStatement("""
                    INSERT INTO adherence_day (patient_id, day, exercise_id, clinic_id, template_id, sessions_scheduled,
                        sets_prescribed)
                    SELECT ?, d, x, ?, ?, s, n FROM unnest(?::text[]::date[], ?::text[], ?::int[], ?::int[]) AS r (d, x, s, n)
                    ON CONFLICT (patient_id, day, exercise_id) DO UPDATE SET
                        sessions_scheduled = adherence_day.sessions_scheduled + EXCLUDED.sessions_scheduled,
                        sets_prescribed = adherence_day.sets_prescribed + EXCLUDED.sets_prescribed,
                        template_id = CASE WHEN EXCLUDED.template_id = '' THEN adherence_day.template_id
                                           ELSE EXCLUDED.template_id END""")) {
                upsert.setString(1, patientId);
                upsert.setString(2, clinicId);
                upsert.setString(3, templateId == null ? "" : templateId);
                upsert.setArray(4, connection.createArrayOf("text", dates.toArray()));
                upsert.setArray(5, connection.createArrayOf("text", exercises.toArray()));
                upsert.setArray(6, connection.createArrayOf("int4", sessions.toArray()));
                upsert.setArray(7, connection.createArrayOf("int4", sets.toArray()));
                upsert.executeUpdate();
            }
        });
    }

    /** Logged sets of one patient and week (and exercise), summed before they are added. */
    private static final class Logged {
        final String clinicId;
        int sets;
        int painSum;
        int painPeak;

        Logged(String clinicId, int pain) {
            this.clinicId = clinicId;
            this.painPeak = pain;
        }

        void add(int pain) {
            sets++;
            painSum += pain;
            painPeak = Math.max(painPeak, pain);
        }
    }

    private record Week(String patientId, LocalDate weekStart) {
    }

    private record ExerciseWeek(String patientId, LocalDate weekStart, String exerciseId) {
    }

    private record ExerciseDay(String patientId, LocalDate day, String exerciseId) {
    }

    /**
     * Logged sets, many at once: the increments are summed per row in memory and added with one
     * upsert per table (the week, the exercise's week, the exercise's day), so the rows end up exactly
     * as one upsert per set would leave them.
     */
    public void addLoggedSets(List<LoggedSet> logged) {
        if (logged.isEmpty()) {
            return;
        }
        Map<Week, Logged> weeks = new LinkedHashMap<>();
        Map<ExerciseWeek, Logged> exerciseWeeks = new LinkedHashMap<>();
        Map<ExerciseDay, Logged> exerciseDays = new LinkedHashMap<>();
        for (LoggedSet set : logged) {
            LocalDate week = AdherenceChange.weekStart(set.sessionDate);
            weeks.computeIfAbsent(new Week(set.patientId, week), key -> new Logged(set.clinicId, set.pain)).add(set.pain);
            exerciseWeeks.computeIfAbsent(new ExerciseWeek(set.patientId, week, set.exerciseId),
                    key -> new Logged(set.clinicId, set.pain)).add(set.pain);
            exerciseDays.computeIfAbsent(new ExerciseDay(set.patientId, set.sessionDate, set.exerciseId),
                    key -> new Logged(set.clinicId, set.pain)).add(set.pain);
        }
        em.unwrap(Session.class).doWork(connection -> {
            upsert(connection, """
                    INSERT INTO adherence_week (patient_id, week_start, clinic_id, sets_logged, pain_sum, pain_count, pain_peak)
                    SELECT p, w, c, n, s, n, m FROM unnest(?::text[], ?::text[]::date[], ?::text[], ?::int[], ?::int[], ?::int[])
                        AS r (p, w, c, n, s, m)
                    ON CONFLICT (patient_id, week_start) DO UPDATE SET
                        sets_logged = adherence_week.sets_logged + EXCLUDED.sets_logged,
                        pain_sum = adherence_week.pain_sum + EXCLUDED.pain_sum,
                        pain_count = adherence_week.pain_count + EXCLUDED.pain_count,
                        pain_peak = GREATEST(adherence_week.pain_peak, EXCLUDED.pain_peak)""",
                    weeks.entrySet().stream().map(e -> new Object[] { e.getKey().patientId(),
                            e.getKey().weekStart().toString(), e.getValue() }).toList(), null);
            upsert(connection, """
                    INSERT INTO adherence_exercise_week (patient_id, week_start, exercise_id, clinic_id, sets_logged, pain_sum,
                        pain_count, pain_peak)
                    SELECT p, w, x, c, n, s, n, m FROM unnest(?::text[], ?::text[]::date[], ?::text[], ?::text[], ?::int[],
                        ?::int[], ?::int[]) AS r (p, w, x, c, n, s, m)
                    ON CONFLICT (patient_id, week_start, exercise_id) DO UPDATE SET
                        sets_logged = adherence_exercise_week.sets_logged + EXCLUDED.sets_logged,
                        pain_sum = adherence_exercise_week.pain_sum + EXCLUDED.pain_sum,
                        pain_count = adherence_exercise_week.pain_count + EXCLUDED.pain_count,
                        pain_peak = GREATEST(adherence_exercise_week.pain_peak, EXCLUDED.pain_peak)""",
                    exerciseWeeks.entrySet().stream().map(e -> new Object[] { e.getKey().patientId(),
                            e.getKey().weekStart().toString(), e.getValue() }).toList(),
                    exerciseWeeks.keySet().stream().map(ExerciseWeek::exerciseId).toArray(String[]::new));
            upsert(connection, """
                    INSERT INTO adherence_day (patient_id, day, exercise_id, clinic_id, sets_logged, pain_sum, pain_count,
                        pain_peak)
                    SELECT p, d, x, c, n, s, n, m FROM unnest(?::text[], ?::text[]::date[], ?::text[], ?::text[], ?::int[],
                        ?::int[], ?::int[]) AS r (p, d, x, c, n, s, m)
                    ON CONFLICT (patient_id, day, exercise_id) DO UPDATE SET
                        sets_logged = adherence_day.sets_logged + EXCLUDED.sets_logged,
                        pain_sum = adherence_day.pain_sum + EXCLUDED.pain_sum,
                        pain_count = adherence_day.pain_count + EXCLUDED.pain_count,
                        pain_peak = GREATEST(adherence_day.pain_peak, EXCLUDED.pain_peak)""",
                    exerciseDays.entrySet().stream().map(e -> new Object[] { e.getKey().patientId(),
                            e.getKey().day().toString(), e.getValue() }).toList(),
                    exerciseDays.keySet().stream().map(ExerciseDay::exerciseId).toArray(String[]::new));
        });
    }

    /** rows: patient id, week start (or day), sums; exercises: the exercise column when the table has one. */
    private static void upsert(Connection connection, String sql, List<Object[]> rows, String[] exercises)
            throws SQLException {
        int n = rows.size();
        String[] patients = new String[n];
        String[] weeks = new String[n];
        String[] clinics = new String[n];
        Integer[] sets = new Integer[n];
        Integer[] painSums = new Integer[n];
        Integer[] painPeaks = new Integer[n];
        for (int i = 0; i < n; i++) {
            Logged sums = (Logged) rows.get(i)[2];
            patients[i] = (String) rows.get(i)[0];
            weeks[i] = (String) rows.get(i)[1];
            clinics[i] = sums.clinicId;
            sets[i] = sums.sets;
            painSums[i] = sums.painSum;
            painPeaks[i] = sums.painPeak;
        }
        try (PreparedStatement upsert = connection.prepareStatement(sql)) {
            int p = 1;
            upsert.setArray(p++, connection.createArrayOf("text", patients));
            upsert.setArray(p++, connection.createArrayOf("text", weeks));
            if (exercises != null) {
                upsert.setArray(p++, connection.createArrayOf("text", exercises));
            }
            upsert.setArray(p++, connection.createArrayOf("text", clinics));
            upsert.setArray(p++, connection.createArrayOf("int4", sets));
            upsert.setArray(p++, connection.createArrayOf("int4", painSums));
            upsert.setArray(p, connection.createArrayOf("int4", painPeaks));
            upsert.executeUpdate();
        }
    }

    /** A session that counts (80 % of its sets logged), in its week and on its day. */
    public void addCompletedSession(String patientId, String clinicId, LocalDate sessionDate) {
        em.createNativeQuery("""
                INSERT INTO adherence_week (patient_id, week_start, clinic_id, sessions_completed) VALUES (?1, ?2, ?3, 1)
                ON CONFLICT (patient_id, week_start) DO UPDATE SET
                    sessions_completed = adherence_week.sessions_completed + 1""")
                .setParameter(1, patientId).setParameter(2, AdherenceChange.weekStart(sessionDate))
                .setParameter(3, clinicId)
                .executeUpdate();
        em.createNativeQuery("""
                INSERT INTO adherence_day (patient_id, day, exercise_id, clinic_id, sessions_completed)
                VALUES (?1, ?2, ?3, ?4, 1)
                ON CONFLICT (patient_id, day, exercise_id) DO UPDATE SET
                    sessions_completed = adherence_day.sessions_completed + 1""")
                .setParameter(1, patientId).setParameter(2, sessionDate).setParameter(3, SESSIONS_ROW)
                .setParameter(4, clinicId)
                .executeUpdate();
    }

    /** The patient's weekly mean pain for the weeks from {@code firstWeek} to {@code lastWeek}, oldest first. */
    @SuppressWarnings("unchecked")
    public List<WeekPain> weeklyPain(String patientId, LocalDate firstWeek, LocalDate lastWeek) {
        List<Object[]> rows = em.createNativeQuery("""
                SELECT week_start, pain_sum::float8 / pain_count FROM adherence_week
                WHERE patient_id = ?1 AND week_start BETWEEN ?2 AND ?3 AND pain_count > 0 ORDER BY week_start""")
                .setParameter(1, patientId).setParameter(2, firstWeek).setParameter(3, lastWeek)
                .getResultList();
        return rows.stream()
                .map(row -> new WeekPain(date(row[0]), ((Number) row[1]).doubleValue()))
                .toList();
    }

    /**
     * Totals per group over the given clinics (none: nothing) and the days that were due: the weeks
     * counted whole from the weekly tables, the last week day by day up to its last day due, unless
     * that is its Sunday.
     */
    @SuppressWarnings("unchecked")
    public List<Totals> summary(List<String> clinics, DuePeriod due, Grouping grouping) {
        if (clinics.isEmpty()) {
            return List.of();
        }
        String clinic = IN_CLINICS;
        String sums = "sum(sets_prescribed)::bigint, sum(sets_logged)::bigint, sum(pain_sum)::bigint, "
                + "sum(pain_count)::bigint, max(pain_peak)";
        String sessionSums = "sum(sessions_scheduled)::bigint, sum(sessions_completed)::bigint, " + sums;
        String sql;
        if (grouping == Grouping.WEEK) {
            // The whole weeks and the last week's days are different weeks, so each is summed on its own
            // (the whole weeks keep their plan: a parallel scan of the weekly rows). One row per patient
            // and week: counting rows counts patients without a sort.
            sql = "SELECT week_start::text AS k, count(*), " + sessionSums + " FROM adherence_week "
                    + "WHERE week_start BETWEEN :firstWeek AND :lastWholeWeek" + clinic + " GROUP BY k"
                    + (due.lastWeekWhole() ? "" : " UNION ALL SELECT CAST(:lastWeek AS date)::text, "
                            + "count(DISTINCT patient_id), " + sessionSums + " FROM adherence_day "
                            + "WHERE day BETWEEN :lastWeek AND :upTo" + clinic + " HAVING count(*) > 0")
                    + " ORDER BY k";
        } else {
            boolean perExercise = grouping == Grouping.EXERCISE;
            String wholeWeeks = perExercise
                    ? "SELECT patient_id, '' AS template_id, exercise_id, 0 AS sessions_scheduled, 0 AS sessions_completed, "
                            + "sets_prescribed, sets_logged, pain_sum, pain_count, pain_peak FROM adherence_exercise_week "
                            + "WHERE week_start BETWEEN :firstWeek AND :lastWholeWeek" + clinic
                    : "SELECT patient_id, template_id, '' AS exercise_id, sessions_scheduled, sessions_completed, "
                            + "sets_prescribed, sets_logged, pain_sum, pain_count, pain_peak FROM adherence_week "
                            + "WHERE week_start BETWEEN :firstWeek AND :lastWholeWeek" + clinic;
            // A patient's last week as one row (per exercise), as the weekly tables have it.
            String lastWeekByDay = "SELECT patient_id, coalesce(max(nullif(template_id, '')), ''), "
                    + (perExercise ? "exercise_id" : "''") + ", sum(sessions_scheduled), sum(sessions_completed), "
                    + "sum(sets_prescribed), sum(sets_logged), sum(pain_sum), sum(pain_count), max(pain_peak) "
                    + "FROM adherence_day WHERE day BETWEEN :lastWeek AND :upTo" + clinic
                    + (perExercise ? " AND exercise_id <> '' GROUP BY patient_id, exercise_id" : " GROUP BY patient_id");
            sql = "SELECT " + grouping.column + " AS k, count(DISTINCT patient_id), "
                    + (perExercise ? "NULL::bigint, NULL::bigint, " + sums : sessionSums)
                    + " FROM (" + wholeWeeks + (due.lastWeekWhole() ? "" : " UNION ALL " + lastWeekByDay)
                    + ") AS r GROUP BY k ORDER BY k";
        }
        Query query = due(em.createNativeQuery(sql), due, clinics);
        List<Totals> totals = new ArrayList<>();
        for (Object[] row : (List<Object[]>) query.getResultList()) {
            totals.add(new Totals((String) row[0], number(row[1]), row[2] == null ? null : number(row[2]),
                    row[3] == null ? null : number(row[3]), number(row[4]), number(row[5]), number(row[6]),
                    number(row[7]), row[8] == null ? null : ((Number) row[8]).intValue()));
        }
        return totals;
    }

    /** Every patient with sessions due over the period (as in {@link #summary}), with the number they completed. */
    @SuppressWarnings("unchecked")
    public List<PatientSessions> scheduled(List<String> clinics, DuePeriod due) {
        if (clinics.isEmpty()) {
            return List.of();
        }
        String clinic = IN_CLINICS;
        String sql = "SELECT patient_id, min(clinic_id), sum(scheduled)::bigint, sum(completed)::bigint FROM ("
                + "SELECT patient_id, clinic_id, sessions_scheduled AS scheduled, sessions_completed AS completed "
                + "FROM adherence_week WHERE week_start BETWEEN :firstWeek AND :lastWholeWeek" + clinic
                + (due.lastWeekWhole() ? "" : " UNION ALL SELECT patient_id, clinic_id, sessions_scheduled, "
                        + "sessions_completed FROM adherence_day WHERE day BETWEEN :lastWeek AND :upTo "
                        + "AND exercise_id = ''" + clinic)
                + ") AS r GROUP BY patient_id HAVING sum(scheduled) > 0 ORDER BY patient_id";
        Query query = due(em.createNativeQuery(sql), due, clinics);
        return ((List<Object[]>) query.getResultList()).stream()
                .map(row -> new PatientSessions((String) row[0], (String) row[1], number(row[2]), number(row[3])))
                .toList();
    }

    /** The period's parameters: the whole weeks, the last week's days (when it is not whole), the clinic. */
    private static Query due(Query query, DuePeriod due, List<String> clinics) {
        query.setParameter("firstWeek", due.firstWeek()).setParameter("lastWholeWeek", due.lastWholeWeek());
        if (!due.lastWeekWhole()) {
            query.setParameter("lastWeek", due.lastWeek()).setParameter("upTo", due.upTo());
        }
        return query.setParameter("clinics", clinics);
    }

    /** Each patient's first and latest week with pain reported, when they differ. */
    @SuppressWarnings("unchecked")
    public List<PainSpan> painSpans(List<String> clinics) {
        if (clinics.isEmpty()) {
            return List.of();
        }
        String sql = "WITH weeks AS (SELECT patient_id, week_start, pain_sum::float8 / pain_count AS mean "
                + "FROM adherence_week WHERE pain_count > 0" + IN_CLINICS + ") "
                + "SELECT f.patient_id, f.mean, l.mean FROM "
                + "(SELECT DISTINCT ON (patient_id) patient_id, week_start, mean FROM weeks ORDER BY patient_id, week_start) f "
                + "JOIN (SELECT DISTINCT ON (patient_id) patient_id, week_start, mean FROM weeks "
                + "ORDER BY patient_id, week_start DESC) l ON l.patient_id = f.patient_id AND l.week_start > f.week_start "
                + "ORDER BY f.patient_id";
        Query query = em.createNativeQuery(sql).setParameter("clinics", clinics);
        return ((List<Object[]>) query.getResultList()).stream()
                .map(row -> new PainSpan((String) row[0], ((Number) row[1]).doubleValue(), ((Number) row[2]).doubleValue()))
                .toList();
    }

    private static LocalDate date(Object value) {
        return value instanceof LocalDate date ? date : ((java.sql.Date) value).toLocalDate();
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}

package org.backstrong.progress.repository;

import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.Tuple;

import org.backstrong.progress.domain.AdherenceGrouping;
import org.backstrong.progress.domain.DuePeriod;

/**
 * The read side of adherence: the analysts' and clinicians' aggregate queries over the projections
 * that {@link AdherenceProjection} keeps, each row a record.
 */
@ApplicationScoped
public class AdherenceReadModel {

    /** One aggregated row; the session counts are null when grouped by exercise. */
    public record Totals(
            String key,
            long patients,
            Long sessionsScheduled,
            Long sessionsCompleted,
            long setsPrescribed,
            long setsLogged,
            long painSum,
            long painCount,
            Integer painPeak) {}

    /** A patient's sessions over a period. */
    public record PatientSessions(String patientId, String clinicId, long scheduled, long completed) {}

    /** One patient's ISO week: its Monday and the counts as far as the week was due. */
    public record PatientWeek(
            LocalDate weekStart,
            long sessionsScheduled,
            long sessionsCompleted,
            long setsPrescribed,
            long setsLogged) {}

    /** A patient's first and latest week with pain reported. */
    public record PainSpan(String patientId, double firstWeekMean, double latestWeekMean) {}

    /** The analysts' queries read only the clinics they may see (the caller's clinic_ids). */
    private static final String IN_CLINICS = " AND clinic_id IN (:clinics)";

    private final EntityManager em;

    public AdherenceReadModel(EntityManager em) {
        this.em = em;
    }

    /**
     * Totals per group over the given clinics (none: nothing) and the days that were due: the weeks
     * counted whole from the weekly tables, the last week day by day up to its last day due, unless
     * that is its Sunday.
     */
    public List<Totals> summary(List<String> clinics, DuePeriod due, AdherenceGrouping grouping) {
        if (clinics.isEmpty()) {
            return List.of();
        }
        String clinic = IN_CLINICS;
        String sums = "sum(sets_prescribed)::bigint, sum(sets_logged)::bigint, sum(pain_sum)::bigint, "
                + "sum(pain_count)::bigint, max(pain_peak)";
        String sessionSums = "sum(sessions_scheduled)::bigint, sum(sessions_completed)::bigint, " + sums;
        String sql;
        if (grouping == AdherenceGrouping.WEEK) {
            // The whole weeks and the last week's days are different weeks, so each is summed on its own.
            // The whole weeks come summed per clinic already (adherence_clinic_week, kept by triggers on
            // adherence_week: a few stripes per clinic and week instead of one row per patient and week);
            // a clinic's week is the sum of its stripes, and its patients the count of its weekly rows.
            sql = "SELECT week_start::text AS k, sum(patients)::bigint, sum(sessions_scheduled)::bigint, "
                    + "sum(sessions_completed)::bigint, sum(sets_prescribed)::bigint, sum(sets_logged)::bigint, "
                    + "sum(pain_sum)::bigint, sum(pain_count)::bigint, max(pain_peak) FROM (SELECT week_start, "
                    + "sum(patients) AS patients, sum(sessions_scheduled) AS sessions_scheduled, "
                    + "sum(sessions_completed) AS sessions_completed, sum(sets_prescribed) AS sets_prescribed, "
                    + "sum(sets_logged) AS sets_logged, sum(pain_sum) AS pain_sum, sum(pain_count) AS pain_count, "
                    + "max(pain_peak) AS pain_peak FROM adherence_clinic_week "
                    + "WHERE week_start BETWEEN :firstWeek AND :lastWholeWeek" + clinic
                    + " GROUP BY clinic_id, week_start HAVING sum(patients) > 0) AS c GROUP BY k"
                    + (due.lastWeekWhole()
                            ? ""
                            : " UNION ALL SELECT CAST(:lastWeek AS date)::text, "
                                    + "count(DISTINCT patient_id), " + sessionSums + " FROM adherence_day "
                                    + "WHERE day BETWEEN :lastWeek AND :upTo" + clinic + " HAVING count(*) > 0")
                    + " ORDER BY k";
        } else {
            boolean perExercise = grouping == AdherenceGrouping.EXERCISE;
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
                    + (perExercise
                            ? " AND exercise_id <> '' GROUP BY patient_id, exercise_id"
                            : " GROUP BY patient_id");
            sql = "SELECT " + column(grouping) + " AS k, count(DISTINCT patient_id), "
                    + (perExercise ? "NULL::bigint, NULL::bigint, " + sums : sessionSums)
                    + " FROM (" + wholeWeeks + (due.lastWeekWhole() ? "" : " UNION ALL " + lastWeekByDay)
                    + ") AS r GROUP BY k ORDER BY k";
        }
        return rows(due(em.createNativeQuery(sql, Tuple.class), due, clinics)).stream()
                .map(row -> new Totals(
                        row.get(0, String.class),
                        number(row.get(1)),
                        numberOrNull(row.get(2)),
                        numberOrNull(row.get(3)),
                        number(row.get(4)),
                        number(row.get(5)),
                        number(row.get(6)),
                        number(row.get(7)),
                        row.get(8) == null ? null : ((Number) row.get(8)).intValue()))
                .toList();
    }

    /** Every patient with sessions due over the period (as in {@link #summary}), with the number they completed. */
    public List<PatientSessions> scheduled(List<String> clinics, DuePeriod due) {
        if (clinics.isEmpty()) {
            return List.of();
        }
        String clinic = IN_CLINICS;
        String sql = "SELECT patient_id, min(clinic_id), sum(scheduled)::bigint, sum(completed)::bigint FROM ("
                + "SELECT patient_id, clinic_id, sessions_scheduled AS scheduled, sessions_completed AS completed "
                + "FROM adherence_week WHERE week_start BETWEEN :firstWeek AND :lastWholeWeek" + clinic
                + (due.lastWeekWhole()
                        ? ""
                        : " UNION ALL SELECT patient_id, clinic_id, sessions_scheduled, "
                                + "sessions_completed FROM adherence_day WHERE day BETWEEN :lastWeek AND :upTo "
                                + "AND exercise_id = ''" + clinic)
                + ") AS r GROUP BY patient_id HAVING sum(scheduled) > 0 ORDER BY patient_id";
        return rows(due(em.createNativeQuery(sql, Tuple.class), due, clinics)).stream()
                .map(row -> new PatientSessions(
                        row.get(0, String.class), row.get(1, String.class), number(row.get(2)), number(row.get(3))))
                .toList();
    }

    /**
     * One patient's weeks with anything in the projection over the days that were due, as {@link #summary}
     * counts them: whole weeks from the weekly table, the last week day by day up to its last day due.
     */
    public List<PatientWeek> patientWeeks(String patientId, DuePeriod due) {
        String counts = "sum(sessions_scheduled)::bigint, sum(sessions_completed)::bigint, "
                + "sum(sets_prescribed)::bigint, sum(sets_logged)::bigint";
        String sql = "SELECT week_start, " + counts + " FROM adherence_week WHERE patient_id = :patient "
                + "AND week_start BETWEEN :firstWeek AND :lastWholeWeek GROUP BY week_start"
                + (due.lastWeekWhole()
                        ? ""
                        : " UNION ALL SELECT CAST(:lastWeek AS date), " + counts
                                + " FROM adherence_day WHERE patient_id = :patient AND day BETWEEN :lastWeek AND :upTo "
                                + "HAVING count(*) > 0")
                + " ORDER BY 1";
        Query query = em.createNativeQuery(sql, Tuple.class)
                .setParameter("patient", patientId)
                .setParameter("firstWeek", due.firstWeek())
                .setParameter("lastWholeWeek", due.lastWholeWeek());
        if (!due.lastWeekWhole()) {
            query.setParameter("lastWeek", due.lastWeek()).setParameter("upTo", due.upTo());
        }
        return rows(query).stream()
                .map(row -> new PatientWeek(
                        date(row.get(0)),
                        number(row.get(1)),
                        number(row.get(2)),
                        number(row.get(3)),
                        number(row.get(4))))
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
        return rows(em.createNativeQuery(sql, Tuple.class).setParameter("clinics", clinics)).stream()
                .map(row -> new PainSpan(
                        row.get(0, String.class),
                        ((Number) row.get(1)).doubleValue(),
                        ((Number) row.get(2)).doubleValue()))
                .toList();
    }

    /** The column a grouping's rows are keyed by. */
    private static String column(AdherenceGrouping grouping) {
        return switch (grouping) {
            case WEEK -> "week_start::text";
            case PATIENT -> "patient_id";
            case TEMPLATE -> "template_id";
            case EXERCISE -> "exercise_id";
        };
    }

    @SuppressWarnings("unchecked")
    private static List<Tuple> rows(Query query) {
        return query.getResultList();
    }

    static LocalDate date(Object value) {
        return value instanceof LocalDate date ? date : ((java.sql.Date) value).toLocalDate();
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    private static Long numberOrNull(Object value) {
        return value == null ? null : ((Number) value).longValue();
    }
}

package org.backstrong.planner.repository;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/** The queries behind a patient's history pages: weekly totals of sets and check-ins, and item names. */
@ApplicationScoped
public class PatientHistoryRepository {

    /** One ISO week (starting Monday) of a patient's logged sets and morning check-ins, as the database sums it. */
    public record WeekTotals(
            LocalDate monday,
            int sessions,
            int sets,
            int reps,
            int seconds,
            BigDecimal meanPain,
            int peakPain,
            BigDecimal meanMorningPain) {}

    private final EntityManager entityManager;

    public PatientHistoryRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Every week with a set or a check-in, oldest first. */
    public List<WeekTotals> weeks(String patientId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager
                .createNativeQuery("""
                WITH sets AS (
                    SELECT date_trunc('week', session_date)::date AS monday, count(DISTINCT (plan_id, session_date)) AS sessions,
                        count(*) AS sets, coalesce(sum(reps), 0) AS reps, coalesce(sum(seconds), 0) AS seconds,
                        avg(pain) AS mean_pain, max(pain) AS peak_pain
                    FROM logged_set WHERE patient_id = :patient GROUP BY 1),
                mornings AS (
                    SELECT date_trunc('week', date)::date AS monday, avg(pain) AS mean_pain
                    FROM morning_check_in WHERE patient_id = :patient GROUP BY 1)
                SELECT coalesce(s.monday, m.monday), coalesce(s.sessions, 0), coalesce(s.sets, 0), coalesce(s.reps, 0),
                    coalesce(s.seconds, 0), s.mean_pain, coalesce(s.peak_pain, 0), m.mean_pain
                FROM sets s FULL JOIN mornings m ON m.monday = s.monday
                ORDER BY 1""")
                .setParameter("patient", patientId)
                .getResultList();
        return rows.stream()
                .map(row -> new WeekTotals(
                        day(row[0]),
                        number(row[1]),
                        number(row[2]),
                        number(row[3]),
                        number(row[4]),
                        decimal(row[5]),
                        number(row[6]),
                        decimal(row[7])))
                .toList();
    }

    /** The exercise name of each item of the patient's plans. */
    public Map<UUID, String> exerciseNames(String patientId) {
        List<Object[]> rows = entityManager
                .createQuery(
                        "select i.id, i.exerciseName from PlanItem i where i.plan.patientId = :patient", Object[].class)
                .setParameter("patient", patientId)
                .getResultList();
        Map<UUID, String> names = new HashMap<>();
        rows.forEach(row -> names.put((UUID) row[0], (String) row[1]));
        return names;
    }

    private static LocalDate day(Object value) {
        return value instanceof Date date ? date.toLocalDate() : (LocalDate) value;
    }

    private static int number(Object value) {
        return value == null ? 0 : ((Number) value).intValue();
    }

    private static BigDecimal decimal(Object value) {
        return value == null ? null : new BigDecimal(value.toString()).setScale(1, RoundingMode.HALF_UP);
    }
}

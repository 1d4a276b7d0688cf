package org.backstrong.planner.service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.backstrong.planner.domain.LoggedSet;
import org.backstrong.planner.domain.PrescriptionChange;
import org.backstrong.planner.domain.SessionCompletion;
import org.backstrong.planner.repository.LoggedSetRepository;
import org.backstrong.planner.repository.PlanRepository;
import org.backstrong.planner.repository.PrescriptionChangeRepository;
import org.backstrong.planner.repository.SessionCompletionRepository;

/**
 * A patient's record over time, as their pages chart it: weekly pain and volume, the latest sessions
 * set by set, and each change to the plan.
 */
@ApplicationScoped
public class PatientHistory {

    /** One ISO week (starting Monday) of a patient's logged sets and morning check-ins. */
    public record Week(LocalDate monday, int sessions, int sets, int reps, int seconds, BigDecimal meanPain,
            int peakPain, BigDecimal meanMorningPain) {
    }

    private final EntityManager entityManager;
    private final PlanRepository plans;
    private final PrescriptionChangeRepository changes;
    private final LoggedSetRepository sets;
    private final SessionCompletionRepository completions;

    public PatientHistory(EntityManager entityManager, PlanRepository plans, PrescriptionChangeRepository changes,
            LoggedSetRepository sets, SessionCompletionRepository completions) {
        this.entityManager = entityManager;
        this.plans = plans;
        this.changes = changes;
        this.sets = sets;
        this.completions = completions;
    }

    /** Every week with a set or a check-in, oldest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Week> weeks(String patientId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
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
                .map(row -> new Week(day(row[0]), number(row[1]), number(row[2]), number(row[3]),
                        number(row[4]), decimal(row[5]), number(row[6]), decimal(row[7])))
                .toList();
    }

    /** The sets of the patient's latest {@code days} session days, of any of their plans, newest day first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<LoggedSet> recentSets(String patientId, int days) {
        return sets.ofLatestDays(plans.ofPatient(patientId).stream().map(plan -> plan.id).toList(), days);
    }

    /** The sessions the patient said were done, of any of their plans, as many sets as were logged or not. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<SessionCompletion> completions(String patientId) {
        return completions.ofPlans(plans.ofPatient(patientId).stream().map(plan -> plan.id).toList());
    }

    /** The changes to all of the patient's plans, newest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<PrescriptionChange> changes(String patientId) {
        return plans.ofPatient(patientId).stream()
                .flatMap(plan -> changes.ofPlan(plan.id).stream())
                .sorted(Comparator.comparing((PrescriptionChange change) -> change.changedAt).reversed())
                .toList();
    }

    /** The exercise name of each item of the patient's plans, to say which exercise a change was about. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<UUID, String> exerciseNames(String patientId) {
        List<Object[]> rows = entityManager.createQuery(
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

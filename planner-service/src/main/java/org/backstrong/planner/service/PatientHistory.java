package org.backstrong.planner.service;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.backstrong.planner.domain.LoggedSet;
import org.backstrong.planner.domain.PrescriptionChange;
import org.backstrong.planner.repository.LoggedSetRepository;
import org.backstrong.planner.repository.PatientHistoryRepository;
import org.backstrong.planner.repository.PlanRepository;
import org.backstrong.planner.repository.PrescriptionChangeRepository;

/**
 * A patient's record over time, as their pages chart it: weekly pain and volume, the latest sessions
 * set by set, and each change to the plan.
 */
@ApplicationScoped
public class PatientHistory {

    /** One ISO week (starting Monday) of a patient's logged sets and morning check-ins. */
    public record Week(
            LocalDate monday,
            int sessions,
            int sets,
            int reps,
            int seconds,
            BigDecimal meanPain,
            int peakPain,
            BigDecimal meanMorningPain) {}

    private final PatientHistoryRepository history;
    private final PlanRepository plans;
    private final PrescriptionChangeRepository changes;
    private final LoggedSetRepository sets;

    public PatientHistory(
            PatientHistoryRepository history,
            PlanRepository plans,
            PrescriptionChangeRepository changes,
            LoggedSetRepository sets) {
        this.history = history;
        this.plans = plans;
        this.changes = changes;
        this.sets = sets;
    }

    /** Every week with a set or a check-in, oldest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Week> weeks(String patientId) {
        return history.weeks(patientId).stream()
                .map(week -> new Week(
                        week.monday(),
                        week.sessions(),
                        week.sets(),
                        week.reps(),
                        week.seconds(),
                        week.meanPain(),
                        week.peakPain(),
                        week.meanMorningPain()))
                .toList();
    }

    /** The sets of the patient's latest {@code days} session days, of any of their plans, newest day first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<LoggedSet> recentSets(String patientId, int days) {
        return sets.ofLatestDays(
                plans.ofPatient(patientId).stream().map(plan -> plan.id).toList(), days);
    }

    /** The changes to all of the patient's plans, newest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<PrescriptionChange> changes(String patientId) {
        return plans.ofPatient(patientId).stream()
                .flatMap(plan -> changes.ofPlan(plan.id).stream())
                .sorted(Comparator.comparing((PrescriptionChange change) -> change.changedAt)
                        .reversed())
                .toList();
    }

    /** The exercise name of each item of the patient's plans, to say which exercise a change was about. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<UUID, String> exerciseNames(String patientId) {
        return history.exerciseNames(patientId);
    }
}

package org.backstrong.planner.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import org.backstrong.planner.domain.LoggedSet;
import org.backstrong.planner.domain.Patient;
import org.backstrong.planner.domain.Plan;
import org.backstrong.planner.domain.PlanItem;
import org.backstrong.planner.domain.PlanStatus;
import org.backstrong.planner.domain.PrescriptionChange;
import org.backstrong.planner.domain.StopAdvice;
import org.backstrong.planner.security.Caller;
import org.backstrong.planner.service.PatientAdherence;
import org.backstrong.planner.service.PatientHistory;
import org.backstrong.planner.service.PatientRegistry;
import org.backstrong.planner.service.Plans;

/**
 * The clinician's page of one patient: their plan and past plans, weekly pain and adherence,
 * recent sessions set by set with the patient's notes, each change, progress-service's decisions
 * and flags, and the form that assigns a plan (as {@link ClinicPatientPages} fills it in).
 */
@ApplicationScoped
public class ClinicPatientView {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
    /** Session days the patient's page lists set by set, newest first. */
    static final int RECENT_SESSIONS = 10;

    private final PatientRegistry registry;
    private final Plans plans;
    private final PatientHistory history;
    private final PatientProgress progress;
    private final PatientAdherence adherence;
    private final PatientOutcomeCharts outcomes;
    private final Caller caller;
    private final CsrfTokens csrf;
    private final Clock clock;
    private final ClinicTime time;

    public ClinicPatientView(
            PatientRegistry registry,
            Plans plans,
            PatientHistory history,
            PatientProgress progress,
            PatientAdherence adherence,
            PatientOutcomeCharts outcomes,
            Caller caller,
            CsrfTokens csrf,
            Clock clock,
            ClinicTime time) {
        this.registry = registry;
        this.plans = plans;
        this.history = history;
        this.progress = progress;
        this.adherence = adherence;
        this.outcomes = outcomes;
        this.caller = caller;
        this.csrf = csrf;
        this.clock = clock;
        this.time = time;
    }

    /** The assignment form as typed, what was wrong with it, and the 409's message when the plan could not start. */
    public record Assignment(
            String templateId, String startDate, List<String> weekdays, FieldErrors errors, String conflict) {

        public boolean day(int weekday) {
            return weekdays.contains(String.valueOf(weekday));
        }
    }

    /** What the assignment form offers: the clinic's templates and the days of the week. */
    public record AssignmentChoices(List<TemplateChoice> templates, List<Weekday> weekdays) {}

    public record Weekday(int number, String name) {}

    public record TemplateChoice(String id, String name, int weeks, int sessionsPerWeek) {}

    public record ItemLine(
            int position,
            String block,
            String exerciseId,
            String exerciseName,
            String dose,
            String load,
            String rest,
            boolean paused,
            String pauseReason) {}

    public record PlanLine(
            UUID id,
            String name,
            String goal,
            String status,
            String statusReason,
            String startDate,
            String endDate,
            int weeks,
            String days,
            List<ItemLine> items) {

        public boolean active() {
            return "active".equals(status);
        }
    }

    public record ChangeLine(String when, String who, String rule, String reason) {}

    /** A session day the patient logged, its sets in the plan's order. */
    public record SessionLine(String date, LocalDate day, List<SetLine> sets) {}

    /** A logged set as the clinician reads it; note is what the patient wrote about it, or null. */
    public record SetLine(
            UUID id,
            String exercise,
            int setNumber,
            String side,
            String amount,
            String load,
            String effort,
            int pain,
            boolean stop,
            boolean beyondNormalFatigue,
            String note) {}

    /** adherenceChart is null when progress-service could not give its figures; outcomes says so itself. */
    public record PatientView(
            PatientLine patient,
            PlanLine current,
            List<PlanLine> past,
            List<PatientHistory.Week> weeks,
            String painChart,
            String adherenceChart,
            List<ChangeLine> changes,
            PatientProgress.Progress progress,
            List<SessionLine> sessions,
            PatientOutcomeCharts.OutcomeSection outcomes) {}

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance patient(
                PageFrame frame,
                PatientView view,
                Assignment assignment,
                List<TemplateChoice> templates,
                List<Weekday> weekdays,
                String flash);
    }

    /** The page of the clinic's patient {@code id} (another clinic's is not found). */
    TemplateInstance page(String id, Assignment assignment, AssignmentChoices choices, String flash) {
        String clinic = caller.clinic();
        Patient patient = registry.get(clinic, id);
        List<Plan> all = plans.ofPatient(clinic, id);
        Optional<Plan> current =
                all.stream().filter(plan -> plan.status != PlanStatus.COMPLETED).findFirst();
        Map<String, String> names = new HashMap<>();
        all.forEach(plan -> plan.items.forEach(item -> names.putIfAbsent(item.exerciseId, item.exerciseName)));
        Map<UUID, PlanItem> items = new HashMap<>();
        all.forEach(plan -> plan.items.forEach(item -> items.put(item.id, item)));
        List<PatientHistory.Week> weeks = history.weeks(id);
        PatientView view = new PatientView(
                PatientLine.of(patient),
                current.map(ClinicPatientView::planLine).orElse(null),
                all.stream()
                        .filter(plan -> plan.status == PlanStatus.COMPLETED)
                        .map(ClinicPatientView::planLine)
                        .toList(),
                weeks,
                WeeklyCharts.meanPain(weeks),
                adherenceChart(id),
                history.changes(id).stream().map(this::changeLine).toList(),
                progress.of(id, names),
                sessionLines(history.recentSets(id, RECENT_SESSIONS), items),
                outcomes.of(id));
        return Templates.patient(
                PageFrame.of(caller, csrf, patient.displayName, "clinic"),
                view,
                assignment,
                choices.templates(),
                choices.weekdays(),
                flash);
    }

    /** progress-service's figures as the chart, or null (the page says so) when progress cannot answer. */
    private String adherenceChart(String patientId) {
        LocalDate today = LocalDate.now(clock);
        return adherence
                .weeks(patientId, WeeklyCharts.firstAdherenceWeek(today), today)
                .map(weeks -> SvgChart.bars(
                        "Sessions completed of those scheduled per week (%)",
                        WeeklyCharts.adherence(weeks, today), 100d))
                .orElse(null);
    }

    private static PlanLine planLine(Plan plan) {
        return new PlanLine(
                plan.id,
                plan.name,
                plan.goal,
                plan.status.name().toLowerCase(),
                plan.statusReason,
                DAY.format(plan.startDate),
                DAY.format(plan.schedule().endDate()),
                plan.weeks,
                PlanInWords.weekdays(plan.weekdays),
                plan.items.stream().map(ClinicPatientView::itemLine).toList());
    }

    private static ItemLine itemLine(PlanItem item) {
        return new ItemLine(
                item.position,
                item.block.label(),
                item.exerciseId,
                item.exerciseName,
                PlanInWords.dose(item.prescription),
                PlanInWords.load(item.prescription),
                PlanInWords.rest(item.prescription),
                item.paused,
                item.pauseReason);
    }

    /** The sets by session day, newest day first; within a day in the plan's order, then by set and side. */
    static List<SessionLine> sessionLines(List<LoggedSet> sets, Map<UUID, PlanItem> items) {
        Comparator<LoggedSet> order = Comparator.comparing((LoggedSet set) -> set.sessionDate)
                .reversed()
                .thenComparingInt(
                        set -> items.containsKey(set.itemId) ? items.get(set.itemId).position : Integer.MAX_VALUE)
                .thenComparingInt(set -> set.setNumber)
                .thenComparing(set -> set.side, Comparator.nullsFirst(Comparator.naturalOrder()));
        Map<LocalDate, List<SetLine>> days = new LinkedHashMap<>();
        sets.stream()
                .sorted(order)
                .forEach(set -> days.computeIfAbsent(set.sessionDate, day -> new ArrayList<>())
                        .add(setLine(set, items.get(set.itemId))));
        return days.entrySet().stream()
                .map(day -> new SessionLine(DAY.format(day.getKey()), day.getKey(), List.copyOf(day.getValue())))
                .toList();
    }

    private static SetLine setLine(LoggedSet set, PlanItem item) {
        String amount = set.reps != null ? set.reps + " reps" : set.seconds != null ? set.seconds + " s" : null;
        String load = set.loadKg != null
                ? set.loadKg.stripTrailingZeros().toPlainString() + " kg"
                : set.band != null ? set.band + " band" : null;
        String effort = set.rir != null
                ? "RIR " + set.rir
                : set.rpe != null ? "RPE " + set.rpe.stripTrailingZeros().toPlainString() : null;
        return new SetLine(
                set.id,
                item == null ? "an exercise no longer in the plan" : item.exerciseName,
                set.setNumber,
                set.side == null ? null : set.side.name().toLowerCase(Locale.ROOT),
                amount,
                load,
                effort,
                set.pain,
                StopAdvice.mustStop(set.pain, set.beyondNormalFatigue),
                set.beyondNormalFatigue,
                set.note == null || set.note.isBlank() ? null : set.note.strip());
    }

    /** A change as the clinic reads it: when in the clinic's time zone, who by the name they had then. */
    private ChangeLine changeLine(PrescriptionChange change) {
        return new ChangeLine(
                time.format(change.changedAt, caller.clinic()), PlanPages.who(change), change.rule, change.reason);
    }
}

package org.backstrong.planner.web;

import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import org.backstrong.planner.catalog.CatalogExercise;
import org.backstrong.planner.domain.Block;
import org.backstrong.planner.domain.DoseKind;
import org.backstrong.planner.domain.Plan;
import org.backstrong.planner.domain.PlanItem;
import org.backstrong.planner.domain.PlanStatus;
import org.backstrong.planner.domain.Prescription;
import org.backstrong.planner.domain.Schedule;
import org.backstrong.planner.domain.StopAdvice;
import org.backstrong.planner.service.PlanPrinting;

/**
 * A plan as it is printed and taken home: warm-up first, each exercise with its dose in words and
 * the how-to of the catalog version it refers to, the article's tips, and a weekly log to fill in
 * on paper. Everything here is plain text; the template escapes it. The clinician's, the patient's
 * and the API's print pages all render it.
 */
@ApplicationScoped
public class PrintedPlans {

    /** The article's "Tips to remember", printed on every plan. */
    public static final List<String> ARTICLE_TIPS = List.of(
            "Start light and build slowly",
            "Focus on form over reps",
            "Stop if you feel pain beyond normal muscle fatigue",
            "If you have pre-existing back issues, consult a professional before starting");

    private static final DateTimeFormatter LONG_DATE = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter SHORT_DATE = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);
    private static final DateTimeFormatter DAY_MONTH = DateTimeFormatter.ofPattern("d MMMM", Locale.ENGLISH);

    private final PlanPrinting printing;

    public PrintedPlans(PlanPrinting printing) {
        this.printing = printing;
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance print(Printout plan, String inlineStyle);
    }

    /** The whole printout; a clinician's copy names the patient, the patient's own copy says "your plan". */
    public record Printout(
            String planName,
            String goal,
            String patientName,
            String status,
            String statusReason,
            String startDate,
            String endDate,
            int weeks,
            String sessionDays,
            String printedOn,
            boolean catalogAvailable,
            List<ExerciseBlock> blocks,
            List<String> tips,
            int highestAcceptablePain,
            List<LogWeek> logWeeks) {

        public boolean forPatient() {
            return patientName == null;
        }

        public boolean active() {
            return "active".equals(status);
        }
    }

    /** The warm-up (done first) or the main exercises. */
    public record ExerciseBlock(String id, String title, String advice, List<Exercise> exercises) {}

    /** One exercise as the patient reads it: what to do, how much, and how to do it safely. */
    public record Exercise(
            int number,
            String name,
            int catalogVersion,
            String dose,
            String load,
            String rest,
            String notes,
            boolean paused,
            String pauseReason,
            List<String> steps,
            List<String> cues,
            List<String> safetyNotes,
            boolean articleTipsApply) {}

    /** A week of the log: its session dates as columns, each exercise's sets as rows. */
    public record LogWeek(int number, String dates, List<LogDay> days, List<LogRow> rows) {}

    public record LogDay(LocalDate date, String label) {}

    /**
     * One row of boxes: a set of one exercise (or one side of it). The first row of an exercise
     * carries its name across {@code rowsOfExercise} rows. A paused exercise has a single row.
     */
    public record LogRow(
            String exercise, boolean firstOfExercise, int rowsOfExercise, String set, String measure, boolean paused) {}

    /**
     * The print page. Its API address carries the style sheet inline (one file to save or mail);
     * the web pages link /assets/print.css instead, since their CSP forbids inline style.
     */
    TemplateInstance page(Plan plan, boolean clinicianCopy, boolean linkStyleSheet) {
        return Templates.print(of(printing.of(plan, clinicianCopy)), linkStyleSheet ? null : PrintStyle.CSS);
    }

    /** The whole printout of what the service gathered; a patient's own copy has no patient name. */
    static Printout of(PlanPrinting.Contents contents) {
        Plan plan = contents.plan();
        Schedule schedule = plan.schedule();
        List<PlanItem> warmUpItems =
                plan.items.stream().filter(item -> item.block == Block.WARM_UP).toList();
        List<PlanItem> mainItems =
                plan.items.stream().filter(item -> item.block != Block.WARM_UP).toList();
        List<PlanItem> inOrder = new ArrayList<>(warmUpItems);
        inOrder.addAll(mainItems);

        List<Exercise> warmUp = new ArrayList<>();
        List<Exercise> main = new ArrayList<>();
        for (PlanItem item : inOrder) {
            Exercise exercise = exercise(
                    warmUp.size() + main.size() + 1, item, contents.howTo().get(item.id));
            (item.block == Block.WARM_UP ? warmUp : main).add(exercise);
        }

        return new Printout(
                plan.name,
                plan.goal,
                contents.patientName(),
                plan.status.name().toLowerCase(),
                plan.status == PlanStatus.ACTIVE ? null : plan.statusReason,
                LONG_DATE.format(schedule.startDate()),
                LONG_DATE.format(schedule.endDate()),
                plan.weeks,
                PlanInWords.weekdays(plan.weekdays),
                LONG_DATE.format(contents.printedOn()),
                contents.catalogAvailable(),
                blocks(warmUp, main),
                ARTICLE_TIPS,
                StopAdvice.HIGHEST_ACCEPTABLE_PAIN,
                logWeeks(schedule, inOrder));
    }

    private static List<ExerciseBlock> blocks(List<Exercise> warmUp, List<Exercise> main) {
        List<ExerciseBlock> blocks = new ArrayList<>();
        if (!warmUp.isEmpty()) {
            blocks.add(new ExerciseBlock(
                    "warm-up",
                    "Warm-up",
                    "Do this first, every session: it increases blood flow and prepares your spine and shoulders.",
                    warmUp));
        }
        if (!main.isEmpty()) {
            blocks.add(new ExerciseBlock("main", "Main exercises", "In this order, after the warm-up.", main));
        }
        return blocks;
    }

    private static Exercise exercise(int number, PlanItem item, CatalogExercise version) {
        Prescription p = item.prescription;
        List<String> safety = version == null ? List.of() : orEmpty(version.safetyNotes());
        // Notes that repeat the article's tips are printed once, in the tips box, not under every exercise.
        List<String> ownSafetyNotes =
                safety.stream().filter(note -> !isArticleTip(note)).toList();
        return new Exercise(
                number,
                item.exerciseName,
                item.exerciseVersion,
                PlanInWords.dose(p),
                PlanInWords.load(p),
                PlanInWords.rest(p),
                p.notes,
                item.paused,
                item.pauseReason,
                version == null ? List.of() : orEmpty(version.steps()),
                version == null ? List.of() : orEmpty(version.cues()),
                ownSafetyNotes,
                ownSafetyNotes.size() < safety.size());
    }

    private static List<LogWeek> logWeeks(Schedule schedule, List<PlanItem> items) {
        List<LogRow> rows = logRows(items);
        Map<Integer, List<LocalDate>> byWeek = schedule.sessionDates().stream()
                .collect(Collectors.groupingBy(schedule::weekOf, LinkedHashMap::new, Collectors.toList()));
        List<LogWeek> weeks = new ArrayList<>();
        byWeek.forEach((week, dates) -> {
            LocalDate first = schedule.startDate().plusWeeks(week - 1L);
            LocalDate last = first.plusDays(6);
            weeks.add(new LogWeek(
                    week,
                    DAY_MONTH.format(first) + " – " + LONG_DATE.format(last).replaceFirst("^\\S+ ", ""),
                    dates.stream()
                            .map(date -> new LogDay(date, SHORT_DATE.format(date)))
                            .toList(),
                    rows));
        });
        return weeks;
    }

    /** Every set a patient logs in one session, in the order they are done: each side of a per-side set counts. */
    private static List<LogRow> logRows(List<PlanItem> items) {
        List<LogRow> rows = new ArrayList<>();
        for (PlanItem item : items) {
            Prescription p = item.prescription;
            if (item.paused) {
                rows.add(new LogRow(item.exerciseName, true, 1, "paused", null, true));
                continue;
            }
            String measure = measure(p);
            int total = p.setsToLog();
            for (int set = 1; set <= p.sets; set++) {
                String label = p.doseKind != DoseKind.DURATION ? "Set " + set : p.sets == 1 ? "Time" : "Round " + set;
                if (p.perSide) {
                    rows.add(new LogRow(item.exerciseName, set == 1, total, label + ", left", measure, false));
                    rows.add(new LogRow(item.exerciseName, false, total, label + ", right", measure, false));
                } else {
                    rows.add(new LogRow(item.exerciseName, set == 1, total, label, measure, false));
                }
            }
        }
        return rows;
    }

    /** What the patient writes in each box: "reps · kg", "s held", "minutes". */
    private static String measure(Prescription p) {
        String amount = switch (p.doseKind) {
            case REPS -> "reps";
            case HOLD -> "s held";
            case DURATION -> "minutes";
        };
        return switch (p.loadKind) {
            case KG -> amount + " · kg";
            case BAND -> amount + " · band";
            case BODYWEIGHT -> amount;
        };
    }

    private static List<String> orEmpty(List<String> texts) {
        return texts == null ? List.of() : texts;
    }

    private static boolean isArticleTip(String note) {
        String normal = normal(note);
        return ARTICLE_TIPS.stream().anyMatch(tip -> normal(tip).equals(normal));
    }

    /** Lower case letters and digits only: "Stop if you feel pain (beyond …)." matches the tip as printed. */
    private static String normal(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC)
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "");
    }
}

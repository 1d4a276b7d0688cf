package org.backstrong.planner.service;

import java.text.Normalizer;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.backstrong.planner.catalog.Catalog;
import org.backstrong.planner.catalog.CatalogExercise;
import org.backstrong.planner.domain.Block;
import org.backstrong.planner.domain.DoseKind;
import org.backstrong.planner.domain.Plan;
import org.backstrong.planner.domain.PlanItem;
import org.backstrong.planner.domain.PlanStatus;
import org.backstrong.planner.domain.Prescription;
import org.backstrong.planner.domain.Schedule;
import org.backstrong.planner.domain.StopAdvice;

import io.quarkus.logging.Log;

/**
 * A plan as it is printed and taken home: warm-up first, each exercise with its dose in words and
 * the how-to of the catalog version it refers to, the article's tips, and a weekly log to fill in
 * on paper. Everything here is plain text; the template escapes it.
 */
@ApplicationScoped
public class PrintablePlans {

    /** The article's "Tips to remember", printed on every plan. */
    public static final List<String> ARTICLE_TIPS = List.of(
            "Start light and build slowly",
            "Focus on form over reps",
            "Stop if you feel pain beyond normal muscle fatigue",
            "If you have pre-existing back issues, consult a professional before starting");

    private static final DateTimeFormatter LONG_DATE = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter SHORT_DATE = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);
    private static final DateTimeFormatter DAY_MONTH = DateTimeFormatter.ofPattern("d MMMM", Locale.ENGLISH);

    private final PatientRegistry patients;
    private final Catalog catalog;
    private final Clock clock;

    public PrintablePlans(PatientRegistry patients, Catalog catalog, Clock clock) {
        this.patients = patients;
        this.catalog = catalog;
        this.clock = clock;
    }

    /** The whole printout; a clinician's copy names the patient, the patient's own copy says "your plan". */
    public record Printout(String planName, String goal, String patientName, String status, String statusReason,
            String startDate, String endDate, int weeks, String sessionDays, String printedOn,
            boolean catalogAvailable, List<ExerciseBlock> blocks, List<String> tips,
            int highestAcceptablePain, List<LogWeek> logWeeks) {

        public boolean forPatient() {
            return patientName == null;
        }

        public boolean active() {
            return "active".equals(status);
        }
    }

    /** The warm-up (done first) or the main exercises. */
    public record ExerciseBlock(String id, String title, String advice, List<Exercise> exercises) {
    }

    /** One exercise as the patient reads it: what to do, how much, and how to do it safely. */
    public record Exercise(int number, String name, int catalogVersion, String dose, String load, String rest,
            String notes, boolean paused, String pauseReason, List<String> steps, List<String> cues,
            List<String> safetyNotes, boolean articleTipsApply) {
    }

    /** A week of the log: its session dates as columns, each exercise's sets as rows. */
    public record LogWeek(int number, String dates, List<LogDay> days, List<LogRow> rows) {
    }

    public record LogDay(LocalDate date, String label) {
    }

    /**
     * One row of boxes: a set of one exercise (or one side of it). The first row of an exercise
     * carries its name across {@code rowsOfExercise} rows. A paused exercise has a single row.
     */
    public record LogRow(String exercise, boolean firstOfExercise, int rowsOfExercise, String set, String measure,
            boolean paused) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Printout of(Plan plan, boolean clinicianCopy) {
        String patientName = clinicianCopy ? patients.get(plan.clinicId, plan.patientId).displayName : null;
        Schedule schedule = plan.schedule();
        List<PlanItem> warmUpItems = plan.items.stream().filter(item -> item.block == Block.WARM_UP).toList();
        List<PlanItem> mainItems = plan.items.stream().filter(item -> item.block != Block.WARM_UP).toList();
        List<PlanItem> inOrder = new ArrayList<>(warmUpItems);
        inOrder.addAll(mainItems);

        Map<PlanItem, CatalogExercise> howTo = new LinkedHashMap<>();
        boolean catalogAvailable = true;
        for (PlanItem item : inOrder) {
            try {
                howTo.put(item, catalog.version(item.exerciseId, item.exerciseVersion, plan.clinicId));
            } catch (RuntimeException e) {
                // The plan still prints, without the how-to text; the page says so.
                Log.warnf("Catalog unavailable while printing plan %s: %s", plan.id, e.getMessage());
                catalogAvailable = false;
                break;
            }
        }

        List<Exercise> warmUp = new ArrayList<>();
        List<Exercise> main = new ArrayList<>();
        for (PlanItem item : inOrder) {
            Exercise exercise = exercise(warmUp.size() + main.size() + 1, item, catalogAvailable ? howTo.get(item) : null);
            (item.block == Block.WARM_UP ? warmUp : main).add(exercise);
        }

        Log.infof("Plan %s printed (%s copy, catalog %s)", plan.id, clinicianCopy ? "clinician" : "patient",
                catalogAvailable ? "available" : "unavailable");
        return new Printout(plan.name, plan.goal, patientName, plan.status.name().toLowerCase(),
                plan.status == PlanStatus.ACTIVE ? null : plan.statusReason,
                LONG_DATE.format(schedule.startDate()), LONG_DATE.format(schedule.endDate()), plan.weeks,
                weekdaysInWords(plan.weekdays), LONG_DATE.format(LocalDate.now(clock)),
                catalogAvailable, blocks(warmUp, main), ARTICLE_TIPS, StopAdvice.HIGHEST_ACCEPTABLE_PAIN,
                logWeeks(schedule, inOrder));
    }

    private static List<ExerciseBlock> blocks(List<Exercise> warmUp, List<Exercise> main) {
        List<ExerciseBlock> blocks = new ArrayList<>();
        if (!warmUp.isEmpty()) {
            blocks.add(new ExerciseBlock("warm-up", "Warm-up",
                    "Do this first, every session: it increases blood flow and prepares your spine and shoulders.", warmUp));
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
        List<String> ownSafetyNotes = safety.stream().filter(note -> !isArticleTip(note)).toList();
        return new Exercise(number, item.exerciseName, item.exerciseVersion, doseInWords(p), loadInWords(p),
                restInWords(p), p.notes, item.paused, item.pauseReason,
                version == null ? List.of() : orEmpty(version.steps()),
                version == null ? List.of() : orEmpty(version.cues()),
                ownSafetyNotes, ownSafetyNotes.size() < safety.size());
    }

    /** "1 set of 8–12 reps each side, hold 1 s at the top — first week: 8 reps", "5–10 minutes". */
    public static String doseInWords(Prescription p) {
        StringBuilder dose = new StringBuilder();
        String firstWeek = null;
        switch (p.doseKind) {
            case REPS -> {
                dose.append(count(p.sets, "set")).append(" of ").append(range(p.repsMin, p.repsMax)).append(" reps");
                if (p.perSide) {
                    dose.append(" each side");
                }
                if (p.holdSeconds != null && p.holdSeconds > 0) {
                    dose.append(", hold ").append(p.holdSeconds).append(" s at the top");
                }
                if (!p.repsMin.equals(p.repsMax)) {
                    firstWeek = p.repsMin + " reps";
                }
            }
            case HOLD -> {
                dose.append(count(p.sets, "hold")).append(" of ").append(seconds(p.secondsMin, p.secondsMax));
                if (p.perSide) {
                    dose.append(" each side");
                }
                if (!p.secondsMin.equals(p.secondsMax)) {
                    firstWeek = seconds(p.secondsMin, p.secondsMin);
                }
            }
            case DURATION -> {
                if (p.sets > 1) {
                    dose.append(count(p.sets, "round")).append(" of ");
                }
                dose.append(seconds(p.secondsMin, p.secondsMax));
                if (p.perSide) {
                    dose.append(" each side");
                }
                if (!p.secondsMin.equals(p.secondsMax)) {
                    firstWeek = seconds(p.secondsMin, p.secondsMin);
                }
            }
        }
        if (firstWeek != null) {
            // Start light: the first week works at the bottom of the range (as today's session does).
            dose.append(" — first week: ").append(firstWeek);
        }
        return dose.toString();
    }

    /** "15 kg", "17.5 kg", "yellow band", "bodyweight". */
    public static String loadInWords(Prescription p) {
        return switch (p.loadKind) {
            case KG -> p.loadKg.stripTrailingZeros().toPlainString() + " kg";
            case BAND -> p.band + " band";
            case BODYWEIGHT -> "bodyweight";
        };
    }

    /** "90 s between sets", "2 min between sets"; null when the prescription has no rest. */
    public static String restInWords(Prescription p) {
        if (p.restSeconds <= 0) {
            return null;
        }
        return (p.restSeconds % 60 == 0 ? p.restSeconds / 60 + " min" : p.restSeconds + " s") + " between sets";
    }

    /** "every day", "Mondays", "Mondays, Wednesdays and Fridays". */
    public static String weekdaysInWords(List<Integer> weekdays) {
        if (weekdays.size() == 7) {
            return "every day";
        }
        List<String> days = weekdays.stream().sorted()
                .map(day -> DayOfWeek.of(day).getDisplayName(TextStyle.FULL, Locale.ENGLISH) + "s")
                .toList();
        if (days.size() == 1) {
            return days.get(0);
        }
        return String.join(", ", days.subList(0, days.size() - 1)) + " and " + days.get(days.size() - 1);
    }

    private static List<LogWeek> logWeeks(Schedule schedule, List<PlanItem> items) {
        List<LogRow> rows = logRows(items);
        Map<Integer, List<LocalDate>> byWeek = schedule.sessionDates().stream()
                .collect(Collectors.groupingBy(schedule::weekOf, LinkedHashMap::new, Collectors.toList()));
        List<LogWeek> weeks = new ArrayList<>();
        byWeek.forEach((week, dates) -> {
            LocalDate first = schedule.startDate().plusWeeks(week - 1L);
            LocalDate last = first.plusDays(6);
            weeks.add(new LogWeek(week, DAY_MONTH.format(first) + " – " + LONG_DATE.format(last).replaceFirst("^\\S+ ", ""),
                    dates.stream().map(date -> new LogDay(date, SHORT_DATE.format(date))).toList(), rows));
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

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static String range(Integer min, Integer max) {
        return min.equals(max) ? String.valueOf(min) : min + "–" + max;
    }

    /** Whole minutes read as minutes ("5–10 minutes"), anything else as seconds ("20–30 s"). */
    private static String seconds(Integer min, Integer max) {
        if (min % 60 == 0 && max % 60 == 0) {
            String minutes = range(min / 60, max / 60);
            return minutes + (max == 60 ? " minute" : " minutes");
        }
        return range(min, max) + " s";
    }

    private static boolean isArticleTip(String note) {
        String normal = normal(note);
        return ARTICLE_TIPS.stream().anyMatch(tip -> normal(tip).equals(normal));
    }

    /** Lower case letters and digits only: "Stop if you feel pain (beyond …)." matches the tip as printed. */
    private static String normal(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "");
    }
}

package org.backstrong.progress.domain.progression;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The progression engine: after a session, should this exercise grow or stay as it is?
 *
 * <p>Double progression (ACSM 2009) guarded by the pain-monitoring model (Thomeé 1997). Only the
 * prescribed sets are looked at ({@link PrescribedSets}). The checks run in the order below; the
 * first that holds decides, so a patient always hears the most important reason. Only when every
 * check passes does the prescription grow, one step at a time: a set up to the maximum, then the
 * load one step (kg by the step percentage, at least the smallest step: {@link LoadStep}; or the
 * next band) and back to the bottom of the range. Without load the body is the load: a longer pause
 * in each rep, then more reps (or, for a timed hold, more seconds), and at the end a harder variant,
 * suggested once for a prescription.
 *
 * <p>The way back is as careful: a prescribed set below the bottom of the range holds once; the
 * same again at the same dose in the next session steps back one rung of the same ladder (load,
 * band, reps, pause or seconds, then a set), never below the dose the exercise started at.
 */
public final class DoubleProgression {

    /** The architecture page's default load step when a prescription names none. */
    public static final BigDecimal DEFAULT_LOAD_STEP_PERCENT = new BigDecimal("5");
    /** Bodyweight ladders: how far each step goes, and where it ends (then a harder variant). */
    static final int LONGEST_PAUSE_IN_A_REP = 5;
    static final int REPS_STEP = 2;
    static final int MOST_REPS = 20;
    static final int SECONDS_STEP = 5;
    static final int LONGEST_HOLD = 60;
    /** Floors of a step back when the starting dose is not known. */
    static final int FEWEST_SETS = 1;
    static final int FEWEST_REPS = 1;
    static final int SHORTEST_PAUSE_IN_A_REP = 1;
    static final int SHORTEST_HOLD = SECONDS_STEP;

    private DoubleProgression() {
    }

    public static ProgressionDecision decide(ProgressionInput input) {
        Prescription p = input.prescription();
        List<SetResult> sets = PrescribedSets.of(p, input.sets());
        Map<String, Object> numbers = numbers(input, sets);
        Hold hold = new Hold(p, numbers);

        // A session is decided once, in date order, against the dose it was done at: these hold for good.
        if (ProgressionInput.PLAN_PAUSED.equals(input.planStatus())) {
            return new Hold(p, with(numbers, "planStatus", input.planStatus())).because(ProgressionRule.PLAN_PAUSED,
                    "Your plan is paused, so this session does not change it; the first session after it resumes "
                            + "decides.");
        }
        if (!ProgressionInput.PLAN_ACTIVE.equals(input.planStatus())) {
            return new Hold(p, with(numbers, "planStatus", input.planStatus())).because(ProgressionRule.PLAN_ENDED,
                    "Your plan has ended, so this session does not change it.");
        }
        if (input.laterSessionDecided() != null) {
            return new Hold(p, with(numbers, "laterSessionDecided", input.laterSessionDecided())).because(
                    ProgressionRule.LATER_SESSION_DECIDED, "Your session of " + input.laterSessionDecided()
                            + " was decided before this one arrived, so this earlier session does not change your plan.");
        }
        if (input.stopFlagOpen()) {
            return hold.because(ProgressionRule.STOP_FLAG_OPEN,
                    "A pain flag on this exercise is open, so it stays paused until your clinician has reviewed it.");
        }
        if (input.exercisePaused()) {
            return hold.because(ProgressionRule.EXERCISE_PAUSED, "This exercise is paused, so it stays as it is.");
        }
        if (PainScale.stops(highestPain(sets))) {
            return hold.because(ProgressionRule.PAIN_ABOVE_FIVE, "Your pain went above 5 (it reached "
                    + highestPain(sets) + "), so we keep this exercise as it is.");
        }
        if (sets.stream().anyMatch(SetResult::beyondNormalFatigue)) {
            return hold.because(ProgressionRule.BEYOND_NORMAL_FATIGUE,
                    "You felt more than normal muscle fatigue, so we keep this exercise as it is.");
        }
        if (input.watchFlagOpen()) {
            return hold.because(ProgressionRule.WATCH_FLAG_OPEN,
                    "Your clinician is keeping an eye on your pain, so we hold this exercise for now.");
        }
        if (input.firstWeek()) {
            return hold.because(ProgressionRule.FIRST_WEEK_START_LIGHT,
                    "This is your first week: we start light and build up from next week.");
        }
        if (anySetBelowTheRange(p, sets)) {
            return belowTheRange(input, sets, numbers);
        }
        if (!PainScale.allowsProgress(highestPain(sets))) {
            return hold.because(ProgressionRule.PAIN_FOUR_TO_FIVE, "Your pain reached " + highestPain(sets)
                    + " (acceptable, but above 3), so we hold this exercise until it is easier.");
        }
        if (!allPrescribedSetsLogged(p, sets)) {
            int extra = input.sets().size() - sets.size();
            return hold.because(ProgressionRule.SETS_MISSED, "You logged " + sets.size() + " of "
                    + p.setsToLog() + " sets" + (p.perSide() ? " (counting each side)" : "")
                    + (extra == 0 ? "" : extra == 1 ? " and an extra set, which does not count"
                            : " and " + extra + " extra sets, which do not count")
                    + ", so we hold this exercise until all of them are done.");
        }
        if (!everySetReachedTheTop(p, sets)) {
            return hold.because(ProgressionRule.REPS_MISSED, "Not every set reached " + p.top() + " " + p.unit()
                    + (p.perSide() ? " on both sides" : "") + ", so we hold until they all do.");
        }
        if (sets.stream().anyMatch(set -> set.effort() == SetResult.Effort.TOO_HIGH)) {
            return hold.because(ProgressionRule.EFFORT_TOO_HIGH,
                    "Some sets were very hard (fewer than 2 reps to spare), so we hold until they feel easier.");
        }
        if (sets.stream().anyMatch(set -> set.effort() == SetResult.Effort.NOT_REPORTED)) {
            return hold.because(ProgressionRule.EFFORT_NOT_REPORTED,
                    "Tell us how hard each set felt, so we know when it is safe to progress.");
        }
        if (input.lastCheckIn() == null) {
            return hold.because(ProgressionRule.NO_MORNING_CHECK_IN,
                    "Tell us how your back feels the morning after a session, so we know when it is safe to progress.");
        }
        if (!input.lastCheckIn().settled()) {
            return hold.because(ProgressionRule.MORNING_NOT_SETTLED, "Your back had not settled by the morning of "
                    + input.lastCheckIn().date() + ", so we hold this exercise for now.");
        }
        return progress(input, numbers);
    }

    /** Every check passed: one step up the ladder. */
    private static ProgressionDecision progress(ProgressionInput input, Map<String, Object> numbers) {
        Prescription p = input.prescription();
        String done = (p.sets() == 1 ? "You did your set" : "You did all " + p.sets() + " sets")
                + (p.perSide() ? " on both sides" : "") + " at " + p.top()
                + " " + p.unit() + (p.countsReps() ? " with reps to spare" : " with effort to spare");
        if (p.sets() < p.setsMax()) {
            return new ProgressionDecision(Outcome.PROGRESS, ProgressionRule.ADD_SET, done + ", so we added a set ("
                    + (p.sets() + 1) + " sets).", numbers, p, p.withSets(p.sets() + 1), null);
        }
        if (p.loadedInKg()) {
            LoadStep step = LoadStep.up(p.loadKg(), p.loadStepPercent());
            Map<String, Object> withStep = new LinkedHashMap<>(numbers);
            withStep.putAll(step.numbers());
            return new ProgressionDecision(Outcome.PROGRESS, ProgressionRule.ADD_LOAD, done + ", so we raised the load "
                    + step.inWords() + "; start again at " + p.bottom() + " " + p.unit() + " and build up.",
                    Collections.unmodifiableMap(withStep), p, p.withLoadKg(step.toKg()), null);
        }
        Optional<String> heavierBand = p.loadedWithBand() ? Bands.heavierThan(p.band()) : Optional.empty();
        if (heavierBand.isPresent()) {
            return new ProgressionDecision(Outcome.PROGRESS, ProgressionRule.NEXT_BAND, done + ", so you move from the "
                    + p.band() + " band to the " + heavierBand.get() + " band; start again at " + p.bottom() + " "
                    + p.unit() + " and build up.", numbers, p, p.withBand(heavierBand.get()), null);
        }
        if (p.bodyweight()) {
            Optional<ProgressionDecision> harder = bodyweightStep(p, numbers, done);
            if (harder.isPresent()) {
                return harder.get();
            }
        }
        if (p.harderVariantId() != null) {
            Optional<PastDecision> suggested = harderVariantSuggestedAtThisDose(input);
            if (suggested.isPresent()) {
                return new Hold(p, with(numbers, "harderVariantSuggestedAfter", suggested.get().sessionDate(),
                        "suggestedVariantId", p.harderVariantId())).because(
                        ProgressionRule.HARDER_VARIANT_ALREADY_SUGGESTED, done + " and the most this exercise asks; we"
                                + " suggested a harder variant to your clinician after your session of "
                                + suggested.get().sessionDate() + ", so keep it up while they decide.");
            }
            return new ProgressionDecision(Outcome.PROGRESS, ProgressionRule.HARDER_VARIANT, done
                    + " and the most this exercise asks, so we suggest a harder variant to your clinician.", numbers, p, p,
                    p.harderVariantId());
        }
        return new Hold(p, numbers).because(ProgressionRule.TOP_OF_PROGRESSION,
                done + " and the most this exercise asks; keep it up while your clinician plans what comes next.");
    }

    /** Without load: a longer pause in each rep, then more reps, or more seconds for a timed hold. */
    private static Optional<ProgressionDecision> bodyweightStep(Prescription p, Map<String, Object> numbers,
            String done) {
        if (p.countsReps() && p.holdSeconds() != null && p.holdSeconds() < LONGEST_PAUSE_IN_A_REP) {
            int hold = p.holdSeconds() + 1;
            return Optional.of(new ProgressionDecision(Outcome.PROGRESS, ProgressionRule.HOLD_LONGER_IN_EACH_REP, done
                    + ", so hold each rep for " + hold + " seconds at the top.", numbers, p, p.withHoldSeconds(hold),
                    null));
        }
        if (p.countsReps() && p.repsMax() != null && p.repsMax() < MOST_REPS) {
            int max = Math.min(p.repsMax() + REPS_STEP, MOST_REPS);
            int min = p.repsMin() + (max - p.repsMax());
            return Optional.of(new ProgressionDecision(Outcome.PROGRESS, ProgressionRule.MORE_REPS, done
                    + ", so your range is now " + min + "–" + max + " reps.", numbers, p, p.withReps(min, max), null));
        }
        if (p.isTimedHold() && p.secondsMax() != null && p.secondsMax() < LONGEST_HOLD) {
            int max = Math.min(p.secondsMax() + SECONDS_STEP, LONGEST_HOLD);
            int min = p.secondsMin() + (max - p.secondsMax());
            return Optional.of(new ProgressionDecision(Outcome.PROGRESS, ProgressionRule.LONGER_HOLD, done
                    + ", so you now hold " + min + "–" + max + " seconds.", numbers, p, p.withSeconds(min, max), null));
        }
        return Optional.empty();
    }

    /**
     * A prescribed set below the bottom of the range, the first time at this dose: hold, and say a
     * step back comes next. The second session in a row: one rung back down the ladder.
     */
    private static ProgressionDecision belowTheRange(ProgressionInput input, List<SetResult> sets,
            Map<String, Object> numbers) {
        Prescription p = input.prescription();
        String missed = "A set stayed below " + p.bottom() + " " + p.unit() + " (the fewest was "
                + lowestAmount(p, sets) + ")";
        Optional<PastDecision> lastTime = input.earlierDecisions().stream().findFirst()
                .filter(previous -> previous.rule() != null && previous.rule().countsAsBelowTheRange())
                .filter(previous -> p.sameDose(previous.before()));
        if (lastTime.isEmpty()) {
            return new Hold(p, numbers).because(ProgressionRule.BELOW_THE_RANGE, missed
                    + ", so we hold this exercise; if the next session stays below the range too, we step back.");
        }
        Prescription start = comparableStart(p, input.startingDose());
        Map<String, Object> twice = with(numbers, "previousSessionBelowTheRange", lastTime.get().sessionDate(),
                "startingDose", start);
        return stepBack(p, start, twice, missed + ", as after your session of " + lastTime.get().sessionDate());
    }

    /**
     * One rung back down the ladder the exercise progresses on, never below where it started: the
     * load (or band), for bodyweight the reps, the pause in each rep or the seconds of a hold, and at
     * the bottom of that ladder one set fewer. Already at the start: hold, the clinician decides.
     */
    private static ProgressionDecision stepBack(Prescription p, Prescription start, Map<String, Object> numbers,
            String twice) {
        if (p.loadedInKg()) {
            BigDecimal lowest = start != null && start.loadKg() != null ? start.loadKg() : BigDecimal.ZERO;
            if (p.loadKg().compareTo(lowest) > 0) {
                BigDecimal lower = previousLoad(p.loadKg(), p.loadStepPercent()).max(lowest);
                return regress(ProgressionRule.STEP_BACK_LOAD, twice + ", so we lowered the load from " + kg(p.loadKg())
                        + " to " + kg(lower) + ".", numbers, p, p.withLoadKg(lower));
            }
        }
        if (p.loadedWithBand()) {
            int lightest = start != null && start.band() != null ? Math.max(Bands.weight(start.band()), 0) : 0;
            Optional<String> lighter = Bands.lighterThan(p.band()).filter(band -> Bands.weight(band) >= lightest);
            if (lighter.isPresent()) {
                return regress(ProgressionRule.STEP_BACK_BAND, twice + ", so you move from the " + p.band()
                        + " band back to the " + lighter.get() + " band.", numbers, p, p.withBand(lighter.get()));
            }
        }
        if (p.bodyweight()) {
            Optional<ProgressionDecision> easier = bodyweightStepBack(p, start, numbers, twice);
            if (easier.isPresent()) {
                return easier.get();
            }
        }
        int fewestSets = start != null ? start.sets() : FEWEST_SETS;
        if (p.sets() > fewestSets) {
            return regress(ProgressionRule.STEP_BACK_SET, twice + ", so we took a set off (" + (p.sets() - 1)
                    + " sets).", numbers, p, p.withSets(p.sets() - 1));
        }
        return new Hold(p, numbers).because(ProgressionRule.BELOW_THE_RANGE_AT_STARTING_DOSE, twice
                + "; this is already the dose you started at, so we keep it as it is until your clinician has looked at it.");
    }

    /** Without load: the rep range lower, then a shorter pause in each rep; or a shorter timed hold. */
    private static Optional<ProgressionDecision> bodyweightStepBack(Prescription p, Prescription start,
            Map<String, Object> numbers, String twice) {
        if (p.countsReps() && p.repsMin() != null && p.repsMax() != null) {
            int fewest = start != null && start.repsMin() != null ? start.repsMin() : FEWEST_REPS;
            if (p.repsMin() > fewest) {
                int min = Math.max(fewest, p.repsMin() - REPS_STEP);
                int max = p.repsMax() - (p.repsMin() - min);
                return Optional.of(regress(ProgressionRule.STEP_BACK_REPS, twice + ", so your range is now " + min + "–"
                        + max + " reps.", numbers, p, p.withReps(min, max)));
            }
        }
        if (p.countsReps() && p.holdSeconds() != null) {
            int shortest = start != null && start.holdSeconds() != null ? start.holdSeconds() : SHORTEST_PAUSE_IN_A_REP;
            if (p.holdSeconds() > shortest) {
                int hold = p.holdSeconds() - 1;
                return Optional.of(regress(ProgressionRule.STEP_BACK_PAUSE_IN_EACH_REP, twice + ", so hold each rep for "
                        + hold + (hold == 1 ? " second" : " seconds") + " at the top.", numbers, p,
                        p.withHoldSeconds(hold)));
            }
        }
        if (p.isTimedHold() && p.secondsMin() != null && p.secondsMax() != null) {
            int shortest = start != null && start.secondsMin() != null ? start.secondsMin() : SHORTEST_HOLD;
            if (p.secondsMin() > shortest) {
                int min = Math.max(shortest, p.secondsMin() - SECONDS_STEP);
                int max = p.secondsMax() - (p.secondsMin() - min);
                return Optional.of(regress(ProgressionRule.STEP_BACK_HOLD, twice + ", so you now hold " + min + "–" + max
                        + " seconds.", numbers, p, p.withSeconds(min, max)));
            }
        }
        return Optional.empty();
    }

    private static ProgressionDecision regress(ProgressionRule rule, String reason, Map<String, Object> numbers,
            Prescription before, Prescription after) {
        return new ProgressionDecision(Outcome.REGRESS, rule, reason, numbers, before, after, null);
    }

    /** The starting dose is a floor only for the same kind of dose and load; a clinician may have changed both. */
    private static Prescription comparableStart(Prescription p, Prescription start) {
        return start != null && Objects.equals(start.doseKind(), p.doseKind())
                && Objects.equals(start.loadKind(), p.loadKind()) ? start : null;
    }

    /** The HARDER_VARIANT decision since the prescription last changed, if there was one. */
    private static Optional<PastDecision> harderVariantSuggestedAtThisDose(ProgressionInput input) {
        for (PastDecision earlier : input.earlierDecisions()) {
            if (!input.prescription().sameDose(earlier.before())) {
                return Optional.empty();
            }
            if (earlier.rule() == ProgressionRule.HARDER_VARIANT) {
                return Optional.of(earlier);
            }
        }
        return Optional.empty();
    }

    /**
     * The load one step down: divided by (1 + step %), to the nearest half kilo, always at least half
     * a kilo less, and never below nothing.
     */
    static BigDecimal previousLoad(BigDecimal load, BigDecimal stepPercent) {
        BigDecimal percent = stepPercent == null ? DEFAULT_LOAD_STEP_PERCENT : stepPercent;
        BigDecimal lowered = load.divide(BigDecimal.ONE.add(percent.movePointLeft(2)), MathContext.DECIMAL64);
        BigDecimal plate = LoadStep.SMALLEST_PLATE;
        BigDecimal rounded = lowered.divide(plate, 0, RoundingMode.HALF_UP).multiply(plate);
        BigDecimal atMost = load.subtract(plate).divide(plate, 0, RoundingMode.FLOOR).multiply(plate);
        return rounded.min(atMost).max(BigDecimal.ZERO).setScale(1, RoundingMode.UNNECESSARY);
    }

    /** The prescribed sets (each counted once), per side each side its own full count. */
    private static boolean allPrescribedSetsLogged(Prescription p, List<SetResult> sets) {
        if (!p.perSide()) {
            return sets.size() >= p.sets();
        }
        return countOnSide(sets, "left") >= p.sets() && countOnSide(sets, "right") >= p.sets();
    }

    private static boolean everySetReachedTheTop(Prescription p, List<SetResult> sets) {
        Integer top = p.top();
        return top != null && sets.stream().allMatch(set -> set.amount(p) != null && set.amount(p) >= top);
    }

    private static boolean anySetBelowTheRange(Prescription p, List<SetResult> sets) {
        Integer bottom = p.bottom();
        return bottom != null && amounts(p, sets).anyMatch(amount -> amount < bottom);
    }

    private static Integer lowestAmount(Prescription p, List<SetResult> sets) {
        return amounts(p, sets).min(Integer::compare).orElse(null);
    }

    private static Stream<Integer> amounts(Prescription p, List<SetResult> sets) {
        return sets.stream().map(set -> set.amount(p)).filter(Objects::nonNull);
    }

    private static long countOnSide(List<SetResult> sets, String side) {
        return sets.stream().filter(set -> side.equals(set.side())).count();
    }

    private static int highestPain(List<SetResult> sets) {
        return sets.stream().mapToInt(SetResult::pain).max().orElse(0);
    }

    /** The numbers behind every decision, whatever rule ends up deciding; sets are the prescribed ones. */
    private static Map<String, Object> numbers(ProgressionInput input, List<SetResult> sets) {
        Prescription p = input.prescription();
        Map<String, Object> numbers = new LinkedHashMap<>();
        numbers.put("setsPrescribed", p.setsToLog());
        numbers.put("setsLogged", sets.size());
        numbers.put("extraSetsNotCounted", input.sets().size() - sets.size());
        numbers.put("bottom", p.bottom());
        numbers.put("top", p.top());
        numbers.put("unit", p.unit());
        numbers.put("lowest", lowestAmount(p, sets));
        numbers.put("highestPain", sets.isEmpty() ? null : highestPain(sets));
        numbers.put("lowestRir", sets.stream().map(SetResult::rir).filter(Objects::nonNull).min(Integer::compare)
                .orElse(null));
        numbers.put("highestRpe", sets.stream().map(SetResult::rpe).filter(Objects::nonNull).max(BigDecimal::compareTo)
                .orElse(null));
        numbers.put("beyondNormalFatigue", sets.stream().anyMatch(SetResult::beyondNormalFatigue));
        numbers.put("firstWeek", input.firstWeek());
        numbers.put("stopFlagOpen", input.stopFlagOpen());
        numbers.put("watchFlagOpen", input.watchFlagOpen());
        numbers.put("checkInPain", input.lastCheckIn() == null ? null : input.lastCheckIn().pain());
        numbers.put("checkInSettled", input.lastCheckIn() == null ? null : input.lastCheckIn().settled());
        return Collections.unmodifiableMap(numbers);
    }

    /** The numbers with a few more that only some decisions look at (values may be null). */
    private static Map<String, Object> with(Map<String, Object> numbers, Object... namesAndValues) {
        Map<String, Object> more = new LinkedHashMap<>(numbers);
        for (int i = 0; i < namesAndValues.length; i += 2) {
            more.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return Collections.unmodifiableMap(more);
    }

    private static String kg(BigDecimal load) {
        return LoadStep.kg(load);
    }

    /** A decision that leaves the prescription as it is. */
    private record Hold(Prescription prescription, Map<String, Object> numbers) {

        ProgressionDecision because(ProgressionRule rule, String reason) {
            return new ProgressionDecision(Outcome.HOLD, rule, reason, numbers, prescription, prescription, null);
        }
    }
}

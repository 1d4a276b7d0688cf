package org.backstrong.progress.domain.progression;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.backstrong.progress.domain.PatientPlan;

/** Every rule of the engine and its edges, one row each: the situation, the rule that decides, the prescription after. */
class DoubleProgressionTest {

    private static final LocalDate MONDAY = LocalDate.of(2026, 3, 9);
    private static final MorningCheck SETTLED = new MorningCheck(MONDAY, 2, true);

    /** 2 of at most 3 sets of 8–12 reps with 10 kg, +5 %; the harder variant is a good morning. */
    static Prescription dumbbellRow() {
        return new Prescription(
                DoseKind.REPS,
                2,
                3,
                8,
                12,
                null,
                null,
                null,
                false,
                new Load.Kilograms(new BigDecimal("10.0")),
                new BigDecimal("5"),
                60,
                "good-morning");
    }

    static Prescription bandPullApart(String band) {
        return new Prescription(
                DoseKind.REPS,
                3,
                3,
                10,
                15,
                null,
                null,
                null,
                false,
                new Load.Banded(Band.valueOf(band.toUpperCase(Locale.ROOT))),
                null,
                45,
                null);
    }

    static Prescription birdDog(int sets, String harder) {
        return new Prescription(
                DoseKind.REPS, sets, 3, 8, 10, null, null, null, true, new Load.Bodyweight(), null, 45, harder);
    }

    /** The article's superman hold: 8–12 reps, a one-second hold at the top, no equipment. */
    static Prescription superman(int sets, int holdSeconds) {
        return new Prescription(
                DoseKind.REPS,
                sets,
                3,
                8,
                12,
                null,
                null,
                holdSeconds,
                false,
                new Load.Bodyweight(),
                null,
                60,
                "back-extension");
    }

    static Prescription sidePlank(int sets) {
        return new Prescription(
                DoseKind.HOLD,
                sets,
                3,
                null,
                null,
                20,
                40,
                null,
                false,
                new Load.Bodyweight(),
                null,
                45,
                "side-plank-leg-lift");
    }

    static SetResult reps(int number, int reps, Integer rir, int pain) {
        return new SetResult(number, null, reps, null, null, null, rir, null, pain, false);
    }

    static List<SetResult> allAtTop(Prescription p) {
        List<SetResult> sets = new ArrayList<>();
        for (String side : p.perSide() ? new String[] {"left", "right"} : new String[] {null}) {
            for (int n = 1; n <= p.sets(); n++) {
                sets.add(new SetResult(
                        n,
                        side,
                        p.countsReps() ? p.top() : null,
                        p.countsReps() ? null : p.top(),
                        p.loadKg(),
                        p.band() == null ? null : p.band().colour(),
                        2,
                        null,
                        2,
                        false));
            }
        }
        return sets;
    }

    /** A session where everything qualifies, with one thing changed. */
    static ProgressionInput qualifying(Prescription p, Function<Situation, Situation> change) {
        return change.apply(new Situation(
                        p, allAtTop(p), PatientPlan.ACTIVE, null, false, false, false, false, SETTLED, null, List.of()))
                .input();
    }

    record Situation(
            Prescription p,
            List<SetResult> sets,
            String planStatus,
            LocalDate laterDecided,
            boolean firstWeek,
            boolean paused,
            boolean stop,
            boolean watch,
            MorningCheck checkIn,
            Prescription start,
            List<PastDecision> earlier) {

        Situation sets(List<SetResult> newSets) {
            return new Situation(
                    p, newSets, planStatus, laterDecided, firstWeek, paused, stop, watch, checkIn, start, earlier);
        }

        Situation set(int index, SetResult replacement) {
            List<SetResult> changed = new ArrayList<>(sets);
            changed.set(index, replacement);
            return sets(changed);
        }

        /** The plan's status when the session is decided. */
        Situation plan(String status) {
            return new Situation(
                    p, sets, status, laterDecided, firstWeek, paused, stop, watch, checkIn, start, earlier);
        }

        /** A later session of the plan was decided before this one arrived. */
        Situation arrivedAfter(LocalDate later) {
            return new Situation(p, sets, planStatus, later, firstWeek, paused, stop, watch, checkIn, start, earlier);
        }

        Situation inFirstWeek() {
            return new Situation(p, sets, planStatus, laterDecided, true, paused, stop, watch, checkIn, start, earlier);
        }

        Situation exercisePaused() {
            return new Situation(
                    p, sets, planStatus, laterDecided, firstWeek, true, stop, watch, checkIn, start, earlier);
        }

        Situation stopFlag() {
            return new Situation(
                    p, sets, planStatus, laterDecided, firstWeek, paused, true, watch, checkIn, start, earlier);
        }

        Situation watchFlag() {
            return new Situation(
                    p, sets, planStatus, laterDecided, firstWeek, paused, stop, true, checkIn, start, earlier);
        }

        Situation checkIn(MorningCheck check) {
            return new Situation(
                    p, sets, planStatus, laterDecided, firstWeek, paused, stop, watch, check, start, earlier);
        }

        /** The dose the item started at (its first week). */
        Situation startedAt(Prescription startingDose) {
            return new Situation(
                    p, sets, planStatus, laterDecided, firstWeek, paused, stop, watch, checkIn, startingDose, earlier);
        }

        /** What was decided after earlier sessions of this item, newest first. */
        Situation after(PastDecision... newestFirst) {
            return new Situation(
                    p,
                    sets,
                    planStatus,
                    laterDecided,
                    firstWeek,
                    paused,
                    stop,
                    watch,
                    checkIn,
                    start,
                    List.of(newestFirst));
        }

        ProgressionInput input() {
            return new ProgressionInput(
                    p, sets, planStatus, laterDecided, firstWeek, paused, stop, watch, checkIn, start, earlier);
        }
    }

    static SetResult withPain(SetResult s, int pain) {
        return new SetResult(
                s.setNumber(),
                s.side(),
                s.reps(),
                s.seconds(),
                s.loadKg(),
                s.band(),
                s.rir(),
                s.rpe(),
                pain,
                s.beyondNormalFatigue());
    }

    static SetResult withEffort(SetResult s, Integer rir, String rpe) {
        return new SetResult(
                s.setNumber(),
                s.side(),
                s.reps(),
                s.seconds(),
                s.loadKg(),
                s.band(),
                rir,
                rpe == null ? null : new BigDecimal(rpe),
                s.pain(),
                s.beyondNormalFatigue());
    }

    static SetResult withAmount(SetResult s, int amount) {
        return new SetResult(
                s.setNumber(),
                s.side(),
                s.reps() == null ? null : amount,
                s.seconds() == null ? null : amount,
                s.loadKg(),
                s.band(),
                s.rir(),
                s.rpe(),
                s.pain(),
                s.beyondNormalFatigue());
    }

    private static final LocalDate LAST_FRIDAY = MONDAY.minusDays(3);

    /** The last session of this item was decided by this rule, at this dose. */
    static PastDecision lastTime(ProgressionRule rule, Prescription before) {
        return new PastDecision(LAST_FRIDAY, rule, before);
    }

    /** The first prescribed set stopped at this many reps (or seconds). */
    static UnaryOperator<Situation> firstSetAt(int amount) {
        return s -> s.set(0, withAmount(s.sets().get(0), amount));
    }

    static Prescription dumbbellRowAt(String kg, int sets) {
        return dumbbellRow().withLoadKg(new BigDecimal(kg)).withSets(sets);
    }

    static Arguments row(
            String situation, ProgressionInput input, Outcome outcome, ProgressionRule rule, Prescription after) {
        return Arguments.of(situation, input, outcome, rule, after);
    }

    static Stream<Arguments> situations() {
        Prescription row = dumbbellRow();
        Prescription rowAtMax = row.withSets(3);
        Prescription plank = sidePlank(2);
        Prescription birdDog = birdDog(2, "bird-dog-weighted");
        return Stream.of(
                // The ladder: a set, then load (or a band), then a harder variant.
                row(
                        "all sets at the top with reps to spare: a set more",
                        qualifying(row, s -> s),
                        Outcome.PROGRESS,
                        ProgressionRule.ADD_SET,
                        row.withSets(3)),
                row(
                        "at the most sets: load +5 %",
                        qualifying(rowAtMax, s -> s),
                        Outcome.PROGRESS,
                        ProgressionRule.ADD_LOAD,
                        rowAtMax.withLoadKg(new BigDecimal("10.5"))),
                row(
                        "red band at the most sets: the green band",
                        qualifying(bandPullApart("red"), s -> s),
                        Outcome.PROGRESS,
                        ProgressionRule.NEXT_BAND,
                        bandPullApart("green")),
                row(
                        "gold band, no harder variant: the top",
                        qualifying(bandPullApart("gold"), s -> s),
                        Outcome.HOLD,
                        ProgressionRule.TOP_OF_PROGRESSION,
                        bandPullApart("gold")),
                row(
                        "bodyweight below the most sets: a set more",
                        qualifying(birdDog, s -> s),
                        Outcome.PROGRESS,
                        ProgressionRule.ADD_SET,
                        birdDog.withSets(3)),
                row(
                        "bodyweight at the most sets: two more reps",
                        qualifying(birdDog(3, "bird-dog-weighted"), s -> s),
                        Outcome.PROGRESS,
                        ProgressionRule.MORE_REPS,
                        birdDog(3, "bird-dog-weighted").withReps(10, 12)),
                row(
                        "bodyweight at 17–19 reps: the range stops at 20",
                        qualifying(birdDog(3, null).withReps(17, 19), s -> s),
                        Outcome.PROGRESS,
                        ProgressionRule.MORE_REPS,
                        birdDog(3, null).withReps(18, 20)),
                row(
                        "bodyweight at the most reps: the harder variant",
                        qualifying(birdDog(3, "bird-dog-weighted").withReps(18, 20), s -> s),
                        Outcome.PROGRESS,
                        ProgressionRule.HARDER_VARIANT,
                        birdDog(3, "bird-dog-weighted").withReps(18, 20)),
                row(
                        "bodyweight at the most reps, no harder variant: the top",
                        qualifying(birdDog(3, null).withReps(18, 20), s -> s),
                        Outcome.HOLD,
                        ProgressionRule.TOP_OF_PROGRESSION,
                        birdDog(3, null).withReps(18, 20)),
                row(
                        "superman hold at the most sets: a second longer in each rep",
                        qualifying(superman(3, 1), s -> s),
                        Outcome.PROGRESS,
                        ProgressionRule.HOLD_LONGER_IN_EACH_REP,
                        superman(3, 2)),
                row(
                        "superman hold at 5 s in each rep: more reps",
                        qualifying(superman(3, 5), s -> s),
                        Outcome.PROGRESS,
                        ProgressionRule.MORE_REPS,
                        superman(3, 5).withReps(10, 14)),
                row(
                        "superman hold below the most sets: a set first",
                        qualifying(superman(2, 1), s -> s),
                        Outcome.PROGRESS,
                        ProgressionRule.ADD_SET,
                        superman(3, 1)),
                row(
                        "timed hold at the most sets: five seconds longer",
                        qualifying(sidePlank(3), s -> s),
                        Outcome.PROGRESS,
                        ProgressionRule.LONGER_HOLD,
                        sidePlank(3).withSeconds(25, 45)),
                row(
                        "timed hold at 50–58 s: the range stops at 60",
                        qualifying(sidePlank(3).withSeconds(50, 58), s -> s),
                        Outcome.PROGRESS,
                        ProgressionRule.LONGER_HOLD,
                        sidePlank(3).withSeconds(52, 60)),
                row(
                        "timed hold at 60 s: the harder variant",
                        qualifying(sidePlank(3).withSeconds(40, 60), s -> s),
                        Outcome.PROGRESS,
                        ProgressionRule.HARDER_VARIANT,
                        sidePlank(3).withSeconds(40, 60)),
                row(
                        "timed hold at the top of the seconds range: a set more",
                        qualifying(plank, s -> s),
                        Outcome.PROGRESS,
                        ProgressionRule.ADD_SET,
                        plank.withSets(3)),
                row(
                        "timed hold a second short of the top",
                        qualifying(plank, s -> s.set(1, withAmount(s.sets().get(1), 39))),
                        Outcome.HOLD,
                        ProgressionRule.REPS_MISSED,
                        plank),
                // Per side: both sides must qualify.
                row(
                        "per side, one side a set short",
                        qualifying(birdDog, s -> s.sets(s.sets().subList(0, 3))),
                        Outcome.HOLD,
                        ProgressionRule.SETS_MISSED,
                        birdDog),
                row(
                        "per side, the right side a rep short",
                        qualifying(birdDog, s -> s.set(3, withAmount(s.sets().get(3), 9))),
                        Outcome.HOLD,
                        ProgressionRule.REPS_MISSED,
                        birdDog),
                // A session is decided once, in date order, against its own dose: paused, ended or late, it holds for
                // good.
                row(
                        "the plan is paused",
                        qualifying(row, s -> s.plan(PatientPlan.PAUSED)),
                        Outcome.HOLD,
                        ProgressionRule.PLAN_PAUSED,
                        row),
                row(
                        "the plan is paused, even with a STOP flag open",
                        qualifying(row, s -> s.plan(PatientPlan.PAUSED).stopFlag()),
                        Outcome.HOLD,
                        ProgressionRule.PLAN_PAUSED,
                        row),
                row(
                        "the plan has ended",
                        qualifying(row, s -> s.plan(PatientPlan.COMPLETED)),
                        Outcome.HOLD,
                        ProgressionRule.PLAN_ENDED,
                        row),
                row(
                        "a later session was decided first",
                        qualifying(row, s -> s.arrivedAfter(MONDAY.plusDays(2))),
                        Outcome.HOLD,
                        ProgressionRule.LATER_SESSION_DECIDED,
                        row),
                row(
                        "a later session was decided first, below the range twice: no step back either",
                        qualifying(
                                dumbbellRowAt("12.0", 3),
                                firstSetAt(7)
                                        .andThen(s -> s.arrivedAfter(MONDAY.plusDays(2))
                                                .after(lastTime(
                                                        ProgressionRule.BELOW_THE_RANGE, dumbbellRowAt("12.0", 3))))),
                        Outcome.HOLD,
                        ProgressionRule.LATER_SESSION_DECIDED,
                        dumbbellRowAt("12.0", 3)),
                // Flags and pauses come first.
                row(
                        "an open STOP flag",
                        qualifying(row, Situation::stopFlag),
                        Outcome.HOLD,
                        ProgressionRule.STOP_FLAG_OPEN,
                        row),
                row(
                        "the exercise is paused",
                        qualifying(row, Situation::exercisePaused),
                        Outcome.HOLD,
                        ProgressionRule.EXERCISE_PAUSED,
                        row),
                row(
                        "pain 6 in a set",
                        qualifying(row, s -> s.set(0, withPain(s.sets().get(0), 6))),
                        Outcome.HOLD,
                        ProgressionRule.PAIN_ABOVE_FIVE,
                        row),
                row(
                        "beyond normal fatigue",
                        qualifying(row, s -> s.set(1, new SetResult(2, null, 12, null, null, null, 3, null, 2, true))),
                        Outcome.HOLD,
                        ProgressionRule.BEYOND_NORMAL_FATIGUE,
                        row),
                row(
                        "an open WATCH flag",
                        qualifying(row, Situation::watchFlag),
                        Outcome.HOLD,
                        ProgressionRule.WATCH_FLAG_OPEN,
                        row),
                row(
                        "the first week starts light",
                        qualifying(row, Situation::inFirstWeek),
                        Outcome.HOLD,
                        ProgressionRule.FIRST_WEEK_START_LIGHT,
                        row),
                // Pain: 3 progresses, 4 and 5 hold.
                row(
                        "pain 3 still progresses",
                        qualifying(row, s -> s.set(0, withPain(s.sets().get(0), 3))),
                        Outcome.PROGRESS,
                        ProgressionRule.ADD_SET,
                        row.withSets(3)),
                row(
                        "pain 4 holds",
                        qualifying(row, s -> s.set(0, withPain(s.sets().get(0), 4))),
                        Outcome.HOLD,
                        ProgressionRule.PAIN_FOUR_TO_FIVE,
                        row),
                row(
                        "pain 5 holds",
                        qualifying(row, s -> s.set(1, withPain(s.sets().get(1), 5))),
                        Outcome.HOLD,
                        ProgressionRule.PAIN_FOUR_TO_FIVE,
                        row),
                // Sets and reps.
                row(
                        "a set missing",
                        qualifying(row, s -> s.sets(s.sets().subList(0, 1))),
                        Outcome.HOLD,
                        ProgressionRule.SETS_MISSED,
                        row),
                row(
                        "no sets at all",
                        qualifying(row, s -> s.sets(List.of())),
                        Outcome.HOLD,
                        ProgressionRule.SETS_MISSED,
                        row),
                row(
                        "11 of 12 reps",
                        qualifying(row, s -> s.set(1, withAmount(s.sets().get(1), 11))),
                        Outcome.HOLD,
                        ProgressionRule.REPS_MISSED,
                        row),
                row(
                        "13 reps is past the top",
                        qualifying(row, s -> s.set(1, withAmount(s.sets().get(1), 13))),
                        Outcome.PROGRESS,
                        ProgressionRule.ADD_SET,
                        row.withSets(3)),
                // Effort: RIR 2 or more, or RPE 8 or less.
                row(
                        "RIR 1",
                        qualifying(row, s -> s.set(0, withEffort(s.sets().get(0), 1, null))),
                        Outcome.HOLD,
                        ProgressionRule.EFFORT_TOO_HIGH,
                        row),
                row(
                        "RPE 8 without RIR",
                        qualifying(row, s -> s.set(0, withEffort(s.sets().get(0), null, "8"))),
                        Outcome.PROGRESS,
                        ProgressionRule.ADD_SET,
                        row.withSets(3)),
                row(
                        "RPE 8.5 without RIR",
                        qualifying(row, s -> s.set(0, withEffort(s.sets().get(0), null, "8.5"))),
                        Outcome.HOLD,
                        ProgressionRule.EFFORT_TOO_HIGH,
                        row),
                row(
                        "RIR 3 wins over RPE 9",
                        qualifying(row, s -> s.set(0, withEffort(s.sets().get(0), 3, "9"))),
                        Outcome.PROGRESS,
                        ProgressionRule.ADD_SET,
                        row.withSets(3)),
                row(
                        "no effort reported",
                        qualifying(row, s -> s.set(0, withEffort(s.sets().get(0), null, null))),
                        Outcome.HOLD,
                        ProgressionRule.EFFORT_NOT_REPORTED,
                        row),
                // The morning check-in.
                row(
                        "no morning check-in yet",
                        qualifying(row, s -> s.checkIn(null)),
                        Outcome.HOLD,
                        ProgressionRule.NO_MORNING_CHECK_IN,
                        row),
                row(
                        "the last morning had not settled",
                        qualifying(row, s -> s.checkIn(new MorningCheck(MONDAY, 5, false))),
                        Outcome.HOLD,
                        ProgressionRule.MORNING_NOT_SETTLED,
                        row));
    }

    /** Below the bottom of the range: once holds, twice in a row at the same dose steps back one rung, never below the start. */
    static Stream<Arguments> belowTheRange() {
        Prescription row12 = dumbbellRowAt("12.0", 3);
        Prescription started = dumbbellRow();
        Prescription green = bandPullApart("green");
        Prescription birdDogAt12 = birdDog(3, null).withReps(12, 14);
        Prescription plank30 = sidePlank(3).withSeconds(30, 50);
        return Stream.of(
                row(
                        "a set below the bottom, the first time: hold",
                        qualifying(row12, firstSetAt(7).andThen(s -> s.startedAt(started))),
                        Outcome.HOLD,
                        ProgressionRule.BELOW_THE_RANGE,
                        row12),
                row(
                        "a set at exactly the bottom is in the range",
                        qualifying(
                                row12,
                                firstSetAt(8)
                                        .andThen(s -> s.startedAt(started)
                                                .after(lastTime(ProgressionRule.BELOW_THE_RANGE, row12)))),
                        Outcome.HOLD,
                        ProgressionRule.REPS_MISSED,
                        row12),
                row(
                        "below after a session held for something else: hold",
                        qualifying(
                                row12,
                                firstSetAt(7)
                                        .andThen(s -> s.startedAt(started)
                                                .after(lastTime(ProgressionRule.PAIN_FOUR_TO_FIVE, row12)))),
                        Outcome.HOLD,
                        ProgressionRule.BELOW_THE_RANGE,
                        row12),
                row(
                        "below twice in a row at the same dose: the load one step down (12 / 1.05 = 11.43, so 11.5 kg)",
                        qualifying(
                                row12,
                                firstSetAt(7)
                                        .andThen(s -> s.startedAt(started)
                                                .after(lastTime(ProgressionRule.BELOW_THE_RANGE, row12)))),
                        Outcome.REGRESS,
                        ProgressionRule.STEP_BACK_LOAD,
                        row12.withLoadKg(new BigDecimal("11.5"))),
                row(
                        "12.00 kg last time is the same dose as 12.0 kg",
                        qualifying(
                                row12,
                                firstSetAt(7)
                                        .andThen(s -> s.startedAt(started)
                                                .after(lastTime(
                                                        ProgressionRule.BELOW_THE_RANGE,
                                                        row12.withLoadKg(new BigDecimal("12.00")))))),
                        Outcome.REGRESS,
                        ProgressionRule.STEP_BACK_LOAD,
                        row12.withLoadKg(new BigDecimal("11.5"))),
                row(
                        "below twice, but the dose changed in between: hold, the first time at this dose",
                        qualifying(
                                row12,
                                firstSetAt(7)
                                        .andThen(s -> s.startedAt(started)
                                                .after(lastTime(
                                                        ProgressionRule.BELOW_THE_RANGE,
                                                        row12.withLoadKg(new BigDecimal("11.5")))))),
                        Outcome.HOLD,
                        ProgressionRule.BELOW_THE_RANGE,
                        row12),
                row(
                        "below twice, pain 5: still a step back (acceptable pain)",
                        qualifying(
                                row12,
                                firstSetAt(7)
                                        .andThen(s -> s.set(1, withPain(s.sets().get(1), 5)))
                                        .andThen(s -> s.startedAt(started)
                                                .after(lastTime(ProgressionRule.BELOW_THE_RANGE, row12)))),
                        Outcome.REGRESS,
                        ProgressionRule.STEP_BACK_LOAD,
                        row12.withLoadKg(new BigDecimal("11.5"))),
                row(
                        "below twice, pain 6: the pain rule comes first",
                        qualifying(
                                row12,
                                firstSetAt(7)
                                        .andThen(s -> s.set(1, withPain(s.sets().get(1), 6)))
                                        .andThen(s -> s.startedAt(started)
                                                .after(lastTime(ProgressionRule.BELOW_THE_RANGE, row12)))),
                        Outcome.HOLD,
                        ProgressionRule.PAIN_ABOVE_FIVE,
                        row12),
                row(
                        "below twice, a STOP flag open: the flag comes first",
                        qualifying(
                                row12,
                                firstSetAt(7)
                                        .andThen(Situation::stopFlag)
                                        .andThen(s -> s.startedAt(started)
                                                .after(lastTime(ProgressionRule.BELOW_THE_RANGE, row12)))),
                        Outcome.HOLD,
                        ProgressionRule.STOP_FLAG_OPEN,
                        row12),
                row(
                        "below twice, a WATCH flag open: the clinician is watching, hold",
                        qualifying(
                                row12,
                                firstSetAt(7)
                                        .andThen(Situation::watchFlag)
                                        .andThen(s -> s.startedAt(started)
                                                .after(lastTime(ProgressionRule.BELOW_THE_RANGE, row12)))),
                        Outcome.HOLD,
                        ProgressionRule.WATCH_FLAG_OPEN,
                        row12),
                row(
                        "below twice in the first week: start light",
                        qualifying(
                                started,
                                firstSetAt(6)
                                        .andThen(Situation::inFirstWeek)
                                        .andThen(s -> s.startedAt(started)
                                                .after(lastTime(ProgressionRule.BELOW_THE_RANGE, started)))),
                        Outcome.HOLD,
                        ProgressionRule.FIRST_WEEK_START_LIGHT,
                        started),
                row(
                        "below twice, an extra set the patient added does not count: the prescribed sets progress",
                        qualifying(
                                row12,
                                s -> s.sets(List.of(
                                                reps(1, 12, 2, 2),
                                                reps(2, 12, 2, 2),
                                                reps(3, 12, 2, 2),
                                                reps(4, 5, 2, 2)))
                                        .startedAt(started)
                                        .after(lastTime(ProgressionRule.BELOW_THE_RANGE, row12))),
                        Outcome.PROGRESS,
                        ProgressionRule.ADD_LOAD,
                        row12.withLoadKg(new BigDecimal("12.5"))),
                row(
                        "below twice, the load down stops at the starting load",
                        qualifying(
                                dumbbellRowAt("10.5", 3),
                                firstSetAt(7)
                                        .andThen(s -> s.startedAt(started)
                                                .after(lastTime(
                                                        ProgressionRule.BELOW_THE_RANGE, dumbbellRowAt("10.5", 3))))),
                        Outcome.REGRESS,
                        ProgressionRule.STEP_BACK_LOAD,
                        dumbbellRowAt("10.0", 3)),
                row(
                        "below twice at the starting load with more sets than at the start: a set fewer",
                        qualifying(
                                dumbbellRowAt("10.0", 3),
                                firstSetAt(7)
                                        .andThen(s -> s.startedAt(started)
                                                .after(lastTime(
                                                        ProgressionRule.BELOW_THE_RANGE, dumbbellRowAt("10.0", 3))))),
                        Outcome.REGRESS,
                        ProgressionRule.STEP_BACK_SET,
                        dumbbellRowAt("10.0", 2)),
                row(
                        "below twice at the starting dose: hold, the clinician decides",
                        qualifying(
                                started,
                                firstSetAt(7)
                                        .andThen(s -> s.startedAt(started)
                                                .after(lastTime(ProgressionRule.BELOW_THE_RANGE, started)))),
                        Outcome.HOLD,
                        ProgressionRule.BELOW_THE_RANGE_AT_STARTING_DOSE,
                        started),
                row(
                        "below again after holding at the starting dose: still a hold",
                        qualifying(
                                started,
                                firstSetAt(7)
                                        .andThen(s -> s.startedAt(started)
                                                .after(lastTime(
                                                        ProgressionRule.BELOW_THE_RANGE_AT_STARTING_DOSE, started)))),
                        Outcome.HOLD,
                        ProgressionRule.BELOW_THE_RANGE_AT_STARTING_DOSE,
                        started),
                row(
                        "below after a step back: hold, the first time at the new dose",
                        qualifying(
                                row12.withLoadKg(new BigDecimal("11.5")),
                                firstSetAt(7)
                                        .andThen(s -> s.startedAt(started)
                                                .after(lastTime(ProgressionRule.STEP_BACK_LOAD, row12)))),
                        Outcome.HOLD,
                        ProgressionRule.BELOW_THE_RANGE,
                        row12.withLoadKg(new BigDecimal("11.5"))),
                row(
                        "below twice, starting dose unknown: half a kilo down to nothing, never below",
                        qualifying(
                                dumbbellRowAt("0.5", 1),
                                firstSetAt(7)
                                        .andThen(s -> s.after(
                                                lastTime(ProgressionRule.BELOW_THE_RANGE, dumbbellRowAt("0.5", 1))))),
                        Outcome.REGRESS,
                        ProgressionRule.STEP_BACK_LOAD,
                        dumbbellRowAt("0.0", 1)),
                row(
                        "below twice, starting dose unknown, no load and one set left: hold",
                        qualifying(
                                dumbbellRowAt("0.0", 1),
                                firstSetAt(7)
                                        .andThen(s -> s.after(
                                                lastTime(ProgressionRule.BELOW_THE_RANGE, dumbbellRowAt("0.0", 1))))),
                        Outcome.HOLD,
                        ProgressionRule.BELOW_THE_RANGE_AT_STARTING_DOSE,
                        dumbbellRowAt("0.0", 1)),
                row(
                        "below twice with the green band, started red: back to red",
                        qualifying(
                                green,
                                firstSetAt(9)
                                        .andThen(s -> s.startedAt(bandPullApart("red"))
                                                .after(lastTime(ProgressionRule.BELOW_THE_RANGE, green)))),
                        Outcome.REGRESS,
                        ProgressionRule.STEP_BACK_BAND,
                        bandPullApart("red")),
                row(
                        "below twice with the starting band and more sets than at the start: a set fewer",
                        qualifying(
                                bandPullApart("red"),
                                firstSetAt(9)
                                        .andThen(s -> s.startedAt(
                                                        bandPullApart("red").withSets(2))
                                                .after(lastTime(
                                                        ProgressionRule.BELOW_THE_RANGE, bandPullApart("red"))))),
                        Outcome.REGRESS,
                        ProgressionRule.STEP_BACK_SET,
                        bandPullApart("red").withSets(2)),
                row(
                        "below twice with the yellow band and one set, start unknown: hold",
                        qualifying(
                                bandPullApart("yellow").withSets(1),
                                firstSetAt(9)
                                        .andThen(s -> s.after(lastTime(
                                                ProgressionRule.BELOW_THE_RANGE,
                                                bandPullApart("yellow").withSets(1))))),
                        Outcome.HOLD,
                        ProgressionRule.BELOW_THE_RANGE_AT_STARTING_DOSE,
                        bandPullApart("yellow").withSets(1)),
                row(
                        "bodyweight below twice: the rep range two lower",
                        qualifying(
                                birdDogAt12,
                                firstSetAt(11)
                                        .andThen(s -> s.startedAt(birdDog(2, null))
                                                .after(lastTime(ProgressionRule.BELOW_THE_RANGE, birdDogAt12)))),
                        Outcome.REGRESS,
                        ProgressionRule.STEP_BACK_REPS,
                        birdDogAt12.withReps(10, 12)),
                row(
                        "bodyweight below twice, per side, the right side short: the rep range two lower",
                        qualifying(
                                birdDogAt12,
                                s -> s.set(3, withAmount(s.sets().get(3), 11))
                                        .startedAt(birdDog(2, null))
                                        .after(lastTime(ProgressionRule.BELOW_THE_RANGE, birdDogAt12))),
                        Outcome.REGRESS,
                        ProgressionRule.STEP_BACK_REPS,
                        birdDogAt12.withReps(10, 12)),
                row(
                        "bodyweight below twice: the rep range stops at the starting range",
                        qualifying(
                                birdDog(3, null).withReps(9, 11),
                                firstSetAt(8)
                                        .andThen(s -> s.startedAt(birdDog(2, null))
                                                .after(lastTime(
                                                        ProgressionRule.BELOW_THE_RANGE,
                                                        birdDog(3, null).withReps(9, 11))))),
                        Outcome.REGRESS,
                        ProgressionRule.STEP_BACK_REPS,
                        birdDog(3, null).withReps(8, 10)),
                row(
                        "bodyweight below twice at the starting range: a set fewer",
                        qualifying(
                                birdDog(3, null),
                                firstSetAt(7)
                                        .andThen(s -> s.startedAt(birdDog(2, null))
                                                .after(lastTime(ProgressionRule.BELOW_THE_RANGE, birdDog(3, null))))),
                        Outcome.REGRESS,
                        ProgressionRule.STEP_BACK_SET,
                        birdDog(2, null)),
                row(
                        "superman hold below twice at the starting range: a second less in each rep",
                        qualifying(
                                superman(3, 3),
                                firstSetAt(7)
                                        .andThen(s -> s.startedAt(superman(2, 1))
                                                .after(lastTime(ProgressionRule.BELOW_THE_RANGE, superman(3, 3))))),
                        Outcome.REGRESS,
                        ProgressionRule.STEP_BACK_PAUSE_IN_EACH_REP,
                        superman(3, 2)),
                row(
                        "superman hold below twice at the starting pause: a set fewer",
                        qualifying(
                                superman(3, 1),
                                firstSetAt(7)
                                        .andThen(s -> s.startedAt(superman(2, 1))
                                                .after(lastTime(ProgressionRule.BELOW_THE_RANGE, superman(3, 1))))),
                        Outcome.REGRESS,
                        ProgressionRule.STEP_BACK_SET,
                        superman(2, 1)),
                row(
                        "timed hold below twice: five seconds shorter",
                        qualifying(
                                plank30,
                                firstSetAt(25)
                                        .andThen(s -> s.startedAt(sidePlank(2))
                                                .after(lastTime(ProgressionRule.BELOW_THE_RANGE, plank30)))),
                        Outcome.REGRESS,
                        ProgressionRule.STEP_BACK_HOLD,
                        sidePlank(3).withSeconds(25, 45)),
                row(
                        "timed hold below twice: the seconds stop at the starting range",
                        qualifying(
                                sidePlank(3).withSeconds(22, 42),
                                firstSetAt(15)
                                        .andThen(s -> s.startedAt(sidePlank(2))
                                                .after(lastTime(
                                                        ProgressionRule.BELOW_THE_RANGE,
                                                        sidePlank(3).withSeconds(22, 42))))),
                        Outcome.REGRESS,
                        ProgressionRule.STEP_BACK_HOLD,
                        sidePlank(3).withSeconds(20, 40)),
                row(
                        "timed hold below twice at the starting dose: hold",
                        qualifying(
                                sidePlank(2),
                                firstSetAt(15)
                                        .andThen(s -> s.startedAt(sidePlank(2))
                                                .after(lastTime(ProgressionRule.BELOW_THE_RANGE, sidePlank(2))))),
                        Outcome.HOLD,
                        ProgressionRule.BELOW_THE_RANGE_AT_STARTING_DOSE,
                        sidePlank(2)));
    }

    /** Only prescribed sets decide: a set beyond the prescription's sets (on each side) neither blocks nor earns. */
    static Stream<Arguments> extraSets() {
        Prescription row = dumbbellRow();
        Prescription birdDog = birdDog(2, "bird-dog-weighted");
        SetResult extra = reps(3, 12, 2, 2);
        return Stream.of(
                row(
                        "an extra set short of the top does not hold",
                        qualifying(
                                row, s -> s.sets(List.of(reps(1, 12, 2, 2), reps(2, 12, 2, 2), withAmount(extra, 9)))),
                        Outcome.PROGRESS,
                        ProgressionRule.ADD_SET,
                        row.withSets(3)),
                row(
                        "an extra set below the bottom of the range does not hold",
                        qualifying(
                                row, s -> s.sets(List.of(reps(1, 12, 2, 2), reps(2, 12, 2, 2), withAmount(extra, 4)))),
                        Outcome.PROGRESS,
                        ProgressionRule.ADD_SET,
                        row.withSets(3)),
                row(
                        "an extra set at pain 5 does not hold",
                        qualifying(row, s -> s.sets(List.of(reps(1, 12, 2, 2), reps(2, 12, 2, 2), withPain(extra, 5)))),
                        Outcome.PROGRESS,
                        ProgressionRule.ADD_SET,
                        row.withSets(3)),
                row(
                        "an extra set with no reps to spare does not hold",
                        qualifying(
                                row,
                                s -> s.sets(List.of(reps(1, 12, 2, 2), reps(2, 12, 2, 2), withEffort(extra, 0, null)))),
                        Outcome.PROGRESS,
                        ProgressionRule.ADD_SET,
                        row.withSets(3)),
                row(
                        "an extra set without effort reported does not hold",
                        qualifying(
                                row,
                                s -> s.sets(
                                        List.of(reps(1, 12, 2, 2), reps(2, 12, 2, 2), withEffort(extra, null, null)))),
                        Outcome.PROGRESS,
                        ProgressionRule.ADD_SET,
                        row.withSets(3)),
                row(
                        "an extra set at pain 7 holds through the STOP flag it raised, not by itself",
                        qualifying(
                                row,
                                s -> s.sets(List.of(reps(1, 12, 2, 2), reps(2, 12, 2, 2), withPain(extra, 7)))
                                        .stopFlag()),
                        Outcome.HOLD,
                        ProgressionRule.STOP_FLAG_OPEN,
                        row),
                row(
                        "an extra set does not stand in for a missing one",
                        qualifying(row, s -> s.sets(List.of(reps(1, 12, 2, 2), extra))),
                        Outcome.HOLD,
                        ProgressionRule.SETS_MISSED,
                        row),
                row(
                        "a prescribed set logged twice counts once",
                        qualifying(row, s -> s.sets(List.of(reps(1, 12, 2, 2), reps(1, 12, 2, 2)))),
                        Outcome.HOLD,
                        ProgressionRule.SETS_MISSED,
                        row),
                row(
                        "per side, a third left set does not stand in for the missing right one",
                        qualifying(
                                birdDog,
                                s -> s.sets(List.of(
                                        sided(1, "left"), sided(2, "left"), sided(3, "left"), sided(1, "right")))),
                        Outcome.HOLD,
                        ProgressionRule.SETS_MISSED,
                        birdDog),
                row(
                        "per side, a third set on each side short of the top does not hold",
                        qualifying(
                                birdDog,
                                s -> s.sets(List.of(
                                        sided(1, "left"),
                                        sided(1, "right"),
                                        sided(2, "left"),
                                        sided(2, "right"),
                                        withAmount(sided(3, "left"), 4),
                                        withAmount(sided(3, "right"), 4)))),
                        Outcome.PROGRESS,
                        ProgressionRule.ADD_SET,
                        birdDog.withSets(3)));
    }

    /** A bird dog set at the top of its range (10 reps) on one side. */
    static SetResult sided(int number, String side) {
        return new SetResult(number, side, 10, null, null, null, 2, null, 2, false);
    }

    /** At the end of a ladder the harder variant is suggested once per prescription. */
    static Stream<Arguments> harderVariantOnce() {
        Prescription top = birdDog(3, "bird-dog-weighted").withReps(18, 20);
        Prescription plankTop = sidePlank(3).withSeconds(40, 60);
        return Stream.of(
                row(
                        "suggested after the last session: hold",
                        qualifying(top, s -> s.after(lastTime(ProgressionRule.HARDER_VARIANT, top))),
                        Outcome.HOLD,
                        ProgressionRule.HARDER_VARIANT_ALREADY_SUGGESTED,
                        top),
                row(
                        "suggested, then held for pain and already-suggested since: hold",
                        qualifying(
                                top,
                                s -> s.after(
                                        lastTime(ProgressionRule.HARDER_VARIANT_ALREADY_SUGGESTED, top),
                                        lastTime(ProgressionRule.PAIN_FOUR_TO_FIVE, top),
                                        lastTime(ProgressionRule.HARDER_VARIANT, top))),
                        Outcome.HOLD,
                        ProgressionRule.HARDER_VARIANT_ALREADY_SUGGESTED,
                        top),
                row(
                        "timed hold at 60 s, suggested before: hold",
                        qualifying(plankTop, s -> s.after(lastTime(ProgressionRule.HARDER_VARIANT, plankTop))),
                        Outcome.HOLD,
                        ProgressionRule.HARDER_VARIANT_ALREADY_SUGGESTED,
                        plankTop),
                row(
                        "the prescription changed since the suggestion: suggest again",
                        qualifying(
                                top,
                                s -> s.after(
                                        lastTime(ProgressionRule.PAIN_FOUR_TO_FIVE, top.withSets(2)),
                                        lastTime(ProgressionRule.HARDER_VARIANT, top))),
                        Outcome.PROGRESS,
                        ProgressionRule.HARDER_VARIANT,
                        top),
                row(
                        "another harder variant named since: suggest it",
                        qualifying(
                                top,
                                s -> s.after(lastTime(
                                        ProgressionRule.HARDER_VARIANT,
                                        birdDog(3, "bird-dog-crunch").withReps(18, 20)))),
                        Outcome.PROGRESS,
                        ProgressionRule.HARDER_VARIANT,
                        top),
                row(
                        "just reached the top (the last step was more reps): suggest",
                        qualifying(
                                top,
                                s -> s.after(lastTime(
                                        ProgressionRule.MORE_REPS,
                                        birdDog(3, "bird-dog-weighted").withReps(16, 18)))),
                        Outcome.PROGRESS,
                        ProgressionRule.HARDER_VARIANT,
                        top));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource({"situations", "belowTheRange", "extraSets", "harderVariantOnce"})
    void decidesByTheFirstRuleThatApplies(
            String situation, ProgressionInput input, Outcome outcome, ProgressionRule rule, Prescription after) {
        ProgressionDecision decision = DoubleProgression.decide(input);
        assertEquals(rule, decision.rule(), decision.reason());
        assertEquals(outcome, decision.outcome());
        assertEquals(after, decision.after());
        assertEquals(input.prescription(), decision.before());
    }

    @Test
    void explainsAStepBackInThePatientsWordsAndRecordsBothSessions() {
        Prescription row12 = dumbbellRowAt("12.0", 3);
        ProgressionDecision decision = DoubleProgression.decide(qualifying(
                row12,
                firstSetAt(7)
                        .andThen(s ->
                                s.startedAt(dumbbellRow()).after(lastTime(ProgressionRule.BELOW_THE_RANGE, row12)))));
        assertEquals(
                "A set stayed below 8 reps (the fewest was 7), as after your session of 2026-03-06, so we lowered "
                        + "the load from 12 kg to 11.5 kg.",
                decision.reason());
        assertTrue(decision.adjustsThePlan());
        assertNull(decision.suggestedVariantId());
        assertEquals(8, decision.evidence().session().bottom());
        assertEquals(7, decision.evidence().session().lowest());
        assertEquals(LAST_FRIDAY, belowTwice(decision).previousSessionBelowTheRange());
        assertEquals(dumbbellRow(), belowTwice(decision).startingDose());
    }

    @Test
    void warnsOfTheStepBackTheFirstTime() {
        ProgressionDecision decision = DoubleProgression.decide(qualifying(dumbbellRowAt("12.0", 3), firstSetAt(7)));
        assertEquals(
                "A set stayed below 8 reps (the fewest was 7), so we hold this exercise; if the next session stays "
                        + "below the range too, we step back.",
                decision.reason());
        assertEquals(false, decision.adjustsThePlan());
    }

    @Test
    void saysWhenTheHarderVariantWasSuggestedAndDoesNotSuggestItAgain() {
        Prescription top = birdDog(3, "bird-dog-weighted").withReps(18, 20);
        ProgressionDecision decision =
                DoubleProgression.decide(qualifying(top, s -> s.after(lastTime(ProgressionRule.HARDER_VARIANT, top))));
        assertEquals(
                "You did all 3 sets on both sides at 20 reps with reps to spare and the most this exercise asks; we "
                        + "suggested a harder variant to your clinician after your session of 2026-03-06, so keep it up while "
                        + "they decide.",
                decision.reason());
        assertNull(decision.suggestedVariantId());
        assertEquals(false, decision.adjustsThePlan());
        assertEquals(LAST_FRIDAY, suggested(decision).harderVariantSuggestedAfter());
        assertEquals("bird-dog-weighted", suggested(decision).suggestedVariantId());
    }

    @Test
    void explainsAnAddedSetInThePatientsWordsAndRecordsTheNumbers() {
        ProgressionDecision decision = DoubleProgression.decide(qualifying(dumbbellRow(), s -> s));
        assertEquals(
                "You did all 2 sets at 12 reps with reps to spare, so we added a set (3 sets).", decision.reason());
        assertEquals(
                "You did your set at 12 reps with reps to spare, so we added a set (2 sets).",
                DoubleProgression.decide(qualifying(dumbbellRow().withSets(1), s -> s))
                        .reason());
        assertEquals(2, decision.evidence().session().setsPrescribed());
        assertEquals(2, decision.evidence().session().setsLogged());
        assertEquals(12, decision.evidence().session().top());
        assertEquals(2, decision.evidence().session().highestPain());
        assertEquals(2, decision.evidence().session().lowestRir());
        assertEquals(true, decision.evidence().session().checkInSettled());
    }

    @Test
    void saysWhyAPausedOrLateSessionChangesNothingAndRecordsTheNumbers() {
        ProgressionDecision paused =
                DoubleProgression.decide(qualifying(dumbbellRow(), s -> s.plan(PatientPlan.PAUSED)));
        assertEquals(
                "Your plan is paused, so this session does not change it; the first session after it resumes "
                        + "decides.",
                paused.reason());
        assertEquals("paused", ((Evidence.PlanNotActive) paused.evidence().ofTheRule()).planStatus());
        ProgressionDecision late = DoubleProgression.decide(qualifying(dumbbellRow(), s -> s.arrivedAfter(MONDAY)));
        assertEquals(
                "Your session of 2026-03-09 was decided before this one arrived, so this earlier session does not "
                        + "change your plan.",
                late.reason());
        assertEquals(MONDAY, ((Evidence.LaterSessionDecided) late.evidence().ofTheRule()).laterSessionDecided());
        assertEquals(false, late.adjustsThePlan());
    }

    @Test
    void countsOnlyThePrescribedSetsAndSaysSoWhenOneIsMissing() {
        ProgressionDecision decision = DoubleProgression.decide(qualifying(
                dumbbellRow(), s -> s.sets(List.of(reps(1, 12, 2, 2), reps(3, 12, 2, 2), reps(4, 12, 2, 2)))));
        assertEquals(
                "You logged 1 of 2 sets and 2 extra sets, which do not count, so we hold this exercise until all "
                        + "of them are done.",
                decision.reason());
        assertEquals(1, decision.evidence().session().setsLogged());
        assertEquals(2, decision.evidence().session().extraSetsNotCounted());
    }

    @Test
    void sendsThePatientBackToTheBottomOfTheRangeWithMoreLoad() {
        ProgressionDecision decision =
                DoubleProgression.decide(qualifying(dumbbellRow().withSets(3), s -> s));
        assertEquals(
                "You did all 3 sets at 12 reps with reps to spare, so we raised the load from 10 kg to 10.5 kg "
                        + "(+5 %); start again at 8 reps and build up.",
                decision.reason());
    }

    @Test
    void raisesALightLoadByTheSmallestStepAndSaysHowMuchThatIs() {
        ProgressionDecision decision = DoubleProgression.decide(qualifying(dumbbellRowAt("2.0", 3), s -> s));
        assertEquals(ProgressionRule.ADD_LOAD, decision.rule());
        assertEquals(new BigDecimal("2.5"), decision.after().loadKg());
        assertEquals(
                "You did all 3 sets at 12 reps with reps to spare, so we raised the load from 2 kg to 2.5 kg "
                        + "(+25 %, the smallest step); start again at 8 reps and build up.",
                decision.reason());
        assertEquals(new BigDecimal("25.0"), loadStep(decision).loadIncreasePercent());
        assertEquals(new BigDecimal("5"), loadStep(decision).loadStepPercentAsked());
        assertEquals(true, loadStep(decision).smallestStep());
        assertEquals(true, loadStep(decision).aboveTheAdvisedRange());
        assertEquals(new BigDecimal("0.5"), loadStep(decision).smallestStepKg());
    }

    @Test
    void suggestsTheHarderVariantWithoutChangingThePrescription() {
        ProgressionDecision decision = DoubleProgression.decide(
                qualifying(birdDog(3, "bird-dog-weighted").withReps(18, 20), s -> s));
        assertEquals("bird-dog-weighted", decision.suggestedVariantId());
        assertTrue(decision.adjustsThePlan());
        assertTrue(decision.reason().contains("on both sides"), decision.reason());
    }

    @Test
    void aHoldNeitherAdjustsThePlanNorSuggestsAVariant() {
        ProgressionDecision decision = DoubleProgression.decide(qualifying(dumbbellRow(), Situation::watchFlag));
        assertNull(decision.suggestedVariantId());
        assertEquals(false, decision.adjustsThePlan());
    }

    private static Evidence.BelowTheRangeTwice belowTwice(ProgressionDecision decision) {
        return (Evidence.BelowTheRangeTwice) decision.evidence().ofTheRule();
    }

    private static Evidence.HarderVariantSuggested suggested(ProgressionDecision decision) {
        return (Evidence.HarderVariantSuggested) decision.evidence().ofTheRule();
    }

    private static Evidence.LoadStepTaken loadStep(ProgressionDecision decision) {
        return (Evidence.LoadStepTaken) decision.evidence().ofTheRule();
    }
}

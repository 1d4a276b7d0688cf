package org.backstrong.progress.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Every rule of the engine and its edges, one row each: the situation, the rule that decides, the prescription after. */
class DoubleProgressionTest {

    private static final LocalDate MONDAY = LocalDate.of(2026, 3, 9);
    private static final MorningCheck SETTLED = new MorningCheck(MONDAY, 2, true);

    /** 2 of at most 3 sets of 8–12 reps with 10 kg, +5 %; the harder variant is a good morning. */
    static Prescription dumbbellRow() {
        return new Prescription("reps", 2, 3, 8, 12, null, null, null, false, "kg", new BigDecimal("10.0"), null,
                new BigDecimal("5"), 60, "good-morning");
    }

    static Prescription bandPullApart(String band) {
        return new Prescription("reps", 3, 3, 10, 15, null, null, null, false, "band", null, band, null, 45, null);
    }

    static Prescription birdDog(int sets, String harder) {
        return new Prescription("reps", sets, 3, 8, 10, null, null, null, true, "bodyweight", null, null, null, 45, harder);
    }

    /** The article's superman hold: 8–12 reps, a one-second hold at the top, no equipment. */
    static Prescription superman(int sets, int holdSeconds) {
        return new Prescription("reps", sets, 3, 8, 12, null, null, holdSeconds, false, "bodyweight", null, null, null,
                60, "back-extension");
    }

    static Prescription sidePlank(int sets) {
        return new Prescription("hold", sets, 3, null, null, 20, 40, null, false, "bodyweight", null, null, null, 45,
                "side-plank-leg-lift");
    }

    static SetResult reps(int number, int reps, Integer rir, int pain) {
        return new SetResult(number, null, reps, null, null, null, rir, null, pain, false);
    }

    static List<SetResult> allAtTop(Prescription p) {
        List<SetResult> sets = new ArrayList<>();
        for (String side : p.perSide() ? new String[] { "left", "right" } : new String[] { null }) {
            for (int n = 1; n <= p.sets(); n++) {
                sets.add(new SetResult(n, side, p.countsReps() ? p.top() : null, p.countsReps() ? null : p.top(),
                        p.loadKg(), p.band(), 2, null, 2, false));
            }
        }
        return sets;
    }

    /** A session where everything qualifies, with one thing changed. */
    static ProgressionInput qualifying(Prescription p, UnaryOperator<Situation> change) {
        return change.apply(new Situation(p, allAtTop(p), false, false, false, false, SETTLED)).input();
    }

    record Situation(Prescription p, List<SetResult> sets, boolean firstWeek, boolean paused, boolean stop,
            boolean watch, MorningCheck checkIn) {

        Situation sets(List<SetResult> newSets) {
            return new Situation(p, newSets, firstWeek, paused, stop, watch, checkIn);
        }

        Situation set(int index, SetResult replacement) {
            List<SetResult> changed = new ArrayList<>(sets);
            changed.set(index, replacement);
            return sets(changed);
        }

        Situation inFirstWeek() {
            return new Situation(p, sets, true, paused, stop, watch, checkIn);
        }

        Situation exercisePaused() {
            return new Situation(p, sets, firstWeek, true, stop, watch, checkIn);
        }

        Situation stopFlag() {
            return new Situation(p, sets, firstWeek, paused, true, watch, checkIn);
        }

        Situation watchFlag() {
            return new Situation(p, sets, firstWeek, paused, stop, true, checkIn);
        }

        Situation checkIn(MorningCheck check) {
            return new Situation(p, sets, firstWeek, paused, stop, watch, check);
        }

        ProgressionInput input() {
            return new ProgressionInput(p, sets, firstWeek, paused, stop, watch, checkIn);
        }
    }

    static SetResult withPain(SetResult s, int pain) {
        return new SetResult(s.setNumber(), s.side(), s.reps(), s.seconds(), s.loadKg(), s.band(), s.rir(), s.rpe(), pain,
                s.beyondNormalFatigue());
    }

    static SetResult withEffort(SetResult s, Integer rir, String rpe) {
        return new SetResult(s.setNumber(), s.side(), s.reps(), s.seconds(), s.loadKg(), s.band(), rir,
                rpe == null ? null : new BigDecimal(rpe), s.pain(), s.beyondNormalFatigue());
    }

    static SetResult withAmount(SetResult s, int amount) {
        return new SetResult(s.setNumber(), s.side(), s.reps() == null ? null : amount, s.seconds() == null ? null : amount,
                s.loadKg(), s.band(), s.rir(), s.rpe(), s.pain(), s.beyondNormalFatigue());
    }

    static Arguments row(String situation, ProgressionInput input, Outcome outcome, ProgressionRule rule,
            Prescription after) {
        return Arguments.of(situation, input, outcome, rule, after);
    }

    static Stream<Arguments> situations() {
        Prescription row = dumbbellRow();
        Prescription rowAtMax = row.withSets(3);
        Prescription plank = sidePlank(2);
        Prescription birdDog = birdDog(2, "bird-dog-weighted");
        return Stream.of(
                // The ladder: a set, then load (or a band), then a harder variant.
                row("all sets at the top with reps to spare: a set more", qualifying(row, s -> s), Outcome.PROGRESS,
                        ProgressionRule.ADD_SET, row.withSets(3)),
                row("at the most sets: load +5 %", qualifying(rowAtMax, s -> s), Outcome.PROGRESS,
                        ProgressionRule.ADD_LOAD, rowAtMax.withLoadKg(new BigDecimal("10.5"))),
                row("red band at the most sets: the green band", qualifying(bandPullApart("red"), s -> s),
                        Outcome.PROGRESS, ProgressionRule.NEXT_BAND, bandPullApart("green")),
                row("gold band, no harder variant: the top", qualifying(bandPullApart("gold"), s -> s), Outcome.HOLD,
                        ProgressionRule.TOP_OF_PROGRESSION, bandPullApart("gold")),
                row("bodyweight below the most sets: a set more", qualifying(birdDog, s -> s), Outcome.PROGRESS,
                        ProgressionRule.ADD_SET, birdDog.withSets(3)),
                row("bodyweight at the most sets: two more reps", qualifying(birdDog(3, "bird-dog-weighted"), s -> s),
                        Outcome.PROGRESS, ProgressionRule.MORE_REPS, birdDog(3, "bird-dog-weighted").withReps(10, 12)),
                row("bodyweight at 17–19 reps: the range stops at 20",
                        qualifying(birdDog(3, null).withReps(17, 19), s -> s), Outcome.PROGRESS, ProgressionRule.MORE_REPS,
                        birdDog(3, null).withReps(18, 20)),
                row("bodyweight at the most reps: the harder variant",
                        qualifying(birdDog(3, "bird-dog-weighted").withReps(18, 20), s -> s), Outcome.PROGRESS,
                        ProgressionRule.HARDER_VARIANT, birdDog(3, "bird-dog-weighted").withReps(18, 20)),
                row("bodyweight at the most reps, no harder variant: the top",
                        qualifying(birdDog(3, null).withReps(18, 20), s -> s), Outcome.HOLD,
                        ProgressionRule.TOP_OF_PROGRESSION, birdDog(3, null).withReps(18, 20)),
                row("superman hold at the most sets: a second longer in each rep",
                        qualifying(superman(3, 1), s -> s), Outcome.PROGRESS, ProgressionRule.HOLD_LONGER_IN_EACH_REP,
                        superman(3, 2)),
                row("superman hold at 5 s in each rep: more reps", qualifying(superman(3, 5), s -> s),
                        Outcome.PROGRESS, ProgressionRule.MORE_REPS, superman(3, 5).withReps(10, 14)),
                row("superman hold below the most sets: a set first", qualifying(superman(2, 1), s -> s),
                        Outcome.PROGRESS, ProgressionRule.ADD_SET, superman(3, 1)),
                row("timed hold at the most sets: five seconds longer", qualifying(sidePlank(3), s -> s),
                        Outcome.PROGRESS, ProgressionRule.LONGER_HOLD, sidePlank(3).withSeconds(25, 45)),
                row("timed hold at 50–58 s: the range stops at 60", qualifying(sidePlank(3).withSeconds(50, 58), s -> s),
                        Outcome.PROGRESS, ProgressionRule.LONGER_HOLD, sidePlank(3).withSeconds(52, 60)),
                row("timed hold at 60 s: the harder variant", qualifying(sidePlank(3).withSeconds(40, 60), s -> s),
                        Outcome.PROGRESS, ProgressionRule.HARDER_VARIANT, sidePlank(3).withSeconds(40, 60)),
                row("timed hold at the top of the seconds range: a set more", qualifying(plank, s -> s),
                        Outcome.PROGRESS, ProgressionRule.ADD_SET, plank.withSets(3)),
                row("timed hold a second short of the top", qualifying(plank, s -> s.set(1, withAmount(s.sets().get(1), 39))),
                        Outcome.HOLD, ProgressionRule.REPS_MISSED, plank),
                // Per side: both sides must qualify.
                row("per side, one side a set short", qualifying(birdDog, s -> s.sets(s.sets().subList(0, 3))),
                        Outcome.HOLD, ProgressionRule.SETS_MISSED, birdDog),
                row("per side, the right side a rep short",
                        qualifying(birdDog, s -> s.set(3, withAmount(s.sets().get(3), 9))), Outcome.HOLD,
                        ProgressionRule.REPS_MISSED, birdDog),
                // Flags and pauses come first.
                row("an open STOP flag", qualifying(row, Situation::stopFlag), Outcome.HOLD,
                        ProgressionRule.STOP_FLAG_OPEN, row),
                row("the exercise is paused", qualifying(row, Situation::exercisePaused), Outcome.HOLD,
                        ProgressionRule.EXERCISE_PAUSED, row),
                row("pain 6 in a set", qualifying(row, s -> s.set(0, withPain(s.sets().get(0), 6))), Outcome.HOLD,
                        ProgressionRule.PAIN_ABOVE_FIVE, row),
                row("beyond normal fatigue", qualifying(row, s -> s.set(1, new SetResult(2, null, 12, null, null, null, 3,
                        null, 2, true))), Outcome.HOLD, ProgressionRule.BEYOND_NORMAL_FATIGUE, row),
                row("an open WATCH flag", qualifying(row, Situation::watchFlag), Outcome.HOLD,
                        ProgressionRule.WATCH_FLAG_OPEN, row),
                row("the first week starts light", qualifying(row, Situation::inFirstWeek), Outcome.HOLD,
                        ProgressionRule.FIRST_WEEK_START_LIGHT, row),
                // Pain: 3 progresses, 4 and 5 hold.
                row("pain 3 still progresses", qualifying(row, s -> s.set(0, withPain(s.sets().get(0), 3))),
                        Outcome.PROGRESS, ProgressionRule.ADD_SET, row.withSets(3)),
                row("pain 4 holds", qualifying(row, s -> s.set(0, withPain(s.sets().get(0), 4))), Outcome.HOLD,
                        ProgressionRule.PAIN_FOUR_TO_FIVE, row),
                row("pain 5 holds", qualifying(row, s -> s.set(1, withPain(s.sets().get(1), 5))), Outcome.HOLD,
                        ProgressionRule.PAIN_FOUR_TO_FIVE, row),
                // Sets and reps.
                row("a set missing", qualifying(row, s -> s.sets(s.sets().subList(0, 1))), Outcome.HOLD,
                        ProgressionRule.SETS_MISSED, row),
                row("no sets at all", qualifying(row, s -> s.sets(List.of())), Outcome.HOLD, ProgressionRule.SETS_MISSED,
                        row),
                row("11 of 12 reps", qualifying(row, s -> s.set(1, withAmount(s.sets().get(1), 11))), Outcome.HOLD,
                        ProgressionRule.REPS_MISSED, row),
                row("13 reps is past the top", qualifying(row, s -> s.set(1, withAmount(s.sets().get(1), 13))),
                        Outcome.PROGRESS, ProgressionRule.ADD_SET, row.withSets(3)),
                // Effort: RIR 2 or more, or RPE 8 or less.
                row("RIR 1", qualifying(row, s -> s.set(0, withEffort(s.sets().get(0), 1, null))), Outcome.HOLD,
                        ProgressionRule.EFFORT_TOO_HIGH, row),
                row("RPE 8 without RIR", qualifying(row, s -> s.set(0, withEffort(s.sets().get(0), null, "8"))),
                        Outcome.PROGRESS, ProgressionRule.ADD_SET, row.withSets(3)),
                row("RPE 8.5 without RIR", qualifying(row, s -> s.set(0, withEffort(s.sets().get(0), null, "8.5"))),
                        Outcome.HOLD, ProgressionRule.EFFORT_TOO_HIGH, row),
                row("RIR 3 wins over RPE 9", qualifying(row, s -> s.set(0, withEffort(s.sets().get(0), 3, "9"))),
                        Outcome.PROGRESS, ProgressionRule.ADD_SET, row.withSets(3)),
                row("no effort reported", qualifying(row, s -> s.set(0, withEffort(s.sets().get(0), null, null))),
                        Outcome.HOLD, ProgressionRule.EFFORT_NOT_REPORTED, row),
                // The morning check-in.
                row("no morning check-in yet", qualifying(row, s -> s.checkIn(null)), Outcome.HOLD,
                        ProgressionRule.NO_MORNING_CHECK_IN, row),
                row("the last morning had not settled",
                        qualifying(row, s -> s.checkIn(new MorningCheck(MONDAY, 5, false))), Outcome.HOLD,
                        ProgressionRule.MORNING_NOT_SETTLED, row));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("situations")
    void decidesByTheFirstRuleThatApplies(String situation, ProgressionInput input, Outcome outcome,
            ProgressionRule rule, Prescription after) {
        ProgressionDecision decision = DoubleProgression.decide(input);
        assertEquals(rule, decision.rule(), decision.reason());
        assertEquals(outcome, decision.outcome());
        assertEquals(after, decision.after());
        assertEquals(input.prescription(), decision.before());
    }

    @ParameterizedTest(name = "{0} kg + {1} % = {2} kg")
    @CsvSource({ "10.0, 5, 10.5", "20, 5, 21.0", "22.5, 5, 23.5", "2, 5, 2.5", "40, 10, 44.0", "7.5, 2.5, 8.0",
            "60, , 63.0" })
    void raisesTheLoadOneStepToTheNearestHalfKiloAndAlwaysByAtLeastHalfAKilo(String load, String percent,
            String expected) {
        assertEquals(new BigDecimal(expected),
                DoubleProgression.nextLoad(new BigDecimal(load), percent == null ? null : new BigDecimal(percent)));
    }

    @Test
    void explainsAnAddedSetInThePatientsWordsAndRecordsTheNumbers() {
        ProgressionDecision decision = DoubleProgression.decide(qualifying(dumbbellRow(), s -> s));
        assertEquals("You did all 2 sets at 12 reps with reps to spare, so we added a set (3 sets).", decision.reason());
        assertEquals(2, decision.inputs().get("setsPrescribed"));
        assertEquals(2, decision.inputs().get("setsLogged"));
        assertEquals(12, decision.inputs().get("top"));
        assertEquals(2, decision.inputs().get("highestPain"));
        assertEquals(2, decision.inputs().get("lowestRir"));
        assertEquals(true, decision.inputs().get("checkInSettled"));
    }

    @Test
    void sendsThePatientBackToTheBottomOfTheRangeWithMoreLoad() {
        ProgressionDecision decision = DoubleProgression.decide(qualifying(dumbbellRow().withSets(3), s -> s));
        assertEquals("You did all 3 sets at 12 reps with reps to spare, so we raised the load from 10 kg to 10.5 kg; "
                + "start again at 8 reps and build up.", decision.reason());
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
}

package org.backstrong.planner.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What may be logged: a set is refused with the kind, problem type and field of its first fault. */
class SetLogRulesTest {

    private static final String PATIENT = "patient-1";
    private static final UUID PLAN = UUID.fromString("00000000-0000-4000-8000-0000000000a1");
    private static final UUID ITEM = UUID.fromString("00000000-0000-4000-8000-0000000000b1");
    /** A Monday; the plan has sessions on Mondays, Wednesdays and Fridays for four weeks. */
    private static final LocalDate MONDAY = LocalDate.of(2026, 11, 2);

    private static final LocalDate TODAY = MONDAY.plusDays(2);
    private static final Schedule SCHEDULE = new Schedule(MONDAY, 4, List.of(1, 3, 5));

    private static final SetTarget.Item REPS_ITEM =
            new SetTarget.Item(ITEM, "bird-dog", "Bird dog", false, null, DoseKind.REPS, false, 3);
    private static final SetTarget.Item HOLD_PER_SIDE =
            new SetTarget.Item(ITEM, "side-plank", "Side plank", false, null, DoseKind.HOLD, true, 3);

    static Stream<Arguments> sets() {
        return Stream.of(
                Arguments.of("a set as prescribed", target(t -> t), set(s -> {}), null, null, null),
                Arguments.of("no such plan", null, set(s -> {}), SetRefusal.Kind.NOT_FOUND, "not-found", null),
                Arguments.of(
                        "another patient's plan",
                        target(t -> new SetTarget(
                                PLAN, "patient-2", "clinic-a", PlanStatus.ACTIVE, null, SCHEDULE, REPS_ITEM)),
                        set(s -> {}),
                        SetRefusal.Kind.NOT_FOUND,
                        "not-found",
                        null),
                Arguments.of(
                        "a paused plan",
                        target(t -> new SetTarget(
                                PLAN, PATIENT, "clinic-a", PlanStatus.PAUSED, "holiday", SCHEDULE, REPS_ITEM)),
                        set(s -> {}),
                        SetRefusal.Kind.CONFLICT,
                        "plan-paused",
                        null),
                Arguments.of(
                        "a completed plan",
                        target(t -> new SetTarget(
                                PLAN, PATIENT, "clinic-a", PlanStatus.COMPLETED, null, SCHEDULE, REPS_ITEM)),
                        set(s -> {}),
                        SetRefusal.Kind.CONFLICT,
                        "plan-completed",
                        null),
                Arguments.of(
                        "a session day still to come",
                        target(t -> t),
                        set(s -> s.sessionDate = MONDAY.plusDays(4)),
                        SetRefusal.Kind.UNPROCESSABLE,
                        "future-session",
                        "date"),
                Arguments.of(
                        "a day without a session",
                        target(t -> t),
                        set(s -> s.sessionDate = MONDAY.plusDays(1)),
                        SetRefusal.Kind.UNPROCESSABLE,
                        "no-session",
                        "date"),
                Arguments.of(
                        "a day before the plan starts",
                        target(t -> t),
                        set(s -> s.sessionDate = MONDAY.minusDays(2)),
                        SetRefusal.Kind.UNPROCESSABLE,
                        "no-session",
                        "date"),
                Arguments.of(
                        "an item of another session",
                        target(t -> withItem(t, null)),
                        set(s -> {}),
                        SetRefusal.Kind.UNPROCESSABLE,
                        "not-in-session",
                        "itemId"),
                Arguments.of(
                        "a paused exercise",
                        target(t -> withItem(
                                t,
                                new SetTarget.Item(
                                        ITEM, "bird-dog", "Bird dog", true, "STOP flag", DoseKind.REPS, false, 3))),
                        set(s -> {}),
                        SetRefusal.Kind.CONFLICT,
                        "exercise-paused",
                        null),
                Arguments.of(
                        "reps missing for a reps dose",
                        target(t -> t),
                        set(s -> s.reps = null),
                        SetRefusal.Kind.INVALID_FIELD,
                        "invalid-input",
                        "reps"),
                Arguments.of(
                        "seconds missing for a hold",
                        target(t -> withItem(t, HOLD_PER_SIDE)),
                        set(s -> {
                            s.reps = null;
                            s.side = LoggedSet.Side.LEFT;
                        }),
                        SetRefusal.Kind.INVALID_FIELD,
                        "invalid-input",
                        "seconds"),
                Arguments.of(
                        "no side for a per-side item",
                        target(t -> withItem(t, HOLD_PER_SIDE)),
                        set(s -> s.seconds = 30),
                        SetRefusal.Kind.INVALID_FIELD,
                        "invalid-input",
                        "side"),
                Arguments.of(
                        "a side for an item done once",
                        target(t -> t),
                        set(s -> s.side = LoggedSet.Side.RIGHT),
                        SetRefusal.Kind.INVALID_FIELD,
                        "invalid-input",
                        "side"),
                Arguments.of(
                        "a set beyond the most sets",
                        target(t -> t),
                        set(s -> s.setNumber = 4),
                        SetRefusal.Kind.INVALID_FIELD,
                        "invalid-input",
                        "setNumber"),
                Arguments.of("the last set allowed", target(t -> t), set(s -> s.setNumber = 3), null, null, null),
                Arguments.of(
                        "a hold per side as prescribed",
                        target(t -> withItem(t, HOLD_PER_SIDE)),
                        set(s -> {
                            s.reps = null;
                            s.seconds = 30;
                            s.side = LoggedSet.Side.LEFT;
                        }),
                        null,
                        null,
                        null),
                Arguments.of(
                        "several faults: the plan's state is told first",
                        target(t -> new SetTarget(PLAN, PATIENT, "clinic-a", PlanStatus.PAUSED, null, SCHEDULE, null)),
                        set(s -> {
                            s.sessionDate = MONDAY.plusDays(1);
                            s.reps = null;
                        }),
                        SetRefusal.Kind.CONFLICT,
                        "plan-paused",
                        null),
                Arguments.of(
                        "several faults: the day before the item",
                        target(t -> withItem(t, null)),
                        set(s -> s.sessionDate = MONDAY.plusDays(1)),
                        SetRefusal.Kind.UNPROCESSABLE,
                        "no-session",
                        "date"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sets")
    void refusesTheFirstFault(
            String name, SetTarget target, LoggedSet set, SetRefusal.Kind kind, String problemType, String field) {
        Optional<SetRefusal> refusal = SetLogRules.refusal(target, PATIENT, set, TODAY);

        if (kind == null) {
            assertTrue(refusal.isEmpty(), () -> "refused: " + refusal.get());
        } else {
            assertEquals(kind, refusal.orElseThrow().kind());
            assertEquals(problemType, refusal.get().problemType());
            assertEquals(field, refusal.get().field());
        }
    }

    @Test
    void saysWhyInWordsAPatientReads() {
        assertEquals(
                "Plan " + PLAN,
                SetLogRules.refusal(null, PATIENT, set(s -> {}), TODAY)
                        .orElseThrow()
                        .message());
        assertEquals(
                "The plan is paused: holiday",
                SetLogRules.inactive(PlanStatus.PAUSED, "holiday").orElseThrow().message());
        assertEquals(
                "is required: Side plank is done on each side",
                SetLogRules.refusal(target(t -> withItem(t, HOLD_PER_SIDE)), PATIENT, set(s -> s.seconds = 30), TODAY)
                        .orElseThrow()
                        .message());
        assertEquals(
                "must be at most 3 for Bird dog",
                SetLogRules.refusal(target(t -> t), PATIENT, set(s -> s.setNumber = 4), TODAY)
                        .orElseThrow()
                        .message());
    }

    @Test
    void aResendOfTheSamePatientIsAnsweredAndAnotherPatientsIdIsTaken() {
        LoggedSet first = set(s -> {});

        assertTrue(SetLogRules.resendRefusal(first, PATIENT).isEmpty());
        SetRefusal taken = SetLogRules.resendRefusal(first, "patient-2").orElseThrow();
        assertEquals(SetRefusal.Kind.CONFLICT, taken.kind());
        assertEquals("id-taken", taken.problemType());
    }

    @Test
    void aTakenSlotNamesTheSetItsSideTheExerciseAndTheDay() {
        SetRefusal taken = SetLogRules.slotTaken(
                set(s -> {
                    s.setNumber = 2;
                    s.side = LoggedSet.Side.LEFT;
                }),
                "Side plank");

        assertEquals("set-already-logged", taken.problemType());
        assertEquals("Set 2 (left) of Side plank on " + TODAY + " is already logged", taken.message());
        assertEquals(
                "Set 1 of Bird dog on " + TODAY + " is already logged",
                SetLogRules.slotTaken(set(s -> {}), "Bird dog").message());
    }

    @Test
    void aSessionCompletesOnlyOnAPastOrPresentSessionDayOfAnActivePlan() {
        assertTrue(SetLogRules.inactive(PlanStatus.ACTIVE, null).isEmpty());
        assertTrue(SetLogRules.notLoggableDay(SCHEDULE, TODAY, TODAY, "date").isEmpty());
        assertEquals(
                "future-session",
                SetLogRules.notLoggableDay(SCHEDULE, TODAY.plusDays(2), TODAY, "date")
                        .orElseThrow()
                        .problemType());
        assertEquals(
                MONDAY.plusDays(1) + " is not a session day of this plan",
                SetLogRules.notLoggableDay(SCHEDULE, MONDAY.plusDays(1), TODAY, "date")
                        .orElseThrow()
                        .message());
    }

    /** An active plan of the patient's with a reps item (at most 3 sets, not per side), changed by {@code change}. */
    private static SetTarget target(UnaryOperator<SetTarget> change) {
        return change.apply(new SetTarget(PLAN, PATIENT, "clinic-a", PlanStatus.ACTIVE, null, SCHEDULE, REPS_ITEM));
    }

    private static SetTarget withItem(SetTarget target, SetTarget.Item item) {
        return new SetTarget(
                target.planId(),
                target.patientId(),
                target.clinicId(),
                target.status(),
                target.statusReason(),
                target.schedule(),
                item);
    }

    /** Set 1 of 10 reps, today, against the item, changed by {@code change}. */
    private static LoggedSet set(Consumer<LoggedSet> change) {
        LoggedSet set = new LoggedSet();
        set.id = UUID.fromString("00000000-0000-4000-8000-0000000000c1");
        set.patientId = PATIENT;
        set.planId = PLAN;
        set.itemId = ITEM;
        set.sessionDate = TODAY;
        set.setNumber = 1;
        set.reps = 10;
        set.pain = 1;
        set.beyondNormalFatigue = false;
        change.accept(set);
        return set;
    }
}

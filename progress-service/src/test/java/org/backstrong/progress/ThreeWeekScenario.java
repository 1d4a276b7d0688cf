package org.backstrong.progress;

import static org.backstrong.progress.EventStream.data;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.backstrong.progress.event.EventTypes;
import org.backstrong.progress.messaging.Topics;

/**
 * A known event stream: a three-week plan from Monday 2 March 2026 (Mon, Wed, Fri) with a band
 * warm-up, a dumbbell row (2 of at most 3 sets of 8–12 with 10 kg) and a side-plank hold (2 sets
 * of 20–40 s, bodyweight). Week 1 starts light; on 9 March everything qualifies (the row gains a
 * set, the plank at its most sets holds five seconds longer); the next morning's pain rose by 3 (a
 * WATCH); on 13 March the row hurt at 7 (a STOP) and the session stopped after two sets.
 */
final class ThreeWeekScenario {

    final String clinic = "clinic-replay-" + UUID.randomUUID().toString().substring(0, 8);
    final String patient = UUID.randomUUID().toString();
    final String plan = UUID.randomUUID().toString();
    /** The same template for every run, as one clinic's template would be (RestartHalfwayIT compares two runs). */
    final String template = "0b5e7c1a-3d2f-4e6a-9b8c-7d6e5f4a3b21";

    final String warmUp = UUID.randomUUID().toString();
    final String row = UUID.randomUUID().toString();
    final String plank = UUID.randomUUID().toString();
    final EventStream stream = new EventStream();

    ThreeWeekScenario() {
        stream.add(
                Topics.PLAN_EVENTS,
                EventTypes.PLAN_ASSIGNED,
                patient,
                "2026-03-01T18:00:00Z",
                data(
                        "planId",
                        plan,
                        "patientId",
                        patient,
                        "clinicId",
                        clinic,
                        "templateId",
                        template,
                        "name",
                        "Lower back basics",
                        "startDate",
                        "2026-03-02",
                        "weeks",
                        3,
                        "weekdays",
                        List.of(1, 3, 5),
                        "status",
                        "active",
                        "items",
                        List.of(
                                item(
                                        warmUp,
                                        "band-pull-apart",
                                        "warm-up",
                                        "reps",
                                        1,
                                        1,
                                        10,
                                        15,
                                        null,
                                        null,
                                        "band",
                                        null,
                                        "red",
                                        null),
                                item(
                                        row,
                                        "dumbbell-row",
                                        "main",
                                        "reps",
                                        2,
                                        3,
                                        8,
                                        12,
                                        null,
                                        null,
                                        "kg",
                                        10.0,
                                        null,
                                        "good-morning"),
                                item(
                                        plank,
                                        "side-plank",
                                        "main",
                                        "hold",
                                        2,
                                        2,
                                        null,
                                        null,
                                        20,
                                        40,
                                        "bodyweight",
                                        null,
                                        null,
                                        "side-plank-leg-lift"))));
        // Week 1: the first week starts light, whatever was done.
        set(warmUp, "band-pull-apart", "2026-03-02", 1, 15, null, 1, "07:00");
        set(row, "dumbbell-row", "2026-03-02", 1, 12, null, 2, "07:05");
        set(row, "dumbbell-row", "2026-03-02", 2, 12, null, 2, "07:08");
        set(plank, "side-plank", "2026-03-02", 1, null, 40, 2, "07:12");
        set(plank, "side-plank", "2026-03-02", 2, null, 40, 2, "07:15");
        session("2026-03-02", 5, 5);
        checkIn("2026-03-03", 2);
        // Week 2, Monday: everything qualifies.
        set(warmUp, "band-pull-apart", "2026-03-09", 1, 15, null, 1, "07:00");
        set(row, "dumbbell-row", "2026-03-09", 1, 12, null, 2, "07:05");
        set(row, "dumbbell-row", "2026-03-09", 2, 12, null, 2, "07:08");
        set(plank, "side-plank", "2026-03-09", 1, null, 40, 3, "07:12");
        set(plank, "side-plank", "2026-03-09", 2, null, 40, 3, "07:15");
        session("2026-03-09", 5, 5);
        checkIn("2026-03-10", 4);
        // Wednesday: the WATCH holds everything.
        set(warmUp, "band-pull-apart", "2026-03-11", 1, 15, null, 1, "07:00");
        set(row, "dumbbell-row", "2026-03-11", 1, 12, null, 2, "07:05");
        set(row, "dumbbell-row", "2026-03-11", 2, 12, null, 2, "07:08");
        set(row, "dumbbell-row", "2026-03-11", 3, 12, null, 2, "07:11");
        set(plank, "side-plank", "2026-03-11", 1, null, 40, 2, "07:14");
        set(plank, "side-plank", "2026-03-11", 2, null, 40, 2, "07:17");
        session("2026-03-11", 6, 6);
        // Friday: pain 7 in the row: a STOP; two of six sets, so the session does not count.
        set(warmUp, "band-pull-apart", "2026-03-13", 1, 15, null, 1, "07:00");
        set(row, "dumbbell-row", "2026-03-13", 1, 12, null, 7, "07:05");
        session("2026-03-13", 6, 2);
    }

    private static Map<String, Object> item(
            String itemId,
            String exerciseId,
            String block,
            String doseKind,
            int sets,
            int setsMax,
            Integer repsMin,
            Integer repsMax,
            Integer secondsMin,
            Integer secondsMax,
            String loadKind,
            Double loadKg,
            String band,
            String harderVariantId) {
        return data(
                "itemId",
                itemId,
                "exerciseId",
                exerciseId,
                "exerciseVersion",
                1,
                "exerciseName",
                exerciseId,
                "block",
                block,
                "position",
                1,
                "doseKind",
                doseKind,
                "sets",
                sets,
                "setsMax",
                setsMax,
                "repsMin",
                repsMin,
                "repsMax",
                repsMax,
                "secondsMin",
                secondsMin,
                "secondsMax",
                secondsMax,
                "holdSeconds",
                null,
                "perSide",
                false,
                "loadKind",
                loadKind,
                "loadKg",
                loadKg,
                "band",
                band,
                "loadStepPercent",
                5,
                "restSeconds",
                60,
                "harderVariantId",
                harderVariantId,
                "paused",
                false);
    }

    private void set(
            String itemId,
            String exerciseId,
            String date,
            int number,
            Integer reps,
            Integer seconds,
            int pain,
            String time) {
        String at = date + "T" + time + ":00Z";
        stream.add(
                Topics.SET_EVENTS,
                EventTypes.SET_COMPLETED,
                patient,
                at,
                data(
                        "setId",
                        UUID.randomUUID().toString(),
                        "patientId",
                        patient,
                        "clinicId",
                        clinic,
                        "planId",
                        plan,
                        "itemId",
                        itemId,
                        "exerciseId",
                        exerciseId,
                        "sessionDate",
                        date,
                        "setNumber",
                        number,
                        "side",
                        null,
                        "reps",
                        reps,
                        "seconds",
                        seconds,
                        "loadKg",
                        "dumbbell-row".equals(exerciseId) ? 10.0 : null,
                        "band",
                        "band-pull-apart".equals(exerciseId) ? "red" : null,
                        "rir",
                        2,
                        "rpe",
                        null,
                        "pain",
                        pain,
                        "beyondNormalFatigue",
                        false,
                        "loggedAt",
                        at));
    }

    private void session(String date, int prescribed, int logged) {
        String at = date + "T07:30:00Z";
        stream.add(
                Topics.SET_EVENTS,
                EventTypes.SESSION_COMPLETED,
                patient,
                at,
                data(
                        "patientId",
                        patient,
                        "clinicId",
                        clinic,
                        "planId",
                        plan,
                        "sessionDate",
                        date,
                        "setsPrescribed",
                        prescribed,
                        "setsLogged",
                        logged,
                        "completedAt",
                        at));
    }

    private void checkIn(String date, int pain) {
        String at = date + "T06:45:00Z";
        stream.add(
                Topics.SET_EVENTS,
                EventTypes.MORNING_CHECK_IN,
                patient,
                at,
                data(
                        "checkInId",
                        UUID.randomUUID().toString(),
                        "patientId",
                        patient,
                        "clinicId",
                        clinic,
                        "planId",
                        plan,
                        "date",
                        date,
                        "pain",
                        pain,
                        "loggedAt",
                        at));
    }
}

package org.backstrong.progress;

import static org.backstrong.progress.EventStream.data;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.backstrong.progress.event.EventTypes;
import org.backstrong.progress.messaging.Topics;

/**
 * A known event stream for the way back and the harder variant: a plan from Monday 2 March 2026
 * (Mon, Wed, Fri) with a dumbbell row that starts at 2 of at most 3 sets of 8–12 with 10 kg and a
 * bird dog already at the top of its ladder (3 sets of 18–20, a harder variant named). On 6 March a
 * clinician raises the row to 3 sets with 12 kg. From 9 March the first row set stops at 6 reps
 * every session: 9 March holds (below the range), 11 March steps back to 11.5 kg, 13 March holds
 * again (the first time at 11.5 kg). The bird dog qualifies every session: the harder variant is
 * suggested on 9 March and not again.
 */
final class StepBackScenario {

    final String clinic = "clinic-step-back-" + UUID.randomUUID().toString().substring(0, 8);
    final String patient = UUID.randomUUID().toString();
    final String plan = UUID.randomUUID().toString();
    final String row = UUID.randomUUID().toString();
    final String birdDog = UUID.randomUUID().toString();
    final EventStream stream = new EventStream();

    StepBackScenario() {
        stream.add(
                Topics.PLAN_EVENTS, EventTypes.PLAN_ASSIGNED, patient, "2026-03-01T18:00:00Z", plan(2, 10.0, Map.of()));
        stream.add(
                Topics.PLAN_EVENTS,
                EventTypes.PLAN_CHANGED,
                patient,
                "2026-03-06T12:00:00Z",
                plan(3, 12.0, Map.of("changedItemIds", List.of(row), "changedBy", "clinician-1")));
        // Week 1 starts light.
        session("2026-03-02", 2, 12, 10.0);
        checkIn("2026-03-03", 2);
        // Week 2: the first row set stops at 6 reps each time.
        session("2026-03-09", 3, 6, 12.0);
        checkIn("2026-03-10", 2);
        session("2026-03-11", 3, 6, 12.0);
        checkIn("2026-03-12", 2);
        session("2026-03-13", 3, 6, 11.5);
    }

    private Map<String, Object> plan(int rowSets, double rowKg, Map<String, Object> change) {
        Map<String, Object> data = data(
                "planId",
                plan,
                "patientId",
                patient,
                "clinicId",
                clinic,
                "templateId",
                UUID.randomUUID().toString(),
                "name",
                "Step back",
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
                        item(row, "dumbbell-row", 1, rowSets, 8, 12, "kg", rowKg, "good-morning"),
                        item(birdDog, "bird-dog", 2, 3, 18, 20, "bodyweight", null, "bird-dog-weighted")));
        data.putAll(change);
        return data;
    }

    private static Map<String, Object> item(
            String itemId,
            String exerciseId,
            int position,
            int sets,
            int repsMin,
            int repsMax,
            String loadKind,
            Double loadKg,
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
                "main",
                "position",
                position,
                "doseKind",
                "reps",
                "sets",
                sets,
                "setsMax",
                3,
                "repsMin",
                repsMin,
                "repsMax",
                repsMax,
                "secondsMin",
                null,
                "secondsMax",
                null,
                "holdSeconds",
                null,
                "perSide",
                false,
                "loadKind",
                loadKind,
                "loadKg",
                loadKg,
                "band",
                null,
                "loadStepPercent",
                5,
                "restSeconds",
                60,
                "harderVariantId",
                harderVariantId,
                "paused",
                false);
    }

    /** A session: the row's sets (the first at firstRowSetReps, the others at 12), then 3 bird dogs of 20. */
    private void session(String date, int rowSets, int firstRowSetReps, double rowKg) {
        int minute = 0;
        for (int n = 1; n <= rowSets; n++) {
            set(row, "dumbbell-row", date, n, n == 1 ? firstRowSetReps : 12, rowKg, minute += 3);
        }
        for (int n = 1; n <= 3; n++) {
            set(birdDog, "bird-dog", date, n, 20, null, minute += 3);
        }
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
                        rowSets + 3,
                        "setsLogged",
                        rowSets + 3,
                        "completedAt",
                        at));
    }

    private void set(String itemId, String exerciseId, String date, int number, int reps, Double loadKg, int minute) {
        String at = date + "T07:" + String.format("%02d", minute) + ":00Z";
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
                        null,
                        "loadKg",
                        loadKg,
                        "band",
                        null,
                        "rir",
                        2,
                        "rpe",
                        null,
                        "pain",
                        2,
                        "beyondNormalFatigue",
                        false,
                        "loggedAt",
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

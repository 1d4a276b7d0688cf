package org.backstrong.progress;

import static org.backstrong.progress.EventStream.data;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.backstrong.progress.event.EventTypes;
import org.backstrong.progress.messaging.Topics;

/**
 * A known event stream for the prescriptions the other scenarios leave out: a two-week plan from
 * Monday 2 March 2026 (Mon, Wed, Fri) with a band row on each side (2 sets of 8–12, red band), a
 * superman with a one-second pause in each rep, a bird dog (bodyweight, 8–12), a march in place
 * (300–600 s, a harder variant named) and a dumbbell row (1 to 3 sets of 8–12 with 8 kg). Week 1
 * starts light; on 9 March everything qualifies, except that the row was beyond normal fatigue (a
 * STOP): the band goes to green, the pause to two seconds, the bird dog to 10–14, the march
 * suggests its harder variant.
 */
final class EveryVariantScenario {

    final String clinic = "clinic-variants-" + UUID.randomUUID().toString().substring(0, 8);
    final String patient = UUID.randomUUID().toString();
    final String plan = UUID.randomUUID().toString();
    final String bandRow = UUID.randomUUID().toString();
    final String superman = UUID.randomUUID().toString();
    final String birdDog = UUID.randomUUID().toString();
    final String march = UUID.randomUUID().toString();
    final String row = UUID.randomUUID().toString();
    final EventStream stream = new EventStream();

    EveryVariantScenario() {
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
                        UUID.randomUUID().toString(),
                        "name",
                        "Every variant",
                        "startDate",
                        "2026-03-02",
                        "weeks",
                        2,
                        "weekdays",
                        List.of(1, 3, 5),
                        "status",
                        "active",
                        "items",
                        List.of(
                                item(bandRow, "band-row", 1, "reps", 2, 8, 12, null, true, "band", null, "red", null),
                                item(
                                        superman,
                                        "superman-hold",
                                        2,
                                        "reps",
                                        1,
                                        8,
                                        12,
                                        1,
                                        false,
                                        "bodyweight",
                                        null,
                                        null,
                                        "back-extension"),
                                item(
                                        birdDog,
                                        "bird-dog",
                                        3,
                                        "reps",
                                        1,
                                        8,
                                        12,
                                        null,
                                        false,
                                        "bodyweight",
                                        null,
                                        null,
                                        null),
                                item(
                                        march,
                                        "march-in-place",
                                        4,
                                        "duration",
                                        1,
                                        300,
                                        600,
                                        null,
                                        false,
                                        "bodyweight",
                                        null,
                                        null,
                                        "brisk-walk"),
                                item(row, "dumbbell-row", 5, "reps", 1, 8, 12, null, false, "kg", 8.0, null, null))));
        for (String date : List.of("2026-03-02", "2026-03-09")) {
            boolean weekTwo = date.equals("2026-03-09");
            set(bandRow, "band-row", date, 1, "left", 12, null, "red", false, "07:00");
            set(bandRow, "band-row", date, 1, "right", 12, null, "red", false, "07:02");
            set(bandRow, "band-row", date, 2, "left", 12, null, "red", false, "07:04");
            set(bandRow, "band-row", date, 2, "right", 12, null, "red", false, "07:06");
            set(superman, "superman-hold", date, 1, null, 12, null, null, false, "07:08");
            set(birdDog, "bird-dog", date, 1, null, 12, null, null, false, "07:10");
            set(march, "march-in-place", date, 1, null, null, 600, null, false, "07:20");
            set(row, "dumbbell-row", date, 1, null, 12, null, null, weekTwo, "07:22");
            session(date, 8, 8);
            if (!weekTwo) {
                checkIn("2026-03-03", 1);
            }
        }
    }

    private static Map<String, Object> item(
            String itemId,
            String exerciseId,
            int position,
            String doseKind,
            int sets,
            int min,
            int max,
            Integer holdSeconds,
            boolean perSide,
            String loadKind,
            Double loadKg,
            String band,
            String harderVariantId) {
        boolean reps = "reps".equals(doseKind);
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
                doseKind,
                "sets",
                sets,
                "setsMax",
                sets,
                "repsMin",
                reps ? min : null,
                "repsMax",
                reps ? max : null,
                "secondsMin",
                reps ? null : min,
                "secondsMax",
                reps ? null : max,
                "holdSeconds",
                holdSeconds,
                "perSide",
                perSide,
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
            String side,
            Integer reps,
            Integer seconds,
            String band,
            boolean beyondNormalFatigue,
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
                        side,
                        "reps",
                        reps,
                        "seconds",
                        seconds,
                        "loadKg",
                        "dumbbell-row".equals(exerciseId) ? 8.0 : null,
                        "band",
                        band,
                        "rir",
                        2,
                        "rpe",
                        null,
                        "pain",
                        1,
                        "beyondNormalFatigue",
                        beyondNormalFatigue,
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

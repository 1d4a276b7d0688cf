package org.backstrong.planner.domain;

import java.time.LocalDate;
import java.util.Optional;

/**
 * What may be logged: a set against an item of the patient's own active plan, on a session day that has come,
 * while its exercise is not paused, measured as it is prescribed. Checked in this order, so a set with several
 * faults is refused for the first. Pure: the caller reads the plan and stores what is accepted.
 */
public final class SetLogRules {

    private SetLogRules() {}

    /** Why the set may not be logged against {@code target} (null: no such plan), or empty when it may. */
    public static Optional<SetRefusal> refusal(SetTarget target, String patientId, LoggedSet set, LocalDate today) {
        if (target == null || !target.patientId().equals(patientId)) {
            return Optional.of(SetRefusal.notFound("Plan " + set.planId));
        }
        Optional<SetRefusal> planRefusal = inactive(target.status(), target.statusReason())
                .or(() -> notLoggableDay(target.schedule(), set.sessionDate, today, "date"));
        if (planRefusal.isPresent()) {
            return planRefusal;
        }
        SetTarget.Item item = target.item();
        if (item == null) {
            return Optional.of(SetRefusal.unprocessable(
                    "not-in-session", "itemId", "Item " + set.itemId + " is not part of this session"));
        }
        if (item.paused()) {
            return Optional.of(
                    SetRefusal.conflict("exercise-paused", item.exerciseName() + " is paused: " + item.pauseReason()));
        }
        return notMeasuredAsPrescribed(item, set);
    }

    /** A plan takes sets and completions only while it is active. */
    public static Optional<SetRefusal> inactive(PlanStatus status, String statusReason) {
        if (status == PlanStatus.ACTIVE) {
            return Optional.empty();
        }
        return Optional.of(SetRefusal.conflict(
                "plan-" + status.name().toLowerCase(),
                "The plan is " + status.name().toLowerCase() + (statusReason == null ? "" : ": " + statusReason)));
    }

    /** A session is logged on or after its day, and only on a session day of the plan. */
    public static Optional<SetRefusal> notLoggableDay(
            Schedule schedule, LocalDate date, LocalDate today, String field) {
        if (date.isAfter(today)) {
            return Optional.of(
                    SetRefusal.unprocessable("future-session", field, "Sessions are logged on or after their day"));
        }
        if (!schedule.isSessionDay(date)) {
            return Optional.of(
                    SetRefusal.unprocessable("no-session", field, date + " is not a session day of this plan"));
        }
        return Optional.empty();
    }

    /**
     * A set whose id is stored already, sent again: the same patient's resend (empty: it is answered with what
     * was stored first), or another patient's set that took the id.
     */
    public static Optional<SetRefusal> resendRefusal(LoggedSet first, String patientId) {
        return first.patientId.equals(patientId)
                ? Optional.empty()
                : Optional.of(SetRefusal.conflict("id-taken", "Set id " + first.id + " is taken"));
    }

    /** Another set holds the slot (item, day, set number, side) this one was logged for. */
    public static SetRefusal slotTaken(LoggedSet set, String exerciseName) {
        return SetRefusal.conflict(
                "set-already-logged",
                "Set " + set.setNumber
                        + (set.side == null ? "" : " (" + set.side.name().toLowerCase() + ")") + " of " + exerciseName
                        + " on " + set.sessionDate + " is already logged");
    }

    /** Reps for a reps dose, seconds for a hold or duration; a side exactly when the item is per side. */
    private static Optional<SetRefusal> notMeasuredAsPrescribed(SetTarget.Item item, LoggedSet set) {
        boolean reps = item.doseKind() == DoseKind.REPS;
        String name = item.exerciseName();
        if (reps && set.reps == null) {
            return Optional.of(SetRefusal.invalidField("reps", "is required: " + name + " is counted in reps"));
        }
        if (!reps && set.seconds == null) {
            return Optional.of(SetRefusal.invalidField("seconds", "is required: " + name + " is counted in seconds"));
        }
        if (item.perSide() && set.side == null) {
            return Optional.of(SetRefusal.invalidField("side", "is required: " + name + " is done on each side"));
        }
        if (!item.perSide() && set.side != null) {
            return Optional.of(SetRefusal.invalidField("side", "must be left out: " + name + " is not done per side"));
        }
        if (set.setNumber > item.setsMax()) {
            return Optional.of(
                    SetRefusal.invalidField("setNumber", "must be at most " + item.setsMax() + " for " + name));
        }
        return Optional.empty();
    }
}

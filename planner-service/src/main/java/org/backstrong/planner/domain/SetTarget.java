package org.backstrong.planner.domain;

import java.util.UUID;

/** What the rules of logging a set need of its plan, and of its item (null when the item is not in that plan). */
public record SetTarget(
        UUID planId,
        String patientId,
        String clinicId,
        PlanStatus status,
        String statusReason,
        Schedule schedule,
        Item item) {

    /** The logged item's name, pause and how it is measured. */
    public record Item(
            UUID id,
            String exerciseId,
            String exerciseName,
            boolean paused,
            String pauseReason,
            DoseKind doseKind,
            boolean perSide,
            int setsMax) {}
}

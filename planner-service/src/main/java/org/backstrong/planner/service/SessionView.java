package org.backstrong.planner.service;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * One day of a plan as the patient does it: warm-up first, each exercise with its how-to
 * steps, today's dose (the bottom of each range in the first week), and what is logged so far.
 */
public record SessionView(
        UUID planId,
        String planName,
        String planStatus,
        LocalDate date,
        boolean scheduled,
        LocalDate nextSession,
        int week,
        boolean startsLight,
        boolean completed,
        CompletionView completion,
        boolean catalogAvailable,
        List<Item> items) {

    public record Item(
            UUID itemId,
            String block,
            int position,
            String exerciseId,
            int exerciseVersion,
            String exerciseName,
            List<String> steps,
            List<String> safetyNotes,
            Dose dose,
            boolean paused,
            String pauseReason,
            List<SetView> logged) {}

    /**
     * Today's dose. In the first week {@code reps} (or {@code seconds}) is the bottom of the range;
     * afterwards it is null and the patient works within the range.
     */
    public record Dose(
            String kind,
            int sets,
            Integer reps,
            Integer repsMin,
            Integer repsMax,
            Integer seconds,
            Integer secondsMin,
            Integer secondsMax,
            Integer holdSeconds,
            boolean perSide,
            String loadKind,
            BigDecimal loadKg,
            String band,
            int restSeconds,
            String notes) {}
}

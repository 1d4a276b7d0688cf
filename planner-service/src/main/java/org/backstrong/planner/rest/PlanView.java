package org.backstrong.planner.rest;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.backstrong.planner.domain.Plan;
import org.backstrong.planner.service.PrescriptionBody;

/** A patient's plan with its current prescriptions. */
public record PlanView(
        UUID id,
        String patientId,
        UUID templateId,
        String name,
        String goal,
        LocalDate startDate,
        LocalDate endDate,
        int weeks,
        List<Integer> weekdays,
        String status,
        String statusReason,
        int version,
        List<Item> items) {

    public record Item(
            UUID id,
            String block,
            int position,
            String exerciseId,
            int exerciseVersion,
            String exerciseName,
            PrescriptionBody prescription,
            boolean paused,
            String pauseReason) {}

    public static PlanView of(Plan plan) {
        return new PlanView(
                plan.id,
                plan.patientId,
                plan.templateId,
                plan.name,
                plan.goal,
                plan.startDate,
                plan.schedule().endDate(),
                plan.weeks,
                List.copyOf(plan.weekdays),
                plan.status.name().toLowerCase(),
                plan.statusReason,
                plan.version,
                plan.items.stream()
                        .map(item -> new Item(
                                item.id,
                                item.block.label(),
                                item.position,
                                item.exerciseId,
                                item.exerciseVersion,
                                item.exerciseName,
                                PrescriptionBody.of(item.prescription),
                                item.paused,
                                item.pauseReason))
                        .toList());
    }
}

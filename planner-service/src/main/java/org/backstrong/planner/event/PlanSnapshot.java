package org.backstrong.planner.event;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.backstrong.planner.domain.Plan;

import com.fasterxml.jackson.annotation.JsonInclude;

/** PlanAssigned / PlanChanged data: the whole plan, so progress knows what was expected. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PlanSnapshot(UUID planId, String patientId, String clinicId, UUID templateId, String name,
        LocalDate startDate, int weeks, List<Integer> weekdays, String status, List<PlanItemData> items,
        List<UUID> changedItemIds, String changedBy, String rule) {

    public static PlanSnapshot assigned(Plan plan) {
        return of(plan, null, null, null);
    }

    public static PlanSnapshot of(Plan plan, List<UUID> changedItemIds, String changedBy, String rule) {
        return new PlanSnapshot(plan.id, plan.patientId, plan.clinicId, plan.templateId, plan.name, plan.startDate,
                plan.weeks, List.copyOf(plan.weekdays), plan.status.name().toLowerCase(),
                plan.items.stream().map(PlanItemData::of).toList(), changedItemIds, changedBy, rule);
    }
}

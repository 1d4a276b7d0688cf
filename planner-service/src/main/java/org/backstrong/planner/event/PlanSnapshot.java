package org.backstrong.planner.event;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/** PlanAssigned / PlanChanged data: the whole plan, so progress knows what was expected. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PlanSnapshot(
        UUID planId,
        String patientId,
        String clinicId,
        UUID templateId,
        String name,
        LocalDate startDate,
        int weeks,
        List<Integer> weekdays,
        String status,
        List<PlanItemData> items,
        List<UUID> changedItemIds,
        String changedBy,
        String rule) {}

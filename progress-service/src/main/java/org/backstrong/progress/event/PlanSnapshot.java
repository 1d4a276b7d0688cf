package org.backstrong.progress.event;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** PlanAssigned and PlanChanged data: the whole plan; a change adds what changed and who changed it. */
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

package org.backstrong.planner.messaging;

import java.util.List;
import java.util.UUID;

import org.backstrong.planner.domain.LoggedSet;
import org.backstrong.planner.domain.Plan;
import org.backstrong.planner.domain.PlanItem;
import org.backstrong.planner.domain.Prescription;
import org.backstrong.planner.event.PlanItemData;
import org.backstrong.planner.event.PlanSnapshot;
import org.backstrong.planner.event.PrescriptionData;
import org.backstrong.planner.event.SetCompleted;

/**
 * The domain as the published events carry it: the one place that maps entities to the contract's records, so
 * the contract (versioned) and the domain (changed by need) meet only here.
 */
public final class EventData {

    private EventData() {}

    /** SetCompleted data: one logged set, as the patient reported it. */
    public static SetCompleted setCompleted(LoggedSet set, String clinicId, String exerciseId) {
        return new SetCompleted(
                set.id,
                set.patientId,
                clinicId,
                set.planId,
                set.itemId,
                exerciseId,
                set.sessionDate,
                set.setNumber,
                set.side == null ? null : set.side.name().toLowerCase(),
                set.reps,
                set.seconds,
                set.loadKg,
                set.band,
                set.rir,
                set.rpe,
                set.pain,
                set.beyondNormalFatigue,
                set.loggedAt,
                set.note);
    }

    /** A prescription as events (and the audit of changes) carry it. */
    public static PrescriptionData prescription(Prescription p) {
        return new PrescriptionData(
                p.doseKind.name().toLowerCase(),
                p.sets,
                p.setsMax,
                p.repsMin,
                p.repsMax,
                p.secondsMin,
                p.secondsMax,
                p.holdSeconds,
                p.perSide,
                p.loadKind.name().toLowerCase(),
                p.loadKg,
                p.band,
                p.loadStepPercent,
                p.restSeconds,
                p.harderVariantId);
    }

    /** A plan item as PlanAssigned and PlanChanged carry it: the exercise and its whole prescription. */
    public static PlanItemData planItem(PlanItem item) {
        Prescription p = item.prescription;
        return new PlanItemData(
                item.id,
                item.exerciseId,
                item.exerciseVersion,
                item.exerciseName,
                item.block.label(),
                item.position,
                p.doseKind.name().toLowerCase(),
                p.sets,
                p.setsMax,
                p.repsMin,
                p.repsMax,
                p.secondsMin,
                p.secondsMax,
                p.holdSeconds,
                p.perSide,
                p.loadKind.name().toLowerCase(),
                p.loadKg,
                p.band,
                p.loadStepPercent,
                p.restSeconds,
                p.harderVariantId,
                item.paused);
    }

    /** PlanAssigned data: the whole plan as assigned. */
    public static PlanSnapshot planAssigned(Plan plan) {
        return planSnapshot(plan, null, null, null);
    }

    /** PlanAssigned / PlanChanged data: the whole plan, so progress knows what was expected. */
    public static PlanSnapshot planSnapshot(Plan plan, List<UUID> changedItemIds, String changedBy, String rule) {
        return new PlanSnapshot(
                plan.id,
                plan.patientId,
                plan.clinicId,
                plan.templateId,
                plan.name,
                plan.startDate,
                plan.weeks,
                List.copyOf(plan.weekdays),
                plan.status.name().toLowerCase(),
                plan.items.stream().map(EventData::planItem).toList(),
                changedItemIds,
                changedBy,
                rule);
    }
}

package org.backstrong.planner.event;

import java.math.BigDecimal;
import java.util.UUID;

import org.backstrong.planner.domain.PlanItem;
import org.backstrong.planner.domain.Prescription;

/** A plan item as PlanAssigned and PlanChanged carry it: the exercise and its whole prescription. */
public record PlanItemData(UUID itemId, String exerciseId, int exerciseVersion, String exerciseName, String block,
        int position, String doseKind, int sets, int setsMax, Integer repsMin, Integer repsMax, Integer secondsMin,
        Integer secondsMax, Integer holdSeconds, boolean perSide, String loadKind, BigDecimal loadKg, String band,
        BigDecimal loadStepPercent, int restSeconds, String harderVariantId, boolean paused) {

    public static PlanItemData of(PlanItem item) {
        Prescription p = item.prescription;
        return new PlanItemData(item.id, item.exerciseId, item.exerciseVersion, item.exerciseName,
                item.block.label(), item.position,
                p.doseKind.name().toLowerCase(), p.sets, p.setsMax, p.repsMin, p.repsMax, p.secondsMin, p.secondsMax,
                p.holdSeconds, p.perSide, p.loadKind.name().toLowerCase(), p.loadKg, p.band, p.loadStepPercent,
                p.restSeconds, p.harderVariantId, item.paused);
    }
}

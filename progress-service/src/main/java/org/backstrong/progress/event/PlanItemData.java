package org.backstrong.progress.event;

import java.math.BigDecimal;
import java.util.UUID;

/** A plan item as PlanAssigned and PlanChanged carry it (plan-item.v1): the exercise and its whole prescription. */
public record PlanItemData(
        UUID itemId,
        String exerciseId,
        int exerciseVersion,
        String exerciseName,
        String block,
        int position,
        String doseKind,
        int sets,
        int setsMax,
        Integer repsMin,
        Integer repsMax,
        Integer secondsMin,
        Integer secondsMax,
        Integer holdSeconds,
        boolean perSide,
        String loadKind,
        BigDecimal loadKg,
        String band,
        BigDecimal loadStepPercent,
        int restSeconds,
        String harderVariantId,
        boolean paused) {

    public static final String WARM_UP = "warm-up";

    public boolean warmUp() {
        return WARM_UP.equals(block);
    }
}

package org.backstrong.planner.event;

import java.math.BigDecimal;
import java.util.UUID;

/** A plan item as PlanAssigned and PlanChanged carry it: the exercise and its whole prescription. */
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
        boolean paused) {}

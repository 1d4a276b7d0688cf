package org.backstrong.planner.event;

import java.math.BigDecimal;

/** A prescription as events carry it. */
public record PrescriptionData(
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
        String harderVariantId) {}

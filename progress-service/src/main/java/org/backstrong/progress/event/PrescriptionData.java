package org.backstrong.progress.event;

import java.math.BigDecimal;

/** A prescription as ProgressionAdjusted carries it (prescription.v1): the wire's fields, nothing else. */
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

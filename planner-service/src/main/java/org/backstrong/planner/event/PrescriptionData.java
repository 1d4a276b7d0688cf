package org.backstrong.planner.event;

import java.math.BigDecimal;

import org.backstrong.planner.domain.Prescription;

/** A prescription as events carry it. */
public record PrescriptionData(String doseKind, int sets, int setsMax, Integer repsMin, Integer repsMax,
        Integer secondsMin, Integer secondsMax, Integer holdSeconds, boolean perSide, String loadKind,
        BigDecimal loadKg, String band, BigDecimal loadStepPercent, int restSeconds, String harderVariantId) {

    public static PrescriptionData of(Prescription p) {
        return new PrescriptionData(p.doseKind.name().toLowerCase(), p.sets, p.setsMax, p.repsMin, p.repsMax,
                p.secondsMin, p.secondsMax, p.holdSeconds, p.perSide, p.loadKind.name().toLowerCase(), p.loadKg, p.band,
                p.loadStepPercent, p.restSeconds, p.harderVariantId);
    }
}

package org.backstrong.progress.event;

import java.math.BigDecimal;
import java.util.UUID;

import org.backstrong.progress.domain.Prescription;

/** A plan item as PlanAssigned and PlanChanged carry it: the exercise and its whole prescription. */
public record PlanItemData(UUID itemId, String exerciseId, Integer exerciseVersion, String exerciseName, String block,
        Integer position, String doseKind, int sets, int setsMax, Integer repsMin, Integer repsMax, Integer secondsMin,
        Integer secondsMax, Integer holdSeconds, boolean perSide, String loadKind, BigDecimal loadKg, String band,
        BigDecimal loadStepPercent, int restSeconds, String harderVariantId, boolean paused) {

    public static final String WARM_UP = "warm-up";

    public Prescription prescription() {
        return new Prescription(doseKind, sets, setsMax, repsMin, repsMax, secondsMin, secondsMax, holdSeconds, perSide,
                loadKind, loadKg, band, loadStepPercent, restSeconds, harderVariantId);
    }

    public boolean warmUp() {
        return WARM_UP.equals(block);
    }

    /** The same item with a new prescription (after a progression). */
    public PlanItemData with(Prescription p) {
        return new PlanItemData(itemId, exerciseId, exerciseVersion, exerciseName, block, position, p.doseKind(), p.sets(),
                p.setsMax(), p.repsMin(), p.repsMax(), p.secondsMin(), p.secondsMax(), p.holdSeconds(), p.perSide(),
                p.loadKind(), p.loadKg(), p.band(), p.loadStepPercent(), p.restSeconds(), p.harderVariantId(), paused);
    }
}

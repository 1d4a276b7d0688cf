package org.backstrong.progress.service;

import org.backstrong.progress.domain.progression.Prescription;
import org.backstrong.progress.event.PlanItemData;
import org.backstrong.progress.event.PrescriptionData;

/**
 * Prescriptions between the events' records and the domain's, at the service's edge: the event
 * records know nothing of the domain, so no domain method becomes a field on the wire.
 */
final class EventPrescriptions {

    private EventPrescriptions() {
    }

    /** The prescription of a plan item, as the engine reads it. */
    static Prescription of(PlanItemData item) {
        return new Prescription(item.doseKind(), item.sets(), item.setsMax(), item.repsMin(), item.repsMax(),
                item.secondsMin(), item.secondsMax(), item.holdSeconds(), item.perSide(), item.loadKind(),
                item.loadKg(), item.band(), item.loadStepPercent(), item.restSeconds(), item.harderVariantId());
    }

    /** The same item with a new prescription (after a progression). */
    static PlanItemData with(PlanItemData item, Prescription p) {
        return new PlanItemData(item.itemId(), item.exerciseId(), item.exerciseVersion(), item.exerciseName(),
                item.block(), item.position(), p.doseKind(), p.sets(), p.setsMax(), p.repsMin(), p.repsMax(),
                p.secondsMin(), p.secondsMax(), p.holdSeconds(), p.perSide(), p.loadKind(), p.loadKg(), p.band(),
                p.loadStepPercent(), p.restSeconds(), p.harderVariantId(), item.paused());
    }

    /** A prescription as ProgressionAdjusted publishes it. */
    static PrescriptionData data(Prescription p) {
        return new PrescriptionData(p.doseKind(), p.sets(), p.setsMax(), p.repsMin(), p.repsMax(), p.secondsMin(),
                p.secondsMax(), p.holdSeconds(), p.perSide(), p.loadKind(), p.loadKg(), p.band(), p.loadStepPercent(),
                p.restSeconds(), p.harderVariantId());
    }
}

package org.backstrong.progress.service;

import java.math.BigDecimal;
import java.util.Locale;

import org.backstrong.progress.domain.progression.Band;
import org.backstrong.progress.domain.progression.DoseKind;
import org.backstrong.progress.domain.progression.Load;
import org.backstrong.progress.domain.progression.Prescription;
import org.backstrong.progress.event.PlanItemData;
import org.backstrong.progress.event.PrescriptionData;

/**
 * Prescriptions between the events' records (and the decision table's JSON) and the engine's typed
 * one, at the service's edge, in this one place: the event records know nothing of the domain, so
 * no domain method becomes a field on the wire.
 */
final class EventPrescriptions {

    private static final String KG = "kg";
    private static final String BAND = "band";
    private static final String BODYWEIGHT = "bodyweight";

    private EventPrescriptions() {}

    /** The prescription of a plan item, as the engine reads it. */
    static Prescription of(PlanItemData item) {
        return prescription(
                item.doseKind(),
                item.sets(),
                item.setsMax(),
                item.repsMin(),
                item.repsMax(),
                item.secondsMin(),
                item.secondsMax(),
                item.holdSeconds(),
                item.perSide(),
                item.loadKind(),
                item.loadKg(),
                item.band(),
                item.loadStepPercent(),
                item.restSeconds(),
                item.harderVariantId());
    }

    /** A recorded prescription, as the engine reads it. */
    static Prescription ofRecorded(RecordedPrescription p) {
        return prescription(
                p.doseKind(),
                p.sets(),
                p.setsMax(),
                p.repsMin(),
                p.repsMax(),
                p.secondsMin(),
                p.secondsMax(),
                p.holdSeconds(),
                p.perSide(),
                p.loadKind(),
                p.loadKg(),
                p.band(),
                p.loadStepPercent(),
                p.restSeconds(),
                p.harderVariantId());
    }

    /** The same item with a new prescription (after a progression). */
    static PlanItemData with(PlanItemData item, Prescription p) {
        return new PlanItemData(
                item.itemId(),
                item.exerciseId(),
                item.exerciseVersion(),
                item.exerciseName(),
                item.block(),
                item.position(),
                doseKind(p),
                p.sets(),
                p.setsMax(),
                p.repsMin(),
                p.repsMax(),
                p.secondsMin(),
                p.secondsMax(),
                p.holdSeconds(),
                p.perSide(),
                loadKind(p),
                p.loadKg(),
                band(p),
                p.loadStepPercent(),
                p.restSeconds(),
                p.harderVariantId(),
                item.paused());
    }

    /** A prescription as ProgressionAdjusted publishes it. */
    static PrescriptionData data(Prescription p) {
        return new PrescriptionData(
                doseKind(p),
                p.sets(),
                p.setsMax(),
                p.repsMin(),
                p.repsMax(),
                p.secondsMin(),
                p.secondsMax(),
                p.holdSeconds(),
                p.perSide(),
                loadKind(p),
                p.loadKg(),
                band(p),
                p.loadStepPercent(),
                p.restSeconds(),
                p.harderVariantId());
    }

    /** A prescription as the decision table records it. */
    static RecordedPrescription recorded(Prescription p) {
        return new RecordedPrescription(
                doseKind(p),
                p.sets(),
                p.setsMax(),
                p.repsMin(),
                p.repsMax(),
                p.secondsMin(),
                p.secondsMax(),
                p.holdSeconds(),
                p.perSide(),
                loadKind(p),
                p.loadKg(),
                band(p),
                p.loadStepPercent(),
                p.restSeconds(),
                p.harderVariantId(),
                p.isTimedHold());
    }

    /** The contract's kg load has kilograms, a band load a colour; anything else is the body. */
    private static Prescription prescription(
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
            String harderVariantId) {
        Load load = KG.equals(loadKind) && loadKg != null
                ? new Load.Kilograms(loadKg)
                : BAND.equals(loadKind) && band != null
                        ? new Load.Banded(Band.valueOf(upper(band)))
                        : new Load.Bodyweight();
        return new Prescription(
                DoseKind.valueOf(upper(doseKind)),
                sets,
                setsMax,
                repsMin,
                repsMax,
                secondsMin,
                secondsMax,
                holdSeconds,
                perSide,
                load,
                loadStepPercent,
                restSeconds,
                harderVariantId);
    }

    private static String doseKind(Prescription p) {
        return p.doseKind().name().toLowerCase(Locale.ROOT);
    }

    private static String loadKind(Prescription p) {
        return p.loadedInKg() ? KG : p.loadedWithBand() ? BAND : BODYWEIGHT;
    }

    private static String band(Prescription p) {
        return p.band() == null ? null : p.band().colour();
    }

    private static String upper(String name) {
        return name.toUpperCase(Locale.ROOT);
    }
}

package org.backstrong.progress.domain.progression;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * What a patient is asked to do for one exercise, with the fields of the events' prescription
 * (mapped at the service's edge): sets (and how far they may grow), a rep or seconds range, the load and its step.
 */
public record Prescription(String doseKind, int sets, int setsMax, Integer repsMin, Integer repsMax,
        Integer secondsMin, Integer secondsMax, Integer holdSeconds, boolean perSide, String loadKind,
        BigDecimal loadKg, String band, BigDecimal loadStepPercent, int restSeconds, String harderVariantId) {

    public static final String REPS = "reps";
    public static final String HOLD = "hold";
    public static final String KG = "kg";
    public static final String BAND = "band";

    /** Reps are counted for a reps dose; seconds for a hold or a duration. */
    public boolean countsReps() {
        return REPS.equals(doseKind);
    }

    /** The top of the range a set must reach: reps, or seconds for holds. */
    public Integer top() {
        return countsReps() ? repsMax : secondsMax;
    }

    public Integer bottom() {
        return countsReps() ? repsMin : secondsMin;
    }

    public String unit() {
        return countsReps() ? "reps" : "seconds";
    }

    /** Sets a patient logs in one session: each side counts when per side. */
    public int setsToLog() {
        return perSide ? sets * 2 : sets;
    }

    public boolean loadedInKg() {
        return KG.equals(loadKind) && loadKg != null;
    }

    public boolean loadedWithBand() {
        return BAND.equals(loadKind) && band != null;
    }

    public Prescription withSets(int newSets) {
        return new Prescription(doseKind, newSets, setsMax, repsMin, repsMax, secondsMin, secondsMax, holdSeconds,
                perSide, loadKind, loadKg, band, loadStepPercent, restSeconds, harderVariantId);
    }

    public Prescription withLoadKg(BigDecimal newLoad) {
        return new Prescription(doseKind, sets, setsMax, repsMin, repsMax, secondsMin, secondsMax, holdSeconds,
                perSide, loadKind, newLoad, band, loadStepPercent, restSeconds, harderVariantId);
    }

    /** A rep range moved up (bodyweight progression). */
    public Prescription withReps(int newMin, int newMax) {
        return new Prescription(doseKind, sets, setsMax, newMin, newMax, secondsMin, secondsMax, holdSeconds,
                perSide, loadKind, loadKg, band, loadStepPercent, restSeconds, harderVariantId);
    }

    /** A seconds range moved up (timed holds). */
    public Prescription withSeconds(int newMin, int newMax) {
        return new Prescription(doseKind, sets, setsMax, repsMin, repsMax, newMin, newMax, holdSeconds,
                perSide, loadKind, loadKg, band, loadStepPercent, restSeconds, harderVariantId);
    }

    /** A longer pause in each rep (the superman hold's "hold for a second"). */
    public Prescription withHoldSeconds(int newHold) {
        return new Prescription(doseKind, sets, setsMax, repsMin, repsMax, secondsMin, secondsMax, newHold,
                perSide, loadKind, loadKg, band, loadStepPercent, restSeconds, harderVariantId);
    }

    /** Neither kilograms nor a band: the body is the load. */
    public boolean bodyweight() {
        return !loadedInKg() && !loadedWithBand();
    }

    public boolean isTimedHold() {
        return HOLD.equals(doseKind);
    }

    public Prescription withBand(String newBand) {
        return new Prescription(doseKind, sets, setsMax, repsMin, repsMax, secondsMin, secondsMax, holdSeconds,
                perSide, loadKind, loadKg, newBand, loadStepPercent, restSeconds, harderVariantId);
    }

    /**
     * The same dose for the patient: sets, range, pause, load or band, and the harder variant it leads
     * to (loads compare by value, so 10.0 kg is 10.00 kg).
     */
    public boolean sameDose(Prescription other) {
        return other != null && Objects.equals(doseKind, other.doseKind) && sets == other.sets
                && setsMax == other.setsMax && Objects.equals(repsMin, other.repsMin)
                && Objects.equals(repsMax, other.repsMax) && Objects.equals(secondsMin, other.secondsMin)
                && Objects.equals(secondsMax, other.secondsMax) && Objects.equals(holdSeconds, other.holdSeconds)
                && perSide == other.perSide && Objects.equals(loadKind, other.loadKind)
                && (loadKg == null ? other.loadKg == null : other.loadKg != null && loadKg.compareTo(other.loadKg) == 0)
                && Objects.equals(band, other.band) && Objects.equals(harderVariantId, other.harderVariantId);
    }
}

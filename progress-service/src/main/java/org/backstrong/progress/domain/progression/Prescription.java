package org.backstrong.progress.domain.progression;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * What a patient is asked to do for one exercise: sets (and how far they may grow), a rep or seconds
 * range, the load and its step. Mapped from the events' prescription at the service's edge.
 */
public record Prescription(
        DoseKind doseKind,
        int sets,
        int setsMax,
        Integer repsMin,
        Integer repsMax,
        Integer secondsMin,
        Integer secondsMax,
        Integer holdSeconds,
        boolean perSide,
        Load load,
        BigDecimal loadStepPercent,
        int restSeconds,
        String harderVariantId) {

    public Prescription {
        Objects.requireNonNull(doseKind, "doseKind");
        Objects.requireNonNull(load, "load");
    }

    /** Reps are counted for a reps dose; seconds for a hold or a duration. */
    public boolean countsReps() {
        return doseKind == DoseKind.REPS;
    }

    public boolean isTimedHold() {
        return doseKind == DoseKind.HOLD;
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
        return load instanceof Load.Kilograms;
    }

    public boolean loadedWithBand() {
        return load instanceof Load.Banded;
    }

    /** Neither kilograms nor a band: the body is the load. */
    public boolean bodyweight() {
        return load instanceof Load.Bodyweight;
    }

    /** The kilograms of a kg load; null for any other. */
    public BigDecimal loadKg() {
        return load instanceof Load.Kilograms kilograms ? kilograms.kg() : null;
    }

    /** The band of a band load; null for any other. */
    public Band band() {
        return load instanceof Load.Banded banded ? banded.band() : null;
    }

    public Prescription withSets(int newSets) {
        return new Prescription(
                doseKind,
                newSets,
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

    public Prescription withLoadKg(BigDecimal newLoad) {
        return withLoad(new Load.Kilograms(newLoad));
    }

    public Prescription withBand(Band newBand) {
        return withLoad(new Load.Banded(newBand));
    }

    /** A rep range moved up (bodyweight progression). */
    public Prescription withReps(int newMin, int newMax) {
        return new Prescription(
                doseKind,
                sets,
                setsMax,
                newMin,
                newMax,
                secondsMin,
                secondsMax,
                holdSeconds,
                perSide,
                load,
                loadStepPercent,
                restSeconds,
                harderVariantId);
    }

    /** A seconds range moved up (timed holds). */
    public Prescription withSeconds(int newMin, int newMax) {
        return new Prescription(
                doseKind,
                sets,
                setsMax,
                repsMin,
                repsMax,
                newMin,
                newMax,
                holdSeconds,
                perSide,
                load,
                loadStepPercent,
                restSeconds,
                harderVariantId);
    }

    /** A longer pause in each rep (the superman hold's "hold for a second"). */
    public Prescription withHoldSeconds(int newHold) {
        return new Prescription(
                doseKind,
                sets,
                setsMax,
                repsMin,
                repsMax,
                secondsMin,
                secondsMax,
                newHold,
                perSide,
                load,
                loadStepPercent,
                restSeconds,
                harderVariantId);
    }

    private Prescription withLoad(Load newLoad) {
        return new Prescription(
                doseKind,
                sets,
                setsMax,
                repsMin,
                repsMax,
                secondsMin,
                secondsMax,
                holdSeconds,
                perSide,
                newLoad,
                loadStepPercent,
                restSeconds,
                harderVariantId);
    }

    /** The same kind of dose on the same kind of load, whatever the numbers. */
    public boolean sameKind(Prescription other) {
        return other != null && doseKind == other.doseKind && load.getClass() == other.load.getClass();
    }

    /**
     * The same dose for the patient: sets, range, pause, load or band, and the harder variant it leads
     * to (loads compare by value, so 10.0 kg is 10.00 kg).
     */
    public boolean sameDose(Prescription other) {
        return sameKind(other)
                && sets == other.sets
                && setsMax == other.setsMax
                && Objects.equals(repsMin, other.repsMin)
                && Objects.equals(repsMax, other.repsMax)
                && Objects.equals(secondsMin, other.secondsMin)
                && Objects.equals(secondsMax, other.secondsMax)
                && Objects.equals(holdSeconds, other.holdSeconds)
                && perSide == other.perSide
                && (loadedInKg() ? loadKg().compareTo(other.loadKg()) == 0 : load.equals(other.load))
                && Objects.equals(harderVariantId, other.harderVariantId);
    }
}

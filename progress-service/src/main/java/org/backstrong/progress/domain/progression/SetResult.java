package org.backstrong.progress.domain.progression;

import java.math.BigDecimal;

/** One logged set as the rules see it: what was done, how hard it felt, how much it hurt. */
public record SetResult(
        int setNumber,
        String side,
        Integer reps,
        Integer seconds,
        BigDecimal loadKg,
        String band,
        Integer rir,
        BigDecimal rpe,
        int pain,
        boolean beyondNormalFatigue) {

    private static final BigDecimal RPE_WITH_REPS_TO_SPARE = new BigDecimal("8");

    /** Reps in reserve of 2 or more, or (when only RPE was given) RPE of 8 or less. */
    public Effort effort() {
        if (rir != null) {
            return rir >= 2 ? Effort.TO_SPARE : Effort.TOO_HIGH;
        }
        if (rpe != null) {
            return rpe.compareTo(RPE_WITH_REPS_TO_SPARE) <= 0 ? Effort.TO_SPARE : Effort.TOO_HIGH;
        }
        return Effort.NOT_REPORTED;
    }

    /** Reps for a reps dose, seconds for a hold; null when not reported. */
    public Integer amount(Prescription prescription) {
        return prescription.countsReps() ? reps : seconds;
    }

    public enum Effort {
        TO_SPARE,
        TOO_HIGH,
        NOT_REPORTED
    }
}

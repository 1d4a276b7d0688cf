package org.backstrong.planner.domain;

/**
 * The article's rule, as the patient meets it while logging: stop if pain goes beyond normal
 * muscle fatigue. Pain above 5 (pain-monitoring model: above 5 is not acceptable) counts too.
 */
public final class StopAdvice {

    public static final int HIGHEST_ACCEPTABLE_PAIN = 5;

    public static final String MESSAGE = "Stop this exercise for today. Pain beyond normal muscle fatigue is the signal"
            + " to stop: do not push through it. Your clinician has been told and will review it before you do this"
            + " exercise again. Rest, and send your morning check-in tomorrow.";

    private StopAdvice() {}

    public static boolean mustStop(int pain, boolean beyondNormalFatigue) {
        return pain > HIGHEST_ACCEPTABLE_PAIN || beyondNormalFatigue;
    }
}

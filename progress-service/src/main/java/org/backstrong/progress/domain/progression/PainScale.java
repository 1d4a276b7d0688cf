package org.backstrong.progress.domain.progression;

/**
 * The 0–10 pain scale as the pain-monitoring model reads it (Thomeé 1997; Silbernagel 2007), one
 * place for the numbers that both the progression and the pain-flag rules judge by.
 */
public final class PainScale {

    /** 0–2: safe. */
    public static final int HIGHEST_SAFE = 2;
    /** Up to 3 an exercise may progress; 4–5 holds it. */
    public static final int HIGHEST_TO_PROGRESS = 3;
    /** Up to 5 acceptable; above it a set stops: a STOP flag, and the exercise holds. */
    public static final int HIGHEST_ACCEPTABLE = 5;
    /** A morning this many points above the pre-session level has not settled: a WATCH flag. */
    public static final int MORNING_RISE_TO_WATCH = 2;

    private PainScale() {}

    /** Above 5: stop. */
    public static boolean stops(int pain) {
        return pain > HIGHEST_ACCEPTABLE;
    }

    /** Low enough to progress: 3 or less. */
    public static boolean allowsProgress(int pain) {
        return pain <= HIGHEST_TO_PROGRESS;
    }

    /** Did the back settle by the morning? Unknown pre-session level counts as settled. */
    public static boolean settled(int morningPain, Integer preSessionPain) {
        return preSessionPain == null || morningPain - preSessionPain < MORNING_RISE_TO_WATCH;
    }
}

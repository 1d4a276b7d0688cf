package org.backstrong.progress.domain;

/**
 * A clinically important improvement in pain: the latest week's mean at least 2 points, or at
 * least 30 %, below the first week's.
 */
public final class PainImprovement {

    static final double POINTS = 2.0;
    static final double SHARE = 0.30;
    /** Means are fractions: 10 → 7 must count as exactly 30 % despite binary rounding. */
    private static final double ROUNDING = 1e-9;

    private PainImprovement() {}

    public static boolean clinicallyImportant(double firstWeekMean, double latestWeekMean) {
        double drop = firstWeekMean - latestWeekMean;
        return drop >= POINTS - ROUNDING || (firstWeekMean > 0 && drop / firstWeekMean >= SHARE - ROUNDING);
    }
}

package org.backstrong.progress.domain.outcome;

import java.math.BigDecimal;

/**
 * The patient-reported outcome measures planner-service scores, each with its scale, its direction and
 * the smallest improvement that matters to a patient (the minimal clinically important change).
 *
 * <p>NPRS, RMDQ and ODI: Ostelo RWJG et al., "Interpreting change scores for pain and functional status in
 * low back pain: towards international consensus regarding minimal important change", Spine
 * 2008;33(1):90–94: 2 points, 5 points and 10 points, or 30 % from baseline for each. PSFS (higher is
 * better, not among Ostelo's measures): 2 points on the mean score of the activities, the minimal
 * clinically important difference for the average score given by the review of Horn KK et al., "The
 * Patient-Specific Functional Scale: psychometrics, clinimetrics, and application as a clinical outcome
 * measure", J Orthop Sports Phys Ther 2012;42(1):30–42; no percentage rule, since that source gives none.
 */
public enum OutcomeMeasure {
    NPRS(10, false, 2, true),
    PSFS(10, true, 2, false),
    RMDQ(24, false, 5, true),
    ODI(100, false, 10, true);

    /** Ostelo 2008's alternative to the points: an improvement of at least 30 % of the baseline score. */
    public static final BigDecimal IMPORTANT_PERCENT = BigDecimal.valueOf(30);

    private final BigDecimal scaleMax;
    private final boolean higherIsBetter;
    private final BigDecimal importantPoints;
    private final boolean percentRule;

    OutcomeMeasure(int scaleMax, boolean higherIsBetter, int importantPoints, boolean percentRule) {
        this.scaleMax = BigDecimal.valueOf(scaleMax);
        this.higherIsBetter = higherIsBetter;
        this.importantPoints = BigDecimal.valueOf(importantPoints);
        this.percentRule = percentRule;
    }

    /** The top of the scale (the bottom is 0). */
    public BigDecimal scaleMax() {
        return scaleMax;
    }

    /** Only PSFS: a higher score is better function; the others count pain or disability. */
    public boolean higherIsBetter() {
        return higherIsBetter;
    }

    /** The improvement in points that is clinically important. */
    public BigDecimal importantPoints() {
        return importantPoints;
    }

    /** The improvement in percent of the baseline that is clinically important, or null when the measure has no such rule. */
    public BigDecimal importantPercent() {
        return percentRule ? IMPORTANT_PERCENT : null;
    }
}

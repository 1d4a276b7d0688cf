package org.backstrong.progress.domain.outcome;

/** Which rule decided a measure's verdict (kept as text wherever it is stored or sent). */
public enum OutcomeRule {
    /** Only the baseline so far: nothing to compare. */
    NO_FOLLOW_UP_YET,
    /** The latest follow-up improved on the baseline by at least the measure's points. */
    IMPROVED_BY_POINTS,
    /** Fewer points than that, but at least 30 % of the baseline (not for PSFS). */
    IMPROVED_BY_PERCENT,
    /** Neither: a smaller improvement, no change, or worse. */
    BELOW_IMPORTANT_CHANGE
}

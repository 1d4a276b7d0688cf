package org.backstrong.planner.domain;

import java.math.BigDecimal;

/**
 * A scored response: the score on the measure's own scale (at most one decimal), how many of the
 * measure's items it was computed from, and the computation in words, kept with the score.
 */
public record OutcomeScore(BigDecimal score, int itemsAnswered, int itemsTotal, String basis) {}

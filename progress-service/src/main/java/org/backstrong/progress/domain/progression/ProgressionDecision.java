package org.backstrong.progress.domain.progression;

import java.util.Map;

/**
 * The engine's answer: progress, hold or regress, the rule that decided it, the numbers it looked at,
 * a reason in the patient's words, and the prescription after it.
 */
public record ProgressionDecision(Outcome outcome, ProgressionRule rule, String reason, Map<String, Object> inputs,
        Prescription before, Prescription after, String suggestedVariantId) {

    /** Worth telling the planner: the prescription changed (up or back) or a harder variant is suggested. */
    public boolean adjustsThePlan() {
        return outcome == Outcome.PROGRESS || outcome == Outcome.REGRESS;
    }
}

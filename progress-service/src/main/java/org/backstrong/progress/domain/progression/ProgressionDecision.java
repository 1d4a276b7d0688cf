package org.backstrong.progress.domain.progression;

/**
 * The engine's answer: progress, hold or regress, the rule that decided it, the numbers it looked at,
 * a reason in the patient's words, and the prescription after it. Made by the factories below, one
 * per kind of answer, so a hold can never change the prescription.
 *
 * @param suggestedVariantId the harder variant suggested to the clinician (rule HARDER_VARIANT); null otherwise
 */
public record ProgressionDecision(
        Outcome outcome,
        ProgressionRule rule,
        String reason,
        Evidence evidence,
        Prescription before,
        Prescription after,
        String suggestedVariantId) {

    /** A decision's outcome is its rule's (so a count by rule is a count by outcome too). */
    public ProgressionDecision {
        if (rule.outcome() != outcome) {
            throw new IllegalArgumentException("Rule " + rule + " gives " + rule.outcome() + ", not " + outcome);
        }
    }

    /** The prescription stays as it is. */
    public static ProgressionDecision hold(ProgressionRule rule, String reason, Evidence evidence, Prescription p) {
        return new ProgressionDecision(Outcome.HOLD, rule, reason, evidence, p, p, null);
    }

    /** One step up the ladder. */
    public static ProgressionDecision progress(
            ProgressionRule rule, String reason, Evidence evidence, Prescription before, Prescription after) {
        return new ProgressionDecision(Outcome.PROGRESS, rule, reason, evidence, before, after, null);
    }

    /** The end of the ladder: the prescription stays, and its harder variant is suggested to the clinician. */
    public static ProgressionDecision suggestHarderVariant(String reason, Evidence evidence, Prescription p) {
        return new ProgressionDecision(
                Outcome.PROGRESS, ProgressionRule.HARDER_VARIANT, reason, evidence, p, p, p.harderVariantId());
    }

    /** One rung back down the ladder. */
    public static ProgressionDecision regress(
            ProgressionRule rule, String reason, Evidence evidence, Prescription before, Prescription after) {
        return new ProgressionDecision(Outcome.REGRESS, rule, reason, evidence, before, after, null);
    }

    /** Worth telling the planner: the prescription changed (up or back) or a harder variant is suggested. */
    public boolean adjustsThePlan() {
        return outcome == Outcome.PROGRESS || outcome == Outcome.REGRESS;
    }
}

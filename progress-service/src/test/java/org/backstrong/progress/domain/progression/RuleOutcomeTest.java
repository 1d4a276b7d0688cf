package org.backstrong.progress.domain.progression;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Each rule gives one outcome and each flag rule one severity, so counting by rule counts by outcome and level. */
class RuleOutcomeTest {

    @Test
    void refusesADecisionWhoseOutcomeIsNotItsRules() {
        Prescription p = DoubleProgressionTest.dumbbellRow();
        assertThrows(
                IllegalArgumentException.class, () -> ProgressionDecision.hold(ProgressionRule.ADD_SET, "no", null, p));
        assertThrows(
                IllegalArgumentException.class,
                () -> ProgressionDecision.progress(ProgressionRule.STEP_BACK_LOAD, "no", null, p, p));
        assertEquals(
                Outcome.REGRESS,
                ProgressionDecision.regress(ProgressionRule.STEP_BACK_SET, "fewer sets", null, p, p)
                        .outcome());
    }

    @Test
    void refusesAFlagWhoseSeverityIsNotItsRules() {
        assertThrows(
                IllegalArgumentException.class,
                () -> new FlagCall(PainFlagSeverity.WATCH, PainFlagRule.PAIN_ABOVE_FIVE, "pain 7"));
        assertEquals(
                PainFlagSeverity.STOP,
                PainFlagRule.duringSet(new SetResult(1, null, 10, null, null, null, 2, null, 7, false))
                        .orElseThrow()
                        .severity());
    }
}

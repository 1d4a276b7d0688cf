package org.backstrong.progress.domain.progression;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The numbers behind a decision, as it records them: the session's, whatever rule decided, and the
 * deciding rule's own when it looked at more. Recorded as one JSON object with the components'
 * names as keys, the session's first (the service's edge writes it so).
 *
 * @param ofTheRule the numbers only the deciding rule looked at; null when it needed no more
 */
public record Evidence(SessionNumbers session, RuleNumbers ofTheRule) {

    public static Evidence of(SessionNumbers session) {
        return new Evidence(session, null);
    }

    public Evidence with(RuleNumbers more) {
        return new Evidence(session, more);
    }

    /** What the session showed, on the prescribed sets only; null where nothing was reported. */
    public record SessionNumbers(
            int setsPrescribed,
            int setsLogged,
            int extraSetsNotCounted,
            Integer bottom,
            Integer top,
            String unit,
            Integer lowest,
            Integer highestPain,
            Integer lowestRir,
            BigDecimal highestRpe,
            boolean beyondNormalFatigue,
            boolean firstWeek,
            boolean stopFlagOpen,
            boolean watchFlagOpen,
            Integer checkInPain,
            Boolean checkInSettled) {}

    /** The numbers of one rule, beyond the session's. */
    public sealed interface RuleNumbers
            permits PlanNotActive, LaterSessionDecided, HarderVariantSuggested, BelowTheRangeTwice, LoadStepTaken {}

    /** The plan was paused or had ended when the session was decided. */
    public record PlanNotActive(String planStatus) implements RuleNumbers {}

    /** This session arrived after a later one was decided. */
    public record LaterSessionDecided(LocalDate laterSessionDecided) implements RuleNumbers {}

    /** The harder variant was suggested already, after that session, at this dose. */
    public record HarderVariantSuggested(LocalDate harderVariantSuggestedAfter, String suggestedVariantId)
            implements RuleNumbers {}

    /** Below the range after the previous session too; a step back never goes below the starting dose. */
    public record BelowTheRangeTwice(LocalDate previousSessionBelowTheRange, Prescription startingDose)
            implements RuleNumbers {}

    /** A load step up in kilograms ({@link LoadStep}), and how it stands against ACSM's advice. */
    public record LoadStepTaken(
            BigDecimal loadBeforeKg,
            BigDecimal loadAfterKg,
            BigDecimal loadStepPercentAsked,
            BigDecimal loadIncreasePercent,
            BigDecimal smallestStepKg,
            boolean smallestStep,
            boolean aboveTheAdvisedRange)
            implements RuleNumbers {}
}

package org.backstrong.progress.domain.progression;

import java.util.Optional;

import org.backstrong.progress.domain.progression.Evidence.HarderVariantSuggested;
import org.backstrong.progress.domain.progression.Evidence.LaterSessionDecided;
import org.backstrong.progress.domain.progression.Evidence.PlanNotActive;

/**
 * The progression engine: after a session, should this exercise grow, stay, or step back?
 *
 * <p>Double progression (ACSM 2009) guarded by the pain-monitoring model (Thomeé 1997), as the
 * architecture page's "Clinical rules" say it. Only the prescribed sets are looked at
 * ({@link PrescribedSets}). The checks run in the order below; the first that holds decides, so a
 * patient always hears the most important reason ({@link DecisionReasons}). Only when every check
 * passes does the prescription grow, one step at a time: a set up to the maximum, then the load one
 * step ({@link LoadStep}, or the next band) and back to the bottom of the range; without load, the
 * {@link BodyweightLadder}; at its end a harder variant, suggested once for a prescription.
 *
 * <p>The way back is as careful: a prescribed set below the bottom of the range holds once; the
 * same again at the same dose in the next session steps back one rung of the same ladder (load,
 * band, reps, pause or seconds, then a set), never below the dose the exercise started at.
 */
public final class DoubleProgression {

    /** Fewest sets of a step back when the starting dose is not known. */
    static final int FEWEST_SETS = 1;

    private DoubleProgression() {}

    public static ProgressionDecision decide(ProgressionInput input) {
        Prescription p = input.prescription();
        SessionSets sets = SessionSets.of(p, input.sets());
        Evidence evidence = Evidence.of(sets.numbers(input));
        int highestPain = sets.highestPain();

        // A session is decided once, in date order, against the dose it was done at: these hold for good.
        if (ProgressionInput.PLAN_PAUSED.equals(input.planStatus())) {
            return hold(
                    ProgressionRule.PLAN_PAUSED,
                    DecisionReasons.planPaused(),
                    evidence.with(new PlanNotActive(input.planStatus())),
                    p);
        }
        if (!ProgressionInput.PLAN_ACTIVE.equals(input.planStatus())) {
            return hold(
                    ProgressionRule.PLAN_ENDED,
                    DecisionReasons.planEnded(),
                    evidence.with(new PlanNotActive(input.planStatus())),
                    p);
        }
        if (input.laterSessionDecided() != null) {
            return hold(
                    ProgressionRule.LATER_SESSION_DECIDED,
                    DecisionReasons.laterSessionDecided(input.laterSessionDecided()),
                    evidence.with(new LaterSessionDecided(input.laterSessionDecided())),
                    p);
        }
        // Hold when pain says stop, the clinician is watching, or it is the first week.
        if (input.stopFlagOpen()) {
            return hold(ProgressionRule.STOP_FLAG_OPEN, DecisionReasons.stopFlagOpen(), evidence, p);
        }
        if (input.exercisePaused()) {
            return hold(ProgressionRule.EXERCISE_PAUSED, DecisionReasons.exercisePaused(), evidence, p);
        }
        if (PainScale.stops(highestPain)) {
            return hold(ProgressionRule.PAIN_ABOVE_FIVE, DecisionReasons.painAboveFive(highestPain), evidence, p);
        }
        if (sets.anyBeyondNormalFatigue()) {
            return hold(ProgressionRule.BEYOND_NORMAL_FATIGUE, DecisionReasons.beyondNormalFatigue(), evidence, p);
        }
        if (input.watchFlagOpen()) {
            return hold(ProgressionRule.WATCH_FLAG_OPEN, DecisionReasons.watchFlagOpen(), evidence, p);
        }
        if (input.firstWeek()) {
            return hold(ProgressionRule.FIRST_WEEK_START_LIGHT, DecisionReasons.firstWeek(), evidence, p);
        }
        // Below the range: hold once, step back the second session in a row.
        if (sets.anyBelowTheRange()) {
            return StepBack.belowTheRange(input, sets.lowest(), evidence);
        }
        // Progress when every prescribed set reached the top, with reps to spare, pain ≤ 3, the morning settled.
        if (!PainScale.allowsProgress(highestPain)) {
            return hold(ProgressionRule.PAIN_FOUR_TO_FIVE, DecisionReasons.painFourToFive(highestPain), evidence, p);
        }
        if (!sets.allLogged()) {
            return hold(
                    ProgressionRule.SETS_MISSED,
                    DecisionReasons.setsMissed(p, sets.prescribed().size(), sets.extra()),
                    evidence,
                    p);
        }
        if (!sets.allReachedTheTop()) {
            return hold(ProgressionRule.REPS_MISSED, DecisionReasons.repsMissed(p), evidence, p);
        }
        if (sets.anyEffort(SetResult.Effort.TOO_HIGH)) {
            return hold(ProgressionRule.EFFORT_TOO_HIGH, DecisionReasons.effortTooHigh(), evidence, p);
        }
        if (sets.anyEffort(SetResult.Effort.NOT_REPORTED)) {
            return hold(ProgressionRule.EFFORT_NOT_REPORTED, DecisionReasons.effortNotReported(), evidence, p);
        }
        if (input.lastCheckIn() == null) {
            return hold(ProgressionRule.NO_MORNING_CHECK_IN, DecisionReasons.noMorningCheckIn(), evidence, p);
        }
        if (!input.lastCheckIn().settled()) {
            return hold(
                    ProgressionRule.MORNING_NOT_SETTLED,
                    DecisionReasons.morningNotSettled(input.lastCheckIn().date()),
                    evidence,
                    p);
        }
        return progress(input, evidence);
    }

    /** Every check passed: one step up the ladder. */
    private static ProgressionDecision progress(ProgressionInput input, Evidence evidence) {
        Prescription p = input.prescription();
        if (p.sets() < p.setsMax()) {
            return ProgressionDecision.progress(
                    ProgressionRule.ADD_SET, DecisionReasons.addSet(p), evidence, p, p.withSets(p.sets() + 1));
        }
        if (p.loadedInKg()) {
            LoadStep step = LoadStep.up(p.loadKg(), p.loadStepPercent());
            return ProgressionDecision.progress(
                    ProgressionRule.ADD_LOAD,
                    DecisionReasons.addLoad(p, step),
                    evidence.with(step.evidence()),
                    p,
                    p.withLoadKg(step.toKg()));
        }
        Optional<Band> heavierBand = p.loadedWithBand() ? p.band().heavier() : Optional.empty();
        if (heavierBand.isPresent()) {
            return ProgressionDecision.progress(
                    ProgressionRule.NEXT_BAND,
                    DecisionReasons.nextBand(p, heavierBand.get()),
                    evidence,
                    p,
                    p.withBand(heavierBand.get()));
        }
        if (p.bodyweight()) {
            Optional<ProgressionDecision> harder = BodyweightLadder.up(p, evidence);
            if (harder.isPresent()) {
                return harder.get();
            }
        }
        if (p.harderVariantId() != null) {
            Optional<PastDecision> suggested = harderVariantSuggestedAtThisDose(input);
            if (suggested.isPresent()) {
                return hold(
                        ProgressionRule.HARDER_VARIANT_ALREADY_SUGGESTED,
                        DecisionReasons.harderVariantAlreadySuggested(
                                p, suggested.get().sessionDate()),
                        evidence.with(new HarderVariantSuggested(suggested.get().sessionDate(), p.harderVariantId())),
                        p);
            }
            return ProgressionDecision.suggestHarderVariant(DecisionReasons.harderVariant(p), evidence, p);
        }
        return hold(ProgressionRule.TOP_OF_PROGRESSION, DecisionReasons.topOfProgression(p), evidence, p);
    }

    private static ProgressionDecision hold(ProgressionRule rule, String reason, Evidence evidence, Prescription p) {
        return ProgressionDecision.hold(rule, reason, evidence, p);
    }

    /** The HARDER_VARIANT decision since the prescription last changed, if there was one. */
    private static Optional<PastDecision> harderVariantSuggestedAtThisDose(ProgressionInput input) {
        for (PastDecision earlier : input.earlierDecisions()) {
            if (!input.prescription().sameDose(earlier.before())) {
                return Optional.empty();
            }
            if (earlier.rule() == ProgressionRule.HARDER_VARIANT) {
                return Optional.of(earlier);
            }
        }
        return Optional.empty();
    }
}

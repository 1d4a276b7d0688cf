package org.backstrong.progress.domain.progression;

import java.math.BigDecimal;
import java.util.Optional;

import org.backstrong.progress.domain.progression.Evidence.BelowTheRangeTwice;

/**
 * Regress (architecture page): after two sessions in a row below the bottom of the range, one rung
 * back down the ladder the exercise progresses on, never below the item's starting dose: the load
 * (or band), for bodyweight the {@link BodyweightLadder}, and at the bottom of that ladder one set
 * fewer. Already at the start: hold, the clinician decides. The first session below the range holds.
 */
final class StepBack {

    private StepBack() {}

    /** A prescribed set was below the range; was the session before at this dose below it too? */
    static ProgressionDecision belowTheRange(ProgressionInput input, Integer lowest, Evidence evidence) {
        Prescription p = input.prescription();
        Optional<PastDecision> lastTime = input.earlierDecisions().stream()
                .findFirst()
                .filter(previous -> previous.rule() != null && previous.rule().countsAsBelowTheRange())
                .filter(previous -> p.sameDose(previous.before()));
        if (lastTime.isEmpty()) {
            return ProgressionDecision.hold(
                    ProgressionRule.BELOW_THE_RANGE, DecisionReasons.belowTheRange(p, lowest), evidence, p);
        }
        Prescription start = comparableStart(p, input.startingDose());
        return oneRung(
                p,
                start,
                evidence.with(new BelowTheRangeTwice(lastTime.get().sessionDate(), start)),
                DecisionReasons.twice(p, lowest, lastTime.get().sessionDate()));
    }

    private static ProgressionDecision oneRung(Prescription p, Prescription start, Evidence evidence, String twice) {
        if (p.loadedInKg()) {
            BigDecimal lowest = start != null && start.loadKg() != null ? start.loadKg() : BigDecimal.ZERO;
            if (p.loadKg().compareTo(lowest) > 0) {
                BigDecimal lower =
                        LoadStep.previousLoad(p.loadKg(), p.loadStepPercent()).max(lowest);
                return ProgressionDecision.regress(
                        ProgressionRule.STEP_BACK_LOAD,
                        DecisionReasons.stepBackLoad(twice, p.loadKg(), lower),
                        evidence,
                        p,
                        p.withLoadKg(lower));
            }
        }
        if (p.loadedWithBand()) {
            Band lightest = start != null ? start.band() : Band.YELLOW; // the lightest band
            Optional<Band> lighter = p.band().lighter().filter(band -> band.compareTo(lightest) >= 0);
            if (lighter.isPresent()) {
                return ProgressionDecision.regress(
                        ProgressionRule.STEP_BACK_BAND,
                        DecisionReasons.stepBackBand(twice, p.band(), lighter.get()),
                        evidence,
                        p,
                        p.withBand(lighter.get()));
            }
        }
        if (p.bodyweight()) {
            Optional<ProgressionDecision> easier = BodyweightLadder.down(p, start, evidence, twice);
            if (easier.isPresent()) {
                return easier.get();
            }
        }
        int fewestSets = start != null ? start.sets() : DoubleProgression.FEWEST_SETS;
        if (p.sets() > fewestSets) {
            return ProgressionDecision.regress(
                    ProgressionRule.STEP_BACK_SET,
                    DecisionReasons.stepBackSet(twice, p.sets() - 1),
                    evidence,
                    p,
                    p.withSets(p.sets() - 1));
        }
        return ProgressionDecision.hold(
                ProgressionRule.BELOW_THE_RANGE_AT_STARTING_DOSE, DecisionReasons.atStartingDose(twice), evidence, p);
    }

    /** The starting dose is a floor only for the same kind of dose and load; a clinician may have changed both. */
    private static Prescription comparableStart(Prescription p, Prescription start) {
        return p.sameKind(start) ? start : null;
    }
}

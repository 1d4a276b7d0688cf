package org.backstrong.progress.domain.progression;

import java.util.Optional;

/**
 * Without load the body is the load: up, a longer pause in each rep, then more reps (or, for a timed
 * hold, more seconds); back down the same rungs, never below the starting dose. At the top of the
 * ladder comes a harder variant ({@link DoubleProgression}).
 */
final class BodyweightLadder {

    /** How far each step goes, and where the ladder ends. */
    static final int LONGEST_PAUSE_IN_A_REP = 5;

    static final int REPS_STEP = 2;
    static final int MOST_REPS = 20;
    static final int SECONDS_STEP = 5;
    static final int LONGEST_HOLD = 60;
    /** Floors of a step back when the starting dose is not known. */
    static final int FEWEST_REPS = 1;

    static final int SHORTEST_PAUSE_IN_A_REP = 1;
    static final int SHORTEST_HOLD = SECONDS_STEP;

    private BodyweightLadder() {}

    /** One rung up, or empty at the top of the ladder. */
    static Optional<ProgressionDecision> up(Prescription p, Evidence evidence) {
        if (p.countsReps() && p.holdSeconds() != null && p.holdSeconds() < LONGEST_PAUSE_IN_A_REP) {
            int hold = p.holdSeconds() + 1;
            return Optional.of(ProgressionDecision.progress(
                    ProgressionRule.HOLD_LONGER_IN_EACH_REP,
                    DecisionReasons.holdLongerInEachRep(p, hold),
                    evidence,
                    p,
                    p.withHoldSeconds(hold)));
        }
        if (p.countsReps() && p.repsMax() != null && p.repsMax() < MOST_REPS) {
            int max = Math.min(p.repsMax() + REPS_STEP, MOST_REPS);
            int min = p.repsMin() + (max - p.repsMax());
            return Optional.of(ProgressionDecision.progress(
                    ProgressionRule.MORE_REPS,
                    DecisionReasons.moreReps(p, min, max),
                    evidence,
                    p,
                    p.withReps(min, max)));
        }
        if (p.isTimedHold() && p.secondsMax() != null && p.secondsMax() < LONGEST_HOLD) {
            int max = Math.min(p.secondsMax() + SECONDS_STEP, LONGEST_HOLD);
            int min = p.secondsMin() + (max - p.secondsMax());
            return Optional.of(ProgressionDecision.progress(
                    ProgressionRule.LONGER_HOLD,
                    DecisionReasons.longerHold(p, min, max),
                    evidence,
                    p,
                    p.withSeconds(min, max)));
        }
        return Optional.empty();
    }

    /** One rung down: the rep range lower, then a shorter pause in each rep; or a shorter timed hold. */
    static Optional<ProgressionDecision> down(Prescription p, Prescription start, Evidence evidence, String twice) {
        if (p.countsReps() && p.repsMin() != null && p.repsMax() != null) {
            int fewest = start != null && start.repsMin() != null ? start.repsMin() : FEWEST_REPS;
            if (p.repsMin() > fewest) {
                int min = Math.max(fewest, p.repsMin() - REPS_STEP);
                int max = p.repsMax() - (p.repsMin() - min);
                return Optional.of(ProgressionDecision.regress(
                        ProgressionRule.STEP_BACK_REPS,
                        DecisionReasons.stepBackReps(twice, min, max),
                        evidence,
                        p,
                        p.withReps(min, max)));
            }
        }
        if (p.countsReps() && p.holdSeconds() != null) {
            int shortest = start != null && start.holdSeconds() != null ? start.holdSeconds() : SHORTEST_PAUSE_IN_A_REP;
            if (p.holdSeconds() > shortest) {
                int hold = p.holdSeconds() - 1;
                return Optional.of(ProgressionDecision.regress(
                        ProgressionRule.STEP_BACK_PAUSE_IN_EACH_REP,
                        DecisionReasons.stepBackPauseInEachRep(twice, hold),
                        evidence,
                        p,
                        p.withHoldSeconds(hold)));
            }
        }
        if (p.isTimedHold() && p.secondsMin() != null && p.secondsMax() != null) {
            int shortest = start != null && start.secondsMin() != null ? start.secondsMin() : SHORTEST_HOLD;
            if (p.secondsMin() > shortest) {
                int min = Math.max(shortest, p.secondsMin() - SECONDS_STEP);
                int max = p.secondsMax() - (p.secondsMin() - min);
                return Optional.of(ProgressionDecision.regress(
                        ProgressionRule.STEP_BACK_HOLD,
                        DecisionReasons.stepBackHold(twice, min, max),
                        evidence,
                        p,
                        p.withSeconds(min, max)));
            }
        }
        return Optional.empty();
    }
}

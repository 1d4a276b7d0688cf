package org.backstrong.progress.domain.progression;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import org.backstrong.progress.domain.progression.Evidence.SessionNumbers;

/**
 * The sets of one session of an exercise as the progression rules ask about them: only the
 * prescribed ones decide ({@link PrescribedSets}); the extra sets are only counted.
 */
record SessionSets(Prescription prescription, List<SetResult> logged, List<SetResult> prescribed) {

    static SessionSets of(Prescription prescription, List<SetResult> logged) {
        return new SessionSets(prescription, logged, PrescribedSets.of(prescription, logged));
    }

    int highestPain() {
        return prescribed.stream().mapToInt(SetResult::pain).max().orElse(0);
    }

    boolean anyBeyondNormalFatigue() {
        return prescribed.stream().anyMatch(SetResult::beyondNormalFatigue);
    }

    boolean anyEffort(SetResult.Effort effort) {
        return prescribed.stream().anyMatch(set -> set.effort() == effort);
    }

    boolean anyBelowTheRange() {
        Integer bottom = prescription.bottom();
        return bottom != null && amounts().anyMatch(amount -> amount < bottom);
    }

    /** The prescribed sets (each counted once), per side each side its own full count. */
    boolean allLogged() {
        if (!prescription.perSide()) {
            return prescribed.size() >= prescription.sets();
        }
        return countOnSide("left") >= prescription.sets() && countOnSide("right") >= prescription.sets();
    }

    boolean allReachedTheTop() {
        Integer top = prescription.top();
        return top != null
                && prescribed.stream()
                        .allMatch(set -> set.amount(prescription) != null && set.amount(prescription) >= top);
    }

    /** The fewest reps (or seconds) of a prescribed set; null when none was reported. */
    Integer lowest() {
        return amounts().min(Integer::compare).orElse(null);
    }

    int extra() {
        return logged.size() - prescribed.size();
    }

    /** The numbers behind every decision, whatever rule ends up deciding; sets are the prescribed ones. */
    SessionNumbers numbers(ProgressionInput input) {
        MorningCheck checkIn = input.lastCheckIn();
        return new SessionNumbers(
                prescription.setsToLog(),
                prescribed.size(),
                extra(),
                prescription.bottom(),
                prescription.top(),
                prescription.unit(),
                lowest(),
                prescribed.isEmpty() ? null : highestPain(),
                prescribed.stream()
                        .map(SetResult::rir)
                        .filter(Objects::nonNull)
                        .min(Integer::compare)
                        .orElse(null),
                prescribed.stream()
                        .map(SetResult::rpe)
                        .filter(Objects::nonNull)
                        .max(BigDecimal::compareTo)
                        .orElse(null),
                anyBeyondNormalFatigue(),
                input.firstWeek(),
                input.stopFlagOpen(),
                input.watchFlagOpen(),
                checkIn == null ? null : checkIn.pain(),
                checkIn == null ? null : checkIn.settled());
    }

    private Stream<Integer> amounts() {
        return prescribed.stream().map(set -> set.amount(prescription)).filter(Objects::nonNull);
    }

    private long countOnSide(String side) {
        return prescribed.stream().filter(set -> side.equals(set.side())).count();
    }
}

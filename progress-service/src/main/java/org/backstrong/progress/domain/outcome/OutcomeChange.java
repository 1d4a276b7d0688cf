package org.backstrong.progress.domain.outcome;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One patient's course on one measure: the baseline (the BASELINE occasion's response, or the earliest
 * when there is none), every follow-up in date order, and whether the latest follow-up improved on the
 * baseline by the measure's minimal clinically important change ({@link OutcomeMeasure}). Exact decimal
 * arithmetic: 10 → 7 is exactly 30 %.
 */
public record OutcomeChange(
        OutcomeMeasure measure, OutcomeResponse baseline, List<OutcomeResponse> followUps, Verdict verdict) {

    /**
     * What the latest follow-up says, traceable: the rule that decided, the numbers it read (baseline,
     * latest, change, improvement, percent, the thresholds) and the verdict in words.
     * {@code clinicallyImportant} is null while there is no follow-up.
     */
    public record Verdict(OutcomeRule rule, Boolean clinicallyImportant, Map<String, Object> numbers, String reason) {}

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final Comparator<OutcomeResponse> IN_ORDER = Comparator.comparing(OutcomeResponse::completedOn)
            .thenComparing(OutcomeResponse::loggedAt)
            .thenComparing(OutcomeResponse::outcomeId);

    /** The latest follow-up, or null when there is none yet. */
    public OutcomeResponse latest() {
        return followUps.isEmpty() ? null : followUps.get(followUps.size() - 1);
    }

    /** The course of the measure's responses (all of one measure); none without a response. */
    public static Optional<OutcomeChange> of(OutcomeMeasure measure, List<OutcomeResponse> responses) {
        List<OutcomeResponse> ordered = new ArrayList<>(responses);
        if (ordered.stream().anyMatch(response -> response.measure() != measure)) {
            throw new IllegalArgumentException("responses of another measure than " + measure);
        }
        if (ordered.isEmpty()) {
            return Optional.empty();
        }
        ordered.sort(IN_ORDER);
        OutcomeResponse baseline = ordered.stream()
                .filter(response -> response.occasion() == OutcomeOccasion.BASELINE)
                .findFirst()
                .orElse(ordered.get(0));
        ordered.remove(baseline);
        List<OutcomeResponse> followUps = Collections.unmodifiableList(ordered);
        return Optional.of(new OutcomeChange(
                measure,
                baseline,
                followUps,
                verdict(
                        measure,
                        baseline.score(),
                        followUps.isEmpty()
                                ? null
                                : followUps.get(followUps.size() - 1).score())));
    }

    /** The verdict on the change from {@code baseline} to {@code latest} (null: no follow-up yet). */
    public static Verdict verdict(OutcomeMeasure measure, BigDecimal baseline, BigDecimal latest) {
        Map<String, Object> numbers = new LinkedHashMap<>();
        numbers.put("baseline", plain(baseline));
        numbers.put("pointsThreshold", plain(measure.importantPoints()));
        numbers.put("percentThreshold", measure.importantPercent() == null ? null : plain(measure.importantPercent()));
        numbers.put("higherIsBetter", measure.higherIsBetter());
        if (latest == null) {
            return new Verdict(
                    OutcomeRule.NO_FOLLOW_UP_YET,
                    null,
                    Collections.unmodifiableMap(numbers),
                    measure + " " + text(baseline) + " at baseline: no follow-up yet");
        }
        BigDecimal change = latest.subtract(baseline);
        BigDecimal improvement = measure.higherIsBetter() ? change : change.negate();
        // A share of a baseline of 0 is not defined: only the points can decide then.
        BigDecimal percent =
                baseline.signum() == 0 ? null : improvement.multiply(HUNDRED).divide(baseline, 1, RoundingMode.HALF_UP);
        numbers.put("latest", plain(latest));
        numbers.put("change", plain(change));
        numbers.put("improvement", plain(improvement));
        numbers.put("percent", percent);
        OutcomeRule rule;
        if (improvement.compareTo(measure.importantPoints()) >= 0) {
            rule = OutcomeRule.IMPROVED_BY_POINTS;
        } else if (measure.importantPercent() != null
                && baseline.signum() > 0
                && improvement.signum() > 0
                && improvement
                                .multiply(HUNDRED)
                                .compareTo(measure.importantPercent().multiply(baseline))
                        >= 0) {
            rule = OutcomeRule.IMPROVED_BY_PERCENT;
        } else {
            rule = OutcomeRule.BELOW_IMPORTANT_CHANGE;
        }
        boolean important = rule != OutcomeRule.BELOW_IMPORTANT_CHANGE;
        return new Verdict(
                rule,
                important,
                Collections.unmodifiableMap(numbers),
                reason(measure, baseline, latest, improvement, percent, rule));
    }

    /** "RMDQ 14 → 8: improved by 6 points (43 %), clinically important (≥ 5 points)". */
    private static String reason(
            OutcomeMeasure measure,
            BigDecimal baseline,
            BigDecimal latest,
            BigDecimal improvement,
            BigDecimal percent,
            OutcomeRule rule) {
        StringBuilder words = new StringBuilder()
                .append(measure)
                .append(' ')
                .append(text(baseline))
                .append(" → ")
                .append(text(latest))
                .append(": ");
        if (improvement.signum() == 0) {
            words.append("no change");
        } else {
            BigDecimal size = improvement.abs();
            words.append(improvement.signum() > 0 ? "improved by " : "worse by ")
                    .append(text(size))
                    .append(size.compareTo(BigDecimal.ONE) == 0 ? " point" : " points");
            if (percent != null) {
                words.append(" (")
                        .append(percent.abs().setScale(0, RoundingMode.HALF_UP).toPlainString())
                        .append(" %)");
            }
        }
        String points = "≥ " + text(measure.importantPoints()) + " points";
        String share = measure.importantPercent() == null ? null : "≥ " + text(measure.importantPercent()) + " %";
        switch (rule) {
            case IMPROVED_BY_POINTS ->
                words.append(", clinically important (").append(points).append(')');
            case IMPROVED_BY_PERCENT ->
                words.append(", clinically important (").append(share).append(')');
            default ->
                words.append(", not clinically important (needs ")
                        .append(points)
                        .append(share == null ? "" : " or " + share)
                        .append(')');
        }
        return words.toString();
    }

    /** A score as people write it: 14, 6.3, never 14.0 or 1.4E+1. */
    static String text(BigDecimal value) {
        return plain(value).toPlainString();
    }

    private static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}

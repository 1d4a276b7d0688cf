package org.backstrong.progress.domain.progression;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * When pain says stop or watch (the pain-monitoring model, Thomeé 1997): above 5 during a set or
 * beyond normal fatigue is a STOP; a morning 2 or more points above the pre-session level, or a
 * weekly mean that rose two weeks in a row by at least 1 point in all or to above 3, is a WATCH.
 *
 * <p>The pre-session level is the pain of the session's first set (the first set logged on the
 * latest session day before the check-in): it is measured on the day of the load the morning
 * judges, while an older check-in may be days stale. Without such a set, the previous check-in.
 *
 * <p>The constants are the rules' ids as flags record and publish them (their names).
 */
public enum PainFlagRule {

    /** STOP: pain above 5 during a set. */
    PAIN_ABOVE_FIVE(PainFlagSeverity.STOP),
    /** STOP: pain beyond normal muscle fatigue during a set. */
    BEYOND_NORMAL_FATIGUE(PainFlagSeverity.STOP),
    /** WATCH: the morning after, 2 or more points above the pre-session level. */
    MORNING_PAIN_ROSE(PainFlagSeverity.WATCH),
    /** WATCH: the weekly mean rose two weeks in a row, and by enough to matter. */
    WEEKLY_PAIN_RISING(PainFlagSeverity.WATCH);

    private final PainFlagSeverity severity;

    PainFlagRule(PainFlagSeverity severity) {
        this.severity = severity;
    }

    /** How serious a flag of this rule is: always the same for a rule. */
    public PainFlagSeverity severity() {
        return severity;
    }

    /** Any run of white space, line breaks and Unicode separators included. */
    private static final Pattern WHITESPACE = Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);
    /** A weekly rise counts when it adds up to this over the two weeks, or ends above the next. */
    static final double WEEKLY_RISE_THAT_FLAGS = 1.0;

    static final double WEEKLY_MEAN_ABOVE_WHICH_A_RISE_FLAGS = 3.0;
    /** Means are fractions: 0.7 → 1.7 must count as a rise of exactly 1 despite binary rounding. */
    private static final double ROUNDING = 1e-9;

    /** A STOP for one set: pain above 5, or pain beyond normal muscle fatigue. */
    public static Optional<FlagCall> duringSet(SetResult set) {
        if (PainScale.stops(set.pain())) {
            return Optional.of(new FlagCall(
                    PainFlagSeverity.STOP,
                    PAIN_ABOVE_FIVE,
                    "pain " + set.pain() + " during set " + set.setNumber() + side(set) + " (above 5)"));
        }
        if (set.beyondNormalFatigue()) {
            return Optional.of(new FlagCall(
                    PainFlagSeverity.STOP,
                    BEYOND_NORMAL_FATIGUE,
                    "pain beyond normal muscle fatigue during set " + set.setNumber() + side(set) + " (pain "
                            + set.pain() + ")"));
        }
        return Optional.empty();
    }

    /**
     * A STOP for one set, as {@link #duringSet(SetResult)}, its evidence ending with what the patient
     * wrote about that set (see {@link #withPatientNote}).
     */
    public static Optional<FlagCall> duringSet(SetResult set, String note) {
        return duringSet(set)
                .map(call -> new FlagCall(call.severity(), call.rule(), withPatientNote(call.evidence(), note)));
    }

    /**
     * The evidence, then the patient's note in their own words, quoted: {@code ...; the patient wrote:
     * "sharp pain"}. Only the whitespace changes (trimmed; line breaks and runs of spaces become one
     * space, so the evidence stays one line); a blank or missing note leaves the evidence as it is.
     */
    public static String withPatientNote(String evidence, String note) {
        String words =
                note == null ? "" : WHITESPACE.matcher(note).replaceAll(" ").strip();
        return words.isEmpty() ? evidence : evidence + "; the patient wrote: \"" + words + "\"";
    }

    /** Did the back settle by the morning? Unknown pre-session level counts as settled. */
    public static boolean settled(int morningPain, Integer preSessionPain) {
        return PainScale.settled(morningPain, preSessionPain);
    }

    /** A WATCH when the morning pain is 2 or more points above the pre-session level. */
    public static Optional<FlagCall> morningAfter(LocalDate date, int morningPain, Integer preSessionPain) {
        if (settled(morningPain, preSessionPain)) {
            return Optional.empty();
        }
        return Optional.of(new FlagCall(
                PainFlagSeverity.WATCH,
                MORNING_PAIN_ROSE,
                "morning pain " + morningPain
                        + " on " + date + " after a pre-session level of " + preSessionPain + " (up "
                        + (morningPain - preSessionPain) + "; 2 or more flags)"));
    }

    /**
     * A WATCH when the weekly mean pain rose two weeks in a row (three consecutive ISO weeks, oldest
     * first, each mean above the one before) and the rise matters: at least 1 point in all, or a last
     * week above 3. A drift inside the safe band (1.0 → 1.3 → 1.5) is noise.
     */
    public static Optional<FlagCall> weeklyTrend(List<WeekPain> lastThreeWeeks) {
        if (lastThreeWeeks.size() != 3) {
            return Optional.empty();
        }
        WeekPain first = lastThreeWeeks.get(0);
        WeekPain second = lastThreeWeeks.get(1);
        WeekPain third = lastThreeWeeks.get(2);
        boolean consecutive = second.weekStart().equals(first.weekStart().plusWeeks(1))
                && third.weekStart().equals(second.weekStart().plusWeeks(1));
        boolean rising = second.meanPain() > first.meanPain() && third.meanPain() > second.meanPain();
        if (!consecutive || !rising) {
            return Optional.empty();
        }
        double rise = third.meanPain() - first.meanPain();
        boolean roseAPoint = rise >= WEEKLY_RISE_THAT_FLAGS - ROUNDING;
        boolean endedAboveThree = third.meanPain() > WEEKLY_MEAN_ABOVE_WHICH_A_RISE_FLAGS + ROUNDING;
        if (!roseAPoint && !endedAboveThree) {
            return Optional.empty();
        }
        String clauses = (roseAPoint ? "; up " + oneDecimal(rise) + " in all, at least 1 point" : "")
                + (endedAboveThree ? "; last week " + oneDecimal(third.meanPain()) + ", above 3" : "");
        return Optional.of(new FlagCall(
                PainFlagSeverity.WATCH,
                WEEKLY_PAIN_RISING,
                "weekly mean pain "
                        + oneDecimal(first.meanPain()) + " → " + oneDecimal(second.meanPain()) + " → "
                        + oneDecimal(third.meanPain()) + " in the weeks from " + first.weekStart()
                        + " (rising two weeks in a row"
                        + clauses + ")"));
    }

    private static String side(SetResult set) {
        return set.side() == null ? "" : " (" + set.side() + ")";
    }

    private static String oneDecimal(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}

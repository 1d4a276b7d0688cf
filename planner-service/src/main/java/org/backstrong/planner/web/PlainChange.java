package org.backstrong.planner.web;

import java.math.BigDecimal;
import java.util.regex.Pattern;

import org.backstrong.planner.event.PrescriptionData;

/**
 * A change to a plan told to its patient in plain words: which exercise, the dose before and
 * after, and why, with no ids, rule codes or exercise slugs (those are for the clinician's audit).
 */
public final class PlainChange {

    private static final Pattern UUID_IN_PARENS = Pattern.compile(
            "\\s*\\((?:flag\\s+)?[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\\)");
    private static final Pattern NAMED_UUID = Pattern.compile(
            "\\s*\\b(?:(?:STOP|WATCH)\\s+)?(?:flag|decision|item|plan|id)\\s+[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern UUID =
            Pattern.compile("\\s*\\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\\b");
    private static final Pattern SUGGESTED_NEXT = Pattern.compile("\\s*Suggested next: [^.\\s]+\\.?");

    private PlainChange() {}

    /** "Lat Pulldown: your plan was adjusted", or "Your clinician changed your plan" when no exercise is named. */
    public static String what(String exerciseName, boolean automatic) {
        String words = automatic ? "your plan was adjusted" : "your clinician changed your plan";
        return exerciseName == null || exerciseName.isBlank()
                ? Character.toUpperCase(words.charAt(0)) + words.substring(1)
                : exerciseName + ": " + words;
    }

    /** "1 set of 8–12 reps, 10 kg → 2 sets of 8–12 reps, 10 kg", or null when the dose did not change. */
    public static String dose(PrescriptionData before, PrescriptionData after) {
        if (before == null || after == null) {
            return null;
        }
        String was = describe(before);
        String now = describe(after);
        return was.equals(now) ? null : was + " → " + now;
    }

    /** The reason without ids (a flag's, a decision's) and without the catalog slug of a suggested variant. */
    public static String why(String reason, boolean suggestsVariant) {
        if (reason == null) {
            return "";
        }
        String text = SUGGESTED_NEXT.matcher(reason).replaceAll("");
        text = UUID_IN_PARENS.matcher(text).replaceAll("");
        text = NAMED_UUID.matcher(text).replaceAll("");
        text = UUID.matcher(text)
                .replaceAll("")
                .replaceAll("[,;:]\\s*\\)", ")")
                .replaceAll("\\(\\s*\\)", "")
                .replaceAll("\\s{2,}", " ")
                .replaceAll("\\s+([.,;:)])", "$1")
                .trim();
        if (suggestsVariant) {
            text = (text + " Your clinician may move you on to a harder version of this exercise.").trim();
        }
        return text;
    }

    /** Whether the reason names a harder variant to move on to. */
    public static boolean suggestsVariant(String reason) {
        return reason != null && SUGGESTED_NEXT.matcher(reason).find();
    }

    static String describe(PrescriptionData p) {
        StringBuilder text = new StringBuilder();
        text.append(p.sets()).append(p.sets() == 1 ? " set of " : " sets of ");
        if ("reps".equals(p.doseKind())) {
            text.append(range(p.repsMin(), p.repsMax())).append(" reps");
        } else {
            text.append(range(p.secondsMin(), p.secondsMax())).append(" s");
        }
        if (p.perSide()) {
            text.append(" each side");
        }
        if ("kg".equals(p.loadKind())) {
            text.append(", ").append(kg(p.loadKg())).append(" kg");
        } else if ("band".equals(p.loadKind())) {
            text.append(", ").append(p.band()).append(" band");
        }
        return text.toString();
    }

    private static String kg(BigDecimal kg) {
        return kg == null ? "?" : kg.stripTrailingZeros().toPlainString();
    }

    private static String range(Integer min, Integer max) {
        if (min == null) {
            return String.valueOf(max);
        }
        return max == null || min.equals(max) ? String.valueOf(min) : min + "–" + max;
    }
}

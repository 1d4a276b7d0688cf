package org.backstrong.planner.web;

import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;

import org.backstrong.planner.domain.Prescription;

/** A plan's prescriptions and days in the words every page and the printout use. */
final class PlanInWords {

    private PlanInWords() {}

    /** "1 set of 8–12 reps each side, hold 1 s at the top — first week: 8 reps", "5–10 minutes". */
    public static String dose(Prescription p) {
        StringBuilder dose = new StringBuilder();
        String firstWeek = null;
        switch (p.doseKind) {
            case REPS -> {
                dose.append(count(p.sets, "set"))
                        .append(" of ")
                        .append(range(p.repsMin, p.repsMax))
                        .append(" reps");
                if (p.perSide) {
                    dose.append(" each side");
                }
                if (p.holdSeconds != null && p.holdSeconds > 0) {
                    dose.append(", hold ").append(p.holdSeconds).append(" s at the top");
                }
                if (!p.repsMin.equals(p.repsMax)) {
                    firstWeek = p.repsMin + " reps";
                }
            }
            case HOLD -> {
                dose.append(count(p.sets, "hold")).append(" of ").append(seconds(p.secondsMin, p.secondsMax));
                if (p.perSide) {
                    dose.append(" each side");
                }
                if (!p.secondsMin.equals(p.secondsMax)) {
                    firstWeek = seconds(p.secondsMin, p.secondsMin);
                }
            }
            case DURATION -> {
                if (p.sets > 1) {
                    dose.append(count(p.sets, "round")).append(" of ");
                }
                dose.append(seconds(p.secondsMin, p.secondsMax));
                if (p.perSide) {
                    dose.append(" each side");
                }
                if (!p.secondsMin.equals(p.secondsMax)) {
                    firstWeek = seconds(p.secondsMin, p.secondsMin);
                }
            }
        }
        if (firstWeek != null) {
            // Start light: the first week works at the bottom of the range (as today's session does).
            dose.append(" — first week: ").append(firstWeek);
        }
        return dose.toString();
    }

    /** "15 kg", "17.5 kg", "yellow band", "bodyweight". */
    public static String load(Prescription p) {
        return switch (p.loadKind) {
            case KG -> p.loadKg.stripTrailingZeros().toPlainString() + " kg";
            case BAND -> p.band + " band";
            case BODYWEIGHT -> "bodyweight";
        };
    }

    /** "90 s between sets", "2 min between sets"; null when the prescription has no rest. */
    public static String rest(Prescription p) {
        if (p.restSeconds <= 0) {
            return null;
        }
        return (p.restSeconds % 60 == 0 ? p.restSeconds / 60 + " min" : p.restSeconds + " s") + " between sets";
    }

    /** "every day", "Mondays", "Mondays, Wednesdays and Fridays". */
    public static String weekdays(List<Integer> weekdays) {
        if (weekdays.size() == 7) {
            return "every day";
        }
        List<String> days = weekdays.stream()
                .sorted()
                .map(day -> DayOfWeek.of(day).getDisplayName(TextStyle.FULL, Locale.ENGLISH) + "s")
                .toList();
        if (days.size() == 1) {
            return days.get(0);
        }
        return String.join(", ", days.subList(0, days.size() - 1)) + " and " + days.get(days.size() - 1);
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static String range(Integer min, Integer max) {
        return min.equals(max) ? String.valueOf(min) : min + "–" + max;
    }

    /** Whole minutes read as minutes ("5–10 minutes"), anything else as seconds ("20–30 s"). */
    private static String seconds(Integer min, Integer max) {
        if (min % 60 == 0 && max % 60 == 0) {
            String minutes = range(min / 60, max / 60);
            return minutes + (max == 60 ? " minute" : " minutes");
        }
        return range(min, max) + " s";
    }
}

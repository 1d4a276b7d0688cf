package org.backstrong.planner.web;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The API's messages about a prescription ("repsMax: must not be less than repsMin (12)") as a
 * clinician reads them beside the field ("Highest reps must be at least the lowest (12)"). The
 * rules stay in the domain and in bean validation; this only says them in plain words.
 */
final class PlainWords {

    /** What each prescription field is called on the forms. */
    static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("doseKind", "Dose kind"),
            Map.entry("sets", "Sets"),
            Map.entry("setsMax", "Most sets"),
            Map.entry("repsMin", "Lowest reps"),
            Map.entry("repsMax", "Highest reps"),
            Map.entry("secondsMin", "Shortest time (seconds)"),
            Map.entry("secondsMax", "Longest time (seconds)"),
            Map.entry("holdSeconds", "Pause in each rep (seconds)"),
            Map.entry("perSide", "Each side"),
            Map.entry("loadKind", "Load"),
            Map.entry("loadKg", "Load in kg"),
            Map.entry("band", "Band"),
            Map.entry("restSeconds", "Rest between sets (seconds)"),
            Map.entry("loadStepPercent", "Load step (%)"),
            Map.entry("notes", "Notes"),
            Map.entry("reason", "Reason"));

    private static final Pattern LESS_THAN = Pattern.compile("must not be less than (\\w+) \\((.+)\\)");
    private static final Pattern BOUND = Pattern.compile("must be (greater|less) than or equal to (.+)");

    private PlainWords() {}

    /** The message of a prescription field in plain words, starting with the field's label. */
    static String prescription(String field, String message) {
        return of(LABELS.getOrDefault(field, field), field, message);
    }

    /** The message of a field in plain words, starting with the label the form gives it. */
    static String of(String label, String field, String message) {
        Matcher lessThan = LESS_THAN.matcher(message);
        if (lessThan.matches()) {
            String other =
                    LABELS.getOrDefault(lessThan.group(1), lessThan.group(1)).toLowerCase();
            String lowest = switch (field) {
                case "repsMax" -> "the lowest";
                case "secondsMax" -> "the shortest";
                case "setsMax" -> "the starting sets";
                default -> other;
            };
            return label + " must be at least " + lowest + " (" + lessThan.group(2) + ")";
        }
        Matcher bound = BOUND.matcher(message);
        if (bound.matches()) {
            return label + " must be " + ("greater".equals(bound.group(1)) ? "at least " : "at most ") + bound.group(2);
        }
        return switch (message) {
            case "is required for a reps dose" -> label + " is needed for an exercise counted in reps";
            case "is required for a hold dose" -> label + " is needed for an exercise held for a time";
            case "is required for a duration dose" -> label + " is needed for an exercise done for a time";
            case "a reps dose counts reps, not seconds" -> "This exercise is counted in reps: leave the times empty";
            case "a hold dose counts seconds, not reps", "a duration dose counts seconds, not reps" ->
                "This exercise is timed: leave the reps empty";
            case "is a pause within a rep; only a reps dose has one" ->
                "Only an exercise counted in reps has a pause in each rep";
            case "is required (0 or more) for a load in kg" -> "Give the load in kg (0 or more)";
            case "a band load has no kg" -> "A band load has no kg: leave the kg empty";
            case "a load in kg has no band" -> "A load in kg has no band: choose no band";
            case "a bodyweight exercise has no kg" -> "A bodyweight exercise has no kg: leave the kg empty";
            case "a bodyweight exercise has no band" -> "A bodyweight exercise has no band: choose no band";
            case "must not be null", "must not be blank" -> label + " is needed";
            case "must be a whole number", "must be a number" -> label + " " + message;
            default ->
                message.startsWith("must be one of ")
                        ? "Choose a band: " + message.substring(15)
                        : label + ": " + message;
        };
    }
}

package org.backstrong.planner.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * How each measure is scored from its answers (keyed by the Questionnaire's item linkId; a value is an
 * Integer, a Boolean or a String). Every answer is checked first: an unknown item, a missing required
 * one or a value out of range is an {@link AnswerRefusal} naming it, and nothing is scored.
 *
 * <ul>
 *   <li>NPRS: the rating of item {@code pain}, 0–10.
 *   <li>RMDQ: the number of the 24 statements {@code rmdq-1}…{@code rmdq-24} ticked (true); each is answered.
 *   <li>PSFS: the mean of the activities' ratings 0–10, one decimal (half up). The first PSFS response of a
 *       plan names 3–5 activities ({@code activity-N-name}, {@code activity-N-rating}, N from 1 without gaps);
 *       later ones rate the same activities, and may repeat their names unchanged.
 *   <li>ODI: sum of the sections answered (each 0–5) ÷ (5 × sections answered) × 100, one decimal (half up);
 *       its 10 sections are the items of the clinic's licensed wording, in order.
 * </ul>
 */
public final class OutcomeScoring {

    public static final int RMDQ_STATEMENTS = 24;
    public static final int PSFS_MIN_ACTIVITIES = 3;
    public static final int PSFS_MAX_ACTIVITIES = 5;
    public static final int PSFS_NAME_MAX_LENGTH = 100;
    public static final int ODI_SECTIONS = 10;
    public static final int ODI_SECTION_MAX = 5;

    private static final String ANSWERS = "answers";

    /** The order of a Questionnaire's items: by the numbers in their linkIds (rmdq-2 before rmdq-10), then by text. */
    public static final Comparator<String> ITEM_ORDER = Comparator.comparing(OutcomeScoring::numbersPadded);

    private OutcomeScoring() {}

    public static OutcomeScore nprs(Map<String, Object> answers) {
        onlyKnown(answers, Set.of("pain"));
        int pain = rating(answers, "pain", 0, 10);
        return new OutcomeScore(BigDecimal.valueOf(pain), 1, 1, "NPRS: pain rated " + pain + " of 10");
    }

    public static OutcomeScore rmdq(Map<String, Object> answers) {
        List<String> statements = IntStream.rangeClosed(1, RMDQ_STATEMENTS)
                .mapToObj(number -> "rmdq-" + number)
                .toList();
        onlyKnown(answers, Set.copyOf(statements));
        int ticked = 0;
        for (String statement : statements) {
            if (tick(answers, statement)) {
                ticked++;
            }
        }
        return new OutcomeScore(
                BigDecimal.valueOf(ticked),
                RMDQ_STATEMENTS,
                RMDQ_STATEMENTS,
                "RMDQ: " + ticked + " of " + RMDQ_STATEMENTS + " statements ticked");
    }

    /**
     * {@code namedBefore} are the activities of the plan's first PSFS response, in order; empty when this
     * response is the first and names them.
     */
    public static OutcomeScore psfs(Map<String, Object> answers, List<String> namedBefore) {
        Set<String> known = new TreeSet<>();
        for (int number = 1; number <= PSFS_MAX_ACTIVITIES; number++) {
            known.add(name(number));
            known.add(ratingOf(number));
        }
        onlyKnown(answers, known);
        int activities = namedBefore.isEmpty() ? namedActivities(answers) : namedBefore.size();
        List<Integer> ratings = new ArrayList<>();
        for (int number = 1; number <= PSFS_MAX_ACTIVITIES; number++) {
            if (number > activities) {
                for (String item : List.of(name(number), ratingOf(number))) {
                    if (answers.containsKey(item)) {
                        throw new AnswerRefusal(
                                field(item),
                                namedBefore.isEmpty()
                                        ? "activity " + number + " needs a name and a rating"
                                        : "this plan's PSFS rates the " + activities + " activities named first");
                    }
                }
                continue;
            }
            if (namedBefore.isEmpty()) {
                activityName(answers, number);
            } else if (answers.containsKey(name(number))) {
                String sent = text(answers, name(number)).strip();
                if (!sent.equals(namedBefore.get(number - 1))) {
                    throw new AnswerRefusal(
                            field(name(number)),
                            "follow-ups rate the activities named first: activity " + number + " is \""
                                    + namedBefore.get(number - 1) + "\"");
                }
            }
            ratings.add(rating(answers, ratingOf(number), 0, 10));
        }
        int sum = ratings.stream().mapToInt(Integer::intValue).sum();
        BigDecimal mean = BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(ratings.size()), 1, RoundingMode.HALF_UP);
        return new OutcomeScore(
                mean,
                ratings.size(),
                ratings.size(),
                "PSFS: mean of " + ratings.size() + " activities rated "
                        + ratings.stream().map(String::valueOf).collect(Collectors.joining(", "))
                        + " = " + mean.toPlainString() + " of 10");
    }

    /** The activity names of a first PSFS response, in order (after {@link #psfs} accepted it). */
    public static List<String> psfsActivities(Map<String, Object> answers) {
        List<String> names = new ArrayList<>();
        for (int number = 1; answers.get(name(number)) instanceof String text; number++) {
            names.add(text.strip());
        }
        return names;
    }

    /** {@code sections} are the linkIds of the licensed wording's 10 choice items, in order. */
    public static OutcomeScore odi(Map<String, Object> answers, List<String> sections) {
        onlyKnown(answers, Set.copyOf(sections));
        int sum = 0;
        int answered = 0;
        for (String section : sections) {
            if (answers.containsKey(section)) {
                sum += rating(answers, section, 0, ODI_SECTION_MAX);
                answered++;
            }
        }
        if (answered == 0) {
            throw new AnswerRefusal(
                    field(sections.get(0)), "answer at least one of the " + sections.size() + " sections");
        }
        int possible = ODI_SECTION_MAX * answered;
        BigDecimal percent =
                BigDecimal.valueOf(sum * 100L).divide(BigDecimal.valueOf(possible), 1, RoundingMode.HALF_UP);
        return new OutcomeScore(
                percent,
                answered,
                sections.size(),
                "ODI: " + sum + " of " + possible + " (" + answered + " sections answered) = " + percent.toPlainString()
                        + " %");
    }

    private static int namedActivities(Map<String, Object> answers) {
        int named = 0;
        while (named < PSFS_MAX_ACTIVITIES
                && (answers.containsKey(name(named + 1)) || answers.containsKey(ratingOf(named + 1)))) {
            named++;
        }
        if (named < PSFS_MIN_ACTIVITIES) {
            throw new AnswerRefusal(
                    field(name(named + 1)),
                    "name " + PSFS_MIN_ACTIVITIES + " to " + PSFS_MAX_ACTIVITIES
                            + " activities you have difficulty with, and rate each");
        }
        return named;
    }

    private static void activityName(Map<String, Object> answers, int number) {
        String item = name(number);
        if (!answers.containsKey(item)) {
            throw new AnswerRefusal(field(item), "activity " + number + " needs a name");
        }
        String name = text(answers, item).strip();
        if (name.isEmpty()) {
            throw new AnswerRefusal(field(item), "activity " + number + " needs a name");
        }
        if (name.length() > PSFS_NAME_MAX_LENGTH) {
            throw new AnswerRefusal(field(item), "at most " + PSFS_NAME_MAX_LENGTH + " characters");
        }
    }

    private static void onlyKnown(Map<String, Object> answers, Set<String> items) {
        answers.keySet().stream()
                .filter(item -> !items.contains(item))
                .sorted()
                .findFirst()
                .ifPresent(item -> {
                    throw new AnswerRefusal(field(item), "no such item in this questionnaire");
                });
    }

    private static int rating(Map<String, Object> answers, String item, int min, int max) {
        Object value = answers.get(item);
        if (value == null) {
            throw new AnswerRefusal(field(item), "required: a whole number from " + min + " to " + max);
        }
        if (!(value instanceof Integer number) || number < min || number > max) {
            throw new AnswerRefusal(field(item), "must be a whole number from " + min + " to " + max);
        }
        return number;
    }

    private static boolean tick(Map<String, Object> answers, String item) {
        Object value = answers.get(item);
        if (value == null) {
            throw new AnswerRefusal(field(item), "required: true when the statement describes you today, else false");
        }
        if (!(value instanceof Boolean ticked)) {
            throw new AnswerRefusal(field(item), "must be true or false");
        }
        return ticked;
    }

    private static String text(Map<String, Object> answers, String item) {
        if (!(answers.get(item) instanceof String text)) {
            throw new AnswerRefusal(field(item), "must be text");
        }
        return text;
    }

    private static String numbersPadded(String linkId) {
        return Pattern.compile("\\d+")
                .matcher(linkId)
                .replaceAll(number -> String.format(Locale.ROOT, "%09d", Long.parseLong(number.group())));
    }

    private static String name(int number) {
        return "activity-" + number + "-name";
    }

    private static String ratingOf(int number) {
        return "activity-" + number + "-rating";
    }

    private static String field(String item) {
        return ANSWERS + "." + item;
    }
}

package org.backstrong.planner.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each measure's score from its answers, and each way an answer is refused (naming the item). */
class OutcomeScoringTest {

    @ParameterizedTest(name = "NPRS {0} → {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "pain=0  | 0  | NPRS: pain rated 0 of 10",
                "pain=7  | 7  | NPRS: pain rated 7 of 10",
                "pain=10 | 10 | NPRS: pain rated 10 of 10",
            })
    void scoresNprsAsTheRating(String answers, String score, String basis) {
        assertScore(OutcomeScoring.nprs(answers(answers)), score, 1, 1, basis);
    }

    @ParameterizedTest(name = "NPRS {0} refused at {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "''           | answers.pain",
                "pain=11      | answers.pain",
                "pain=-1      | answers.pain",
                "pain=yes     | answers.pain",
                "pain=true    | answers.pain",
                "pain=3,mood=2 | answers.mood",
            })
    void refusesNprsAnswersItCannotScore(String answers, String field) {
        assertRefused(field, () -> OutcomeScoring.nprs(answers(answers)));
    }

    @ParameterizedTest(name = "RMDQ ticks {0} → {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "''                                                   | 0",
                "1                                                    | 1",
                "1 2 3 4 5 6 7 8 9 10 11 12 13 14                     | 14",
                "1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 | 24",
            })
    void scoresRmdqAsTheStatementsTicked(String ticked, String score) {
        assertScore(OutcomeScoring.rmdq(rmdq(ticked)), score, 24, 24, "RMDQ: " + score + " of 24 statements ticked");
    }

    @ParameterizedTest(name = "RMDQ {0} refused at {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "drop rmdq-7    | answers.rmdq-7",
                "rmdq-3=1       | answers.rmdq-3",
                "rmdq-3=yes     | answers.rmdq-3",
                "rmdq-25=true   | answers.rmdq-25",
                "rmdq-0=false   | answers.rmdq-0",
            })
    void refusesRmdqAnswersItCannotScore(String change, String field) {
        Map<String, Object> answers = rmdq("");
        if (change.startsWith("drop ")) {
            answers.remove(change.substring(5));
        } else {
            answers.putAll(answers(change));
        }
        assertRefused(field, () -> OutcomeScoring.rmdq(answers));
    }

    @ParameterizedTest(name = "PSFS {0} after [{1}] → {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                // answers | activities named before | score | items | basis
                "1n=Lifting;1r=3;2n=Gardening;2r=5;3n=Walking;3r=7 | '' | 5.0 | 3"
                        + " | PSFS: mean of 3 activities rated 3, 5, 7 = 5.0 of 10",
                "1n=a;1r=5;2n=b;2r=7;3n=c;3r=7 | '' | 6.3 | 3 | PSFS: mean of 3 activities rated 5, 7, 7 = 6.3 of 10",
                "1n=a;1r=0;2n=b;2r=0;3n=c;3r=0;4n=d;4r=0;5n=e;5r=1 | '' | 0.2 | 5"
                        + " | PSFS: mean of 5 activities rated 0, 0, 0, 0, 1 = 0.2 of 10",
                "1n=a;1r=10;2n=b;2r=10;3n=c;3r=10;4n=d;4r=9 | '' | 9.8 | 4"
                        + " | PSFS: mean of 4 activities rated 10, 10, 10, 9 = 9.8 of 10",
                "1r=4;2r=6;3r=9 | Lifting;Gardening;Walking | 6.3 | 3 | PSFS: mean of 3 activities rated 4, 6, 9 = 6.3 of 10",
                "1n=Lifting;1r=4;2r=6;3r=9 | Lifting;Gardening;Walking | 6.3 | 3"
                        + " | PSFS: mean of 3 activities rated 4, 6, 9 = 6.3 of 10",
            })
    void scoresPsfsAsTheMeanRating(String answers, String before, String score, int items, String basis) {
        assertScore(OutcomeScoring.psfs(psfs(answers), list(before)), score, items, items, basis);
    }

    @ParameterizedTest(name = "PSFS {0} after [{1}] refused at {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "1n=a;1r=5;2n=b;2r=7                     | ''      | answers.activity-3-name",
                "1n=a;1r=5;2n=b;2r=7;3n=c                | ''      | answers.activity-3-rating",
                "1n=a;1r=5;2n=b;2r=7;3r=1                | ''      | answers.activity-3-name",
                "1n=a;1r=5;2n=b;2r=7;3n= ;3r=1           | ''      | answers.activity-3-name",
                "1n=a;1r=5;2n=b;2r=11;3n=c;3r=1          | ''      | answers.activity-2-rating",
                "1n=a;1r=5;2n=b;2r=7;3n=c;3r=1;5n=e;5r=2 | ''      | answers.activity-5-name",
                "1n=a;1r=5;2n=b;2r=7;3n=c;3r=1;6n=f      | ''      | answers.activity-6-name",
                "1r=4;2r=6                               | a;b;c   | answers.activity-3-rating",
                "1r=4;2r=6;3r=5;4r=5                     | a;b;c   | answers.activity-4-rating",
                "1r=4;2n=x;2r=6;3r=5                     | a;b;c   | answers.activity-2-name",
            })
    void refusesPsfsAnswersItCannotScore(String answers, String before, String field) {
        assertRefused(field, () -> OutcomeScoring.psfs(psfs(answers), list(before)));
    }

    @ParameterizedTest(name = "ODI {0} → {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "0 0 0 0 0 0 0 0 0 0 | 0.0   | 10 | ODI: 0 of 50 (10 sections answered) = 0.0 %",
                "5 5 5 5 5 5 5 5 5 5 | 100.0 | 10 | ODI: 50 of 50 (10 sections answered) = 100.0 %",
                "2 3 1 4 2 3 0 5 2 - | 48.9  | 9  | ODI: 22 of 45 (9 sections answered) = 48.9 %",
                "3 3 1 4 2 3 0 5 2 - | 51.1  | 9  | ODI: 23 of 45 (9 sections answered) = 51.1 %",
                "1 - - - - - - - - - | 20.0  | 1  | ODI: 1 of 5 (1 sections answered) = 20.0 %",
            })
    void scoresOdiAsAPercentageOfTheSectionsAnswered(String sections, String score, int answered, String basis) {
        assertScore(OutcomeScoring.odi(odi(sections), ODI_ITEMS), score, answered, 10, basis);
    }

    @ParameterizedTest(name = "ODI {0} refused at {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "- - - - - - - - - -   | answers.s1",
                "6 0 0 0 0 0 0 0 0 0   | answers.s1",
                "0 0 -1 0 0 0 0 0 0 0  | answers.s3",
            })
    void refusesOdiAnswersItCannotScore(String sections, String field) {
        assertRefused(field, () -> OutcomeScoring.odi(odi(sections), ODI_ITEMS));
    }

    @org.junit.jupiter.api.Test
    void refusesAnOdiItemTheWordingHasNot() {
        Map<String, Object> answers = odi("0 0 0 0 0 0 0 0 0 0");
        answers.put("s11", 1);
        assertRefused("answers.s11", () -> OutcomeScoring.odi(answers, ODI_ITEMS));
    }

    @org.junit.jupiter.api.Test
    void aFirstPsfsResponseGivesItsActivitiesInOrder() {
        assertEquals(
                List.of("Lifting", "Gardening", "Walking"),
                OutcomeScoring.psfsActivities(psfs("1n= Lifting ;1r=3;2n=Gardening;2r=5;3n=Walking;3r=7")));
    }

    @org.junit.jupiter.api.Test
    void ordersItemsAsTheirQuestionnaireDoes() {
        List<String> items = new java.util.ArrayList<>(
                List.of("rmdq-10", "rmdq-2", "activity-2-name", "activity-1-rating", "rmdq-1", "activity-1-name"));
        items.sort(OutcomeScoring.ITEM_ORDER);
        assertEquals(
                List.of("activity-1-name", "activity-1-rating", "activity-2-name", "rmdq-1", "rmdq-2", "rmdq-10"),
                items);
    }

    private static final List<String> ODI_ITEMS = List.of("s1", "s2", "s3", "s4", "s5", "s6", "s7", "s8", "s9", "s10");

    private static void assertScore(OutcomeScore scored, String score, int answered, int total, String basis) {
        assertEquals(new BigDecimal(score), scored.score());
        assertEquals(answered, scored.itemsAnswered());
        assertEquals(total, scored.itemsTotal());
        assertEquals(basis, scored.basis());
    }

    private static void assertRefused(String field, org.junit.jupiter.api.function.Executable scoring) {
        AnswerRefusal refusal = assertThrows(AnswerRefusal.class, scoring);
        assertEquals(field, refusal.field(), refusal.getMessage());
    }

    /** "pain=7,mood=x": an integer where the text is one, true/false for booleans, else the text. */
    private static Map<String, Object> answers(String text) {
        Map<String, Object> answers = new HashMap<>();
        if (text.isBlank()) {
            return answers;
        }
        for (String pair : text.split("[,;]")) {
            String[] parts = pair.split("=", 2);
            answers.put(parts[0].strip(), value(parts[1]));
        }
        return answers;
    }

    private static Object value(String text) {
        if (text.strip().matches("-?\\d+")) {
            return Integer.valueOf(text.strip());
        }
        if (text.equals("true") || text.equals("false")) {
            return Boolean.valueOf(text);
        }
        return text;
    }

    private static Map<String, Object> rmdq(String ticked) {
        Map<String, Object> answers = new HashMap<>();
        for (int number = 1; number <= 24; number++) {
            answers.put("rmdq-" + number, false);
        }
        Arrays.stream(ticked.split(" "))
                .filter(number -> !number.isBlank())
                .forEach(number -> answers.put("rmdq-" + number, true));
        return answers;
    }

    /** "1n=Lifting;1r=3": activity 1's name and rating. */
    private static Map<String, Object> psfs(String text) {
        Map<String, Object> answers = new HashMap<>();
        answers(text)
                .forEach((key, value) -> answers.put(
                        "activity-" + key.substring(0, key.length() - 1) + (key.endsWith("n") ? "-name" : "-rating"),
                        key.endsWith("n") ? String.valueOf(value) : value));
        return answers;
    }

    private static Map<String, Object> odi(String sections) {
        Map<String, Object> answers = new HashMap<>();
        String[] values = sections.split(" ");
        for (int section = 0; section < values.length; section++) {
            if (!values[section].equals("-")) {
                answers.put("s" + (section + 1), Integer.valueOf(values[section]));
            }
        }
        return answers;
    }

    private static List<String> list(String text) {
        return text.isBlank() ? List.of() : List.of(text.split(";"));
    }
}

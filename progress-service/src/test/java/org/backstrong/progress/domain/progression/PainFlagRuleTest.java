package org.backstrong.progress.domain.progression;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class PainFlagRuleTest {

    private static final LocalDate W1 = LocalDate.of(2026, 3, 2);

    private static SetResult set(int pain, boolean beyond) {
        return new SetResult(2, "left", 10, null, null, null, 2, null, pain, beyond);
    }

    @ParameterizedTest(name = "pain {0}, beyond normal fatigue {1}: {2}")
    @CsvSource({
        "0, false, ",
        "5, false, ",
        "6, false, PAIN_ABOVE_FIVE",
        "10, false, PAIN_ABOVE_FIVE",
        "3, true, BEYOND_NORMAL_FATIGUE",
        "7, true, PAIN_ABOVE_FIVE"
    })
    void raisesAStopDuringASetAboveFiveOrBeyondNormalFatigue(int pain, boolean beyond, PainFlagRule rule) {
        Optional<FlagCall> call = PainFlagRule.duringSet(set(pain, beyond));
        assertEquals(Optional.ofNullable(rule), call.map(FlagCall::rule));
        call.ifPresent(flag -> assertEquals(PainFlagSeverity.STOP, flag.severity()));
    }

    @Test
    void namesTheNumbersInTheEvidence() {
        assertEquals(
                "pain 7 during set 2 (left) (above 5)",
                PainFlagRule.duringSet(set(7, false)).orElseThrow().evidence());
    }

    static Stream<Arguments> notes() {
        String evidence = "pain 7 during set 2 (above 5)";
        return Stream.of(
                Arguments.of("no note", null, evidence),
                Arguments.of("an empty note", "", evidence),
                Arguments.of("a blank note", " \n\t ", evidence),
                Arguments.of("only non-breaking spaces", "\u00a0\u00a0", evidence),
                Arguments.of(
                        "a note",
                        "sharp pain in my left side",
                        evidence + "; the patient wrote: \"sharp pain in my left side\""),
                Arguments.of("spaces around it", "  sharp pain  ", evidence + "; the patient wrote: \"sharp pain\""),
                Arguments.of(
                        "line breaks and runs of spaces",
                        "sharp pain\r\nin my   left\n\nside",
                        evidence + "; the patient wrote: \"sharp pain in my left side\""),
                Arguments.of(
                        "Unicode separators",
                        "sharp\u00a0pain\u2028left side",
                        evidence + "; the patient wrote: \"sharp pain left side\""),
                Arguments.of(
                        "quotes of its own",
                        "it \"clicked\" twice",
                        evidence + "; the patient wrote: \"it \"clicked\" twice\""),
                Arguments.of(
                        "markup, kept as text for the page to escape",
                        "<script>alert(1)</script>",
                        evidence + "; the patient wrote: \"<script>alert(1)</script>\""),
                Arguments.of(
                        "other languages",
                        "douleur vive à gauche",
                        evidence + "; the patient wrote: \"douleur vive à gauche\""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notes")
    void endsTheEvidenceWithThePatientsNoteInTheirWords(String what, String note, String evidence) {
        assertEquals(evidence, PainFlagRule.withPatientNote("pain 7 during set 2 (above 5)", note));
    }

    @Test
    void quotesTheNoteOfTheSetThatRaisedTheStop() {
        assertEquals(
                "pain 7 during set 2 (left) (above 5); the patient wrote: \"sharp pain\"",
                PainFlagRule.duringSet(set(7, false), "sharp pain")
                        .orElseThrow()
                        .evidence());
        assertEquals(
                "pain beyond normal muscle fatigue during set 2 (left) (pain 3); the patient wrote: \"burning\"",
                PainFlagRule.duringSet(set(3, true), "burning").orElseThrow().evidence());
        assertEquals(
                "pain 7 during set 2 (left) (above 5)",
                PainFlagRule.duringSet(set(7, false), null).orElseThrow().evidence());
        assertTrue(PainFlagRule.duringSet(set(2, false), "a bit sore, fine").isEmpty(), "a note alone raises nothing");
    }

    @ParameterizedTest(name = "morning {0} after {1}: {2}")
    @CsvSource({"4, 2, true", "3, 2, false", "2, 2, false", "0, 5, false", "9, 0, true", "6, , false"})
    void raisesAWatchWhenTheMorningIsTwoOrMorePointsAboveThePreSessionLevel(
            int morning, Integer before, boolean watch) {
        Optional<FlagCall> call = PainFlagRule.morningAfter(W1, morning, before);
        assertEquals(watch, call.isPresent());
        assertEquals(!watch, PainFlagRule.settled(morning, before));
        call.ifPresent(flag -> {
            assertEquals(PainFlagSeverity.WATCH, flag.severity());
            assertEquals(PainFlagRule.MORNING_PAIN_ROSE, flag.rule());
        });
    }

    /**
     * @param weeks the three weeks, as weeks after 2 March 2026 ("0 1 2" are consecutive)
     * @param clause what the evidence says fired, empty when no flag
     */
    @ParameterizedTest(name = "{0} → {1} → {2} (weeks {3}): {4}")
    @CsvSource(delimiter = '|', textBlock = """
            1.0 | 1.3 | 1.5 | 0 1 2 |
            1.0 | 1.5 | 2.0 | 0 1 2 | up 1.0 in all, at least 1 point)
            0.7 | 1.2 | 1.7 | 0 1 2 | up 1.0 in all, at least 1 point)
            1.0 | 1.4 | 1.9 | 0 1 2 |
            2.5 | 2.8 | 3.0 | 0 1 2 |
            2.5 | 2.8 | 3.1 | 0 1 2 | (rising two weeks in a row; last week 3.1, above 3)
            4.0 | 4.1 | 4.2 | 0 1 2 | (rising two weeks in a row; last week 4.2, above 3)
            2.0 | 2.5 | 3.5 | 0 1 2 | (rising two weeks in a row; up 1.5 in all, at least 1 point; last week 3.5, above 3)
            3.5 | 3.2 | 4.6 | 0 1 2 |
            1.0 | 2.0 | 2.0 | 0 1 2 |
            3.0 | 3.5 | 3.4 | 0 1 2 |
            1.0 | 2.0 | 3.5 | 0 1 3 |
            1.0 | 2.0 | 3.5 | 0 2 3 |
            """)
    void raisesAWatchWhenTheWeeklyMeanRoseTwoWeeksInARowByAPointOrToAboveThree(
            double first, double second, double third, String weeks, String clause) {
        int[] after =
                Arrays.stream(weeks.split(" ")).mapToInt(Integer::parseInt).toArray();
        Optional<FlagCall> call = PainFlagRule.weeklyTrend(List.of(
                new WeekPain(W1.plusWeeks(after[0]), first),
                new WeekPain(W1.plusWeeks(after[1]), second),
                new WeekPain(W1.plusWeeks(after[2]), third)));
        assertEquals(
                clause != null, call.isPresent(), call.map(FlagCall::evidence).orElse("no flag"));
        call.ifPresent(flag -> {
            assertEquals(PainFlagSeverity.WATCH, flag.severity());
            assertEquals(PainFlagRule.WEEKLY_PAIN_RISING, flag.rule());
            assertTrue(flag.evidence().endsWith(clause), flag.evidence());
        });
    }

    @Test
    void namesTheWeeklyMeansAndTheClausesThatFiredInTheEvidence() {
        Optional<FlagCall> call = PainFlagRule.weeklyTrend(List.of(
                new WeekPain(W1, 1.5), new WeekPain(W1.plusWeeks(1), 2.0), new WeekPain(W1.plusWeeks(2), 3.25)));
        assertEquals(
                "weekly mean pain 1.5 → 2.0 → 3.3 in the weeks from 2026-03-02 (rising two weeks in a row; up 1.8 "
                        + "in all, at least 1 point; last week 3.3, above 3)",
                call.orElseThrow().evidence());
    }

    @Test
    void needsThreeWeeks() {
        assertTrue(PainFlagRule.weeklyTrend(List.of(new WeekPain(W1, 1), new WeekPain(W1.plusWeeks(1), 4)))
                .isEmpty());
    }
}

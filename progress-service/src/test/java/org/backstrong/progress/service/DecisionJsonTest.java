package org.backstrong.progress.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.backstrong.progress.domain.progression.DoseKind;
import org.backstrong.progress.domain.progression.DoubleProgression;
import org.backstrong.progress.domain.progression.Load;
import org.backstrong.progress.domain.progression.MorningCheck;
import org.backstrong.progress.domain.progression.PastDecision;
import org.backstrong.progress.domain.progression.Prescription;
import org.backstrong.progress.domain.progression.ProgressionDecision;
import org.backstrong.progress.domain.progression.ProgressionInput;
import org.backstrong.progress.domain.progression.ProgressionRule;
import org.backstrong.progress.domain.progression.SetResult;

/**
 * The JSON a decision is recorded with (its evidence and its prescriptions), byte for byte as decisions
 * recorded before: the timeline and any reader of old rows depend on the same keys, values and order.
 */
class DecisionJsonTest {

    /** As Quarkus configures it: java.time as ISO text. */
    private static final ObjectMapper JSON = DecisionJson.on(
            new ObjectMapper().findAndRegisterModules().disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS));

    private static final LocalDate MONDAY = LocalDate.of(2026, 3, 9);
    private static final LocalDate LAST_FRIDAY = LocalDate.of(2026, 3, 6);

    private static Prescription row(String kg, int sets) {
        return new Prescription(
                DoseKind.REPS,
                sets,
                3,
                8,
                12,
                null,
                null,
                null,
                false,
                new Load.Kilograms(new BigDecimal(kg)),
                new BigDecimal("5"),
                60,
                "good-morning");
    }

    private static Prescription plank() {
        return new Prescription(
                DoseKind.HOLD,
                3,
                3,
                null,
                null,
                20,
                40,
                null,
                true,
                new Load.Bodyweight(),
                null,
                45,
                "side-plank-leg-lift");
    }

    private static List<SetResult> atTop(Prescription p, int lowest) {
        List<SetResult> sets = new ArrayList<>();
        for (String side : p.perSide() ? new String[] {"left", "right"} : new String[] {null}) {
            for (int n = 1; n <= p.sets(); n++) {
                int amount = n == 1 ? lowest : p.top();
                sets.add(new SetResult(
                        n,
                        side,
                        p.countsReps() ? amount : null,
                        p.countsReps() ? null : amount,
                        p.loadKg(),
                        null,
                        2,
                        new BigDecimal("7.5"),
                        2,
                        false));
            }
        }
        return sets;
    }

    private static ProgressionInput input(
            Prescription p,
            List<SetResult> sets,
            String status,
            LocalDate later,
            MorningCheck checkIn,
            Prescription start,
            List<PastDecision> earlier) {
        return new ProgressionInput(p, sets, status, later, false, false, false, false, checkIn, start, earlier);
    }

    static Stream<Arguments> decisions() {
        MorningCheck settled = new MorningCheck(MONDAY, 2, true);
        Prescription row12 = row("12.0", 3);
        return Stream.of(
                Arguments.of(
                        "a load step",
                        input(row("2.0", 3), atTop(row("2.0", 3), 12), "active", null, settled, null, List.of()),
                        "ADD_LOAD {\"setsPrescribed\":3,\"setsLogged\":3,\"extraSetsNotCounted\":0,\"bottom\""
                                + ":8,\"top\":12,\"unit\":\"reps\",\"lowest\":12,\"highestPain\":2,\"lowestRir\":2,\"highest"
                                + "Rpe\":7.5,\"beyondNormalFatigue\":false,\"firstWeek\":false,\"stopFlagOpen\":false,"
                                + "\"watchFlagOpen\":false,\"checkInPain\":2,\"checkInSettled\":true,\"loadBeforeKg\":2"
                                + ".0,\"loadAfterKg\":2.5,\"loadStepPercentAsked\":5,\"loadIncreasePercent\":25.0,\"sm"
                                + "allestStepKg\":0.5,\"smallestStep\":true,\"aboveTheAdvisedRange\":true} {\"doseKin"
                                + "d\":\"reps\",\"sets\":3,\"setsMax\":3,\"repsMin\":8,\"repsMax\":12,\"secondsMin\":null,\"s"
                                + "econdsMax\":null,\"holdSeconds\":null,\"perSide\":false,\"loadKind\":\"kg\",\"loadKg\":"
                                + "2.0,\"band\":null,\"loadStepPercent\":5,\"restSeconds\":60,\"harderVariantId\":\"good"
                                + "-morning\",\"timedHold\":false} {\"doseKind\":\"reps\",\"sets\":3,\"setsMax\":3,\"repsMi"
                                + "n\":8,\"repsMax\":12,\"secondsMin\":null,\"secondsMax\":null,\"holdSeconds\":null,\"pe"
                                + "rSide\":false,\"loadKind\":\"kg\",\"loadKg\":2.5,\"band\":null,\"loadStepPercent\":5,\"r"
                                + "estSeconds\":60,\"harderVariantId\":\"good-morning\",\"timedHold\":false}"),
                Arguments.of(
                        "a paused plan",
                        input(row12, atTop(row12, 12), "paused", null, settled, null, List.of()),
                        "PLAN_PAUSED {\"setsPrescribed\":3,\"setsLogged\":3,\"extraSetsNotCounted\":0,\"bott"
                                + "om\":8,\"top\":12,\"unit\":\"reps\",\"lowest\":12,\"highestPain\":2,\"lowestRir\":2,\"high"
                                + "estRpe\":7.5,\"beyondNormalFatigue\":false,\"firstWeek\":false,\"stopFlagOpen\":fal"
                                + "se,\"watchFlagOpen\":false,\"checkInPain\":2,\"checkInSettled\":true,\"planStatus\":"
                                + "\"paused\"} {\"doseKind\":\"reps\",\"sets\":3,\"setsMax\":3,\"repsMin\":8,\"repsMax\":12,\""
                                + "secondsMin\":null,\"secondsMax\":null,\"holdSeconds\":null,\"perSide\":false,\"loadK"
                                + "ind\":\"kg\",\"loadKg\":12.0,\"band\":null,\"loadStepPercent\":5,\"restSeconds\":60,\"ha"
                                + "rderVariantId\":\"good-morning\",\"timedHold\":false} {\"doseKind\":\"reps\",\"sets\":3"
                                + ",\"setsMax\":3,\"repsMin\":8,\"repsMax\":12,\"secondsMin\":null,\"secondsMax\":null,\"h"
                                + "oldSeconds\":null,\"perSide\":false,\"loadKind\":\"kg\",\"loadKg\":12.0,\"band\":null,\""
                                + "loadStepPercent\":5,\"restSeconds\":60,\"harderVariantId\":\"good-morning\",\"timedH"
                                + "old\":false}"),
                Arguments.of(
                        "a later session decided",
                        input(row12, atTop(row12, 12), "active", MONDAY, null, null, List.of()),
                        "LATER_SESSION_DECIDED {\"setsPrescribed\":3,\"setsLogged\":3,\"extraSetsNotCounte"
                                + "d\":0,\"bottom\":8,\"top\":12,\"unit\":\"reps\",\"lowest\":12,\"highestPain\":2,\"lowestRi"
                                + "r\":2,\"highestRpe\":7.5,\"beyondNormalFatigue\":false,\"firstWeek\":false,\"stopFla"
                                + "gOpen\":false,\"watchFlagOpen\":false,\"checkInPain\":null,\"checkInSettled\":null,"
                                + "\"laterSessionDecided\":\"2026-03-09\"} {\"doseKind\":\"reps\",\"sets\":3,\"setsMax\":3,"
                                + "\"repsMin\":8,\"repsMax\":12,\"secondsMin\":null,\"secondsMax\":null,\"holdSeconds\":n"
                                + "ull,\"perSide\":false,\"loadKind\":\"kg\",\"loadKg\":12.0,\"band\":null,\"loadStepPerce"
                                + "nt\":5,\"restSeconds\":60,\"harderVariantId\":\"good-morning\",\"timedHold\":false} {"
                                + "\"doseKind\":\"reps\",\"sets\":3,\"setsMax\":3,\"repsMin\":8,\"repsMax\":12,\"secondsMin\""
                                + ":null,\"secondsMax\":null,\"holdSeconds\":null,\"perSide\":false,\"loadKind\":\"kg\",\""
                                + "loadKg\":12.0,\"band\":null,\"loadStepPercent\":5,\"restSeconds\":60,\"harderVariant"
                                + "Id\":\"good-morning\",\"timedHold\":false}"),
                Arguments.of(
                        "a step back",
                        input(
                                row12,
                                atTop(row12, 7),
                                "active",
                                null,
                                settled,
                                row("10.0", 2),
                                List.of(new PastDecision(LAST_FRIDAY, ProgressionRule.BELOW_THE_RANGE, row12))),
                        "STEP_BACK_LOAD {\"setsPrescribed\":3,\"setsLogged\":3,\"extraSetsNotCounted\":0,\"b"
                                + "ottom\":8,\"top\":12,\"unit\":\"reps\",\"lowest\":7,\"highestPain\":2,\"lowestRir\":2,\"hi"
                                + "ghestRpe\":7.5,\"beyondNormalFatigue\":false,\"firstWeek\":false,\"stopFlagOpen\":f"
                                + "alse,\"watchFlagOpen\":false,\"checkInPain\":2,\"checkInSettled\":true,\"previousSe"
                                + "ssionBelowTheRange\":\"2026-03-06\",\"startingDose\":{\"doseKind\":\"reps\",\"sets\":2,"
                                + "\"setsMax\":3,\"repsMin\":8,\"repsMax\":12,\"secondsMin\":null,\"secondsMax\":null,\"ho"
                                + "ldSeconds\":null,\"perSide\":false,\"loadKind\":\"kg\",\"loadKg\":10.0,\"band\":null,\"l"
                                + "oadStepPercent\":5,\"restSeconds\":60,\"harderVariantId\":\"good-morning\",\"timedHo"
                                + "ld\":false}} {\"doseKind\":\"reps\",\"sets\":3,\"setsMax\":3,\"repsMin\":8,\"repsMax\":12"
                                + ",\"secondsMin\":null,\"secondsMax\":null,\"holdSeconds\":null,\"perSide\":false,\"loa"
                                + "dKind\":\"kg\",\"loadKg\":12.0,\"band\":null,\"loadStepPercent\":5,\"restSeconds\":60,\""
                                + "harderVariantId\":\"good-morning\",\"timedHold\":false} {\"doseKind\":\"reps\",\"sets\""
                                + ":3,\"setsMax\":3,\"repsMin\":8,\"repsMax\":12,\"secondsMin\":null,\"secondsMax\":null,"
                                + "\"holdSeconds\":null,\"perSide\":false,\"loadKind\":\"kg\",\"loadKg\":11.5,\"band\":null"
                                + ",\"loadStepPercent\":5,\"restSeconds\":60,\"harderVariantId\":\"good-morning\",\"time"
                                + "dHold\":false}"),
                Arguments.of(
                        "the harder variant again",
                        input(
                                plank().withSeconds(55, 60),
                                atTop(plank().withSeconds(55, 60), 60),
                                "active",
                                null,
                                settled,
                                null,
                                List.of(new PastDecision(
                                        LAST_FRIDAY, ProgressionRule.HARDER_VARIANT, plank().withSeconds(55, 60)))),
                        "HARDER_VARIANT_ALREADY_SUGGESTED {\"setsPrescribed\":6,\"setsLogged\":6,\"extraSe"
                                + "tsNotCounted\":0,\"bottom\":55,\"top\":60,\"unit\":\"seconds\",\"lowest\":60,\"highestPa"
                                + "in\":2,\"lowestRir\":2,\"highestRpe\":7.5,\"beyondNormalFatigue\":false,\"firstWeek\""
                                + ":false,\"stopFlagOpen\":false,\"watchFlagOpen\":false,\"checkInPain\":2,\"checkInSe"
                                + "ttled\":true,\"harderVariantSuggestedAfter\":\"2026-03-06\",\"suggestedVariantId\":"
                                + "\"side-plank-leg-lift\"} {\"doseKind\":\"hold\",\"sets\":3,\"setsMax\":3,\"repsMin\":nul"
                                + "l,\"repsMax\":null,\"secondsMin\":55,\"secondsMax\":60,\"holdSeconds\":null,\"perSide"
                                + "\":true,\"loadKind\":\"bodyweight\",\"loadKg\":null,\"band\":null,\"loadStepPercent\":n"
                                + "ull,\"restSeconds\":45,\"harderVariantId\":\"side-plank-leg-lift\",\"timedHold\":tru"
                                + "e} {\"doseKind\":\"hold\",\"sets\":3,\"setsMax\":3,\"repsMin\":null,\"repsMax\":null,\"se"
                                + "condsMin\":55,\"secondsMax\":60,\"holdSeconds\":null,\"perSide\":true,\"loadKind\":\"b"
                                + "odyweight\",\"loadKg\":null,\"band\":null,\"loadStepPercent\":null,\"restSeconds\":45"
                                + ",\"harderVariantId\":\"side-plank-leg-lift\",\"timedHold\":true}"),
                Arguments.of(
                        "no sets at all",
                        input(plank(), List.of(), "active", null, null, null, List.of()),
                        "SETS_MISSED {\"setsPrescribed\":6,\"setsLogged\":0,\"extraSetsNotCounted\":0,\"bott"
                                + "om\":20,\"top\":40,\"unit\":\"seconds\",\"lowest\":null,\"highestPain\":null,\"lowestRir"
                                + "\":null,\"highestRpe\":null,\"beyondNormalFatigue\":false,\"firstWeek\":false,\"stop"
                                + "FlagOpen\":false,\"watchFlagOpen\":false,\"checkInPain\":null,\"checkInSettled\":nu"
                                + "ll} {\"doseKind\":\"hold\",\"sets\":3,\"setsMax\":3,\"repsMin\":null,\"repsMax\":null,\"s"
                                + "econdsMin\":20,\"secondsMax\":40,\"holdSeconds\":null,\"perSide\":true,\"loadKind\":\""
                                + "bodyweight\",\"loadKg\":null,\"band\":null,\"loadStepPercent\":null,\"restSeconds\":4"
                                + "5,\"harderVariantId\":\"side-plank-leg-lift\",\"timedHold\":true} {\"doseKind\":\"hol"
                                + "d\",\"sets\":3,\"setsMax\":3,\"repsMin\":null,\"repsMax\":null,\"secondsMin\":20,\"secon"
                                + "dsMax\":40,\"holdSeconds\":null,\"perSide\":true,\"loadKind\":\"bodyweight\",\"loadKg\""
                                + ":null,\"band\":null,\"loadStepPercent\":null,\"restSeconds\":45,\"harderVariantId\":"
                                + "\"side-plank-leg-lift\",\"timedHold\":true}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("decisions")
    void recordsTheSameJsonAsBefore(String situation, ProgressionInput input, String expected) throws Exception {
        ProgressionDecision decision = DoubleProgression.decide(input);
        String recorded = decision.rule() + " " + JSON.writeValueAsString(decision.evidence()) + " "
                + JSON.writeValueAsString(decision.before()) + " " + JSON.writeValueAsString(decision.after());
        assertEquals(expected, recorded);
    }
}

package org.backstrong.progress.domain.progression;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** One load step up: the step percentage to the nearest half kilo, and at least the smallest step, even beyond 10 %. */
class LoadStepTest {

    @ParameterizedTest(name = "{0} kg + {1} %: {2} kg, +{3} %, smallest step {4}")
    @CsvSource(delimiter = '|', textBlock = """
            20   | 5   | 21.0 | 5.0   | false | false | from 20 kg to 21 kg (+5 %)
            20   | 10  | 22.0 | 10.0  | false | false | from 20 kg to 22 kg (+10 %)
            10   | 5   | 10.5 | 5.0   | false | false | from 10 kg to 10.5 kg (+5 %)
            10   | 10  | 11.0 | 10.0  | false | false | from 10 kg to 11 kg (+10 %)
            5    | 5   | 5.5  | 10.0  | true  | false | from 5 kg to 5.5 kg (+10 %, the smallest step)
            5    | 10  | 5.5  | 10.0  | false | false | from 5 kg to 5.5 kg (+10 %)
            2    | 5   | 2.5  | 25.0  | true  | true  | from 2 kg to 2.5 kg (+25 %, the smallest step)
            2    | 10  | 2.5  | 25.0  | true  | true  | from 2 kg to 2.5 kg (+25 %, the smallest step)
            1    | 5   | 1.5  | 50.0  | true  | true  | from 1 kg to 1.5 kg (+50 %, the smallest step)
            1    | 10  | 1.5  | 50.0  | true  | true  | from 1 kg to 1.5 kg (+50 %, the smallest step)
            4    | 5   | 4.5  | 12.5  | true  | true  | from 4 kg to 4.5 kg (+13 %, the smallest step)
            0    | 5   | 0.5  |       | true  | false | from 0 kg to 0.5 kg (the smallest step)
            """)
    void takesTheStepAskedOrTheSmallestStepAndSaysThePercentage(
            String load, String percent, String to, String increase, boolean smallest, boolean aboveTen, String words) {
        LoadStep step = LoadStep.up(new BigDecimal(load), new BigDecimal(percent));
        assertEquals(new BigDecimal(to), step.toKg());
        assertEquals(increase == null ? null : new BigDecimal(increase), step.percent());
        assertEquals(smallest, step.smallestStep());
        assertEquals(aboveTen, step.aboveTheAdvisedRange());
        assertEquals(words, step.inWords());
    }

    @ParameterizedTest(name = "{0} kg + {1} % = {2} kg")
    @CsvSource({
        "10.0, 5, 10.5",
        "20, 5, 21.0",
        "22.5, 5, 23.5",
        "2, 5, 2.5",
        "40, 10, 44.0",
        "7.5, 2.5, 8.0",
        "60, , 63.0",
        "2.25, 5, 3.0",
        "0.25, 5, 1.0",
        "10.25, 5, 11.0"
    })
    void raisesTheLoadOneStepToTheNearestHalfKiloAndAlwaysByAtLeastHalfAKilo(
            String load, String percent, String expected) {
        assertEquals(
                new BigDecimal(expected),
                LoadStep.up(new BigDecimal(load), percent == null ? null : new BigDecimal(percent))
                        .toKg());
    }

    @ParameterizedTest(name = "{0} kg - {1} % = {2} kg")
    @CsvSource({
        "12.0, 5, 11.5",
        "10.5, 5, 10.0",
        "10, 5, 9.5",
        "2.5, 5, 2.0",
        "1, 5, 0.5",
        "0.5, 5, 0.0",
        "44, 10, 40.0",
        "63, , 60.0",
        "10.25, 5, 9.5"
    })
    void lowersTheLoadOneStepToTheNearestHalfKiloAlwaysByAtLeastHalfAKiloAndNeverBelowNothing(
            String load, String percent, String expected) {
        assertEquals(
                new BigDecimal(expected),
                LoadStep.previousLoad(new BigDecimal(load), percent == null ? null : new BigDecimal(percent)));
    }
}

package org.backstrong.catalog.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ExerciseIdsTest {

    static Stream<Arguments> names() {
        return Stream.of(
                Arguments.of("Wall slide", "wall-slide"),
                Arguments.of("  Suspended Row (TRX or Rings) ", "suspended-row-trx-or-rings"),
                Arguments.of("Übung für den Rücken", "ubung-fur-den-rucken"),
                Arguments.of("90/90 hip switch", "90-90-hip-switch"),
                Arguments.of("背中", "exercise"),
                Arguments.of("---", "exercise"),
                Arguments.of("a".repeat(59) + " bb", "a".repeat(59)),
                Arguments.of("x".repeat(200), "x".repeat(60)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("names")
    void stemsTheNameIntoHyphenatedWords(String name, String stem) {
        assertEquals(stem, ExerciseIds.stem(name));
    }

    @Test
    void everyIdFitsTheCatalogsIdRule() {
        ExerciseIds ids = new ExerciseIds(new Random(7));
        for (String name : new String[] {"Wall slide", "x".repeat(200), "背中", "Good Morning!"}) {
            String id = ids.next(name);
            assertTrue(id.matches("[a-z0-9]+(-[a-z0-9]+)*"), id);
            assertTrue(id.length() <= 80, id);
            assertTrue(id.matches(".+-[a-z0-9]{8}"), id);
        }
    }
}

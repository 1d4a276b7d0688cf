package org.backstrong.progress.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The k-anonymity rule of the analysts' answers, one row per edge (ARCHITECTURE: no group of fewer than 5 patients). */
class SmallGroupsTest {

    static Stream<Arguments> groups() {
        return Stream.of(
                // minimum, patients in the group, suppressed
                Arguments.of(5, 0, false),
                Arguments.of(5, 1, true),
                Arguments.of(5, 2, true),
                Arguments.of(5, 4, true),
                Arguments.of(5, 5, false),
                Arguments.of(5, 6, false),
                Arguments.of(5, 1_000, false),
                Arguments.of(10, 9, true),
                Arguments.of(10, 10, false),
                Arguments.of(1, 1, false),
                Arguments.of(1, 0, false));
    }

    @ParameterizedTest(name = "at least {0}: a group of {1} suppressed {2}")
    @MethodSource("groups")
    void suppressesAGroupOfOneToFewerThanTheMinimum(int minimum, long patients, boolean suppressed) {
        assertEquals(suppressed, new SmallGroups(minimum).suppresses(patients));
    }

    @ParameterizedTest(name = "at least {0}: single patients drawn from {1} suppressed {2}")
    @MethodSource("groups")
    void showsSinglePatientsOnlyWhenDrawnFromEnoughOfThem(int minimum, long population, boolean suppressed) {
        assertEquals(suppressed, new SmallGroups(minimum).suppressesPatientsOf(population));
    }

    @Test
    void theDefaultIsFive() {
        assertEquals(5, SmallGroups.DEFAULT_MINIMUM);
    }

    static Stream<Arguments> notes() {
        return Stream.of(
                Arguments.of(0, null),
                Arguments.of(1, "1 week is not shown: groups of fewer than 5 patients are suppressed"),
                Arguments.of(3, "3 weeks are not shown: groups of fewer than 5 patients are suppressed"));
    }

    @ParameterizedTest(name = "{0} left out")
    @MethodSource("notes")
    void saysWhatWasLeftOut(long suppressed, String note) {
        assertEquals(note, new SmallGroups(5).note(suppressed, "week", "weeks"));
    }

    @Test
    void refusesAMinimumBelowOne() {
        assertThrows(IllegalArgumentException.class, () -> new SmallGroups(0));
        assertNull(new SmallGroups(1).note(0, "week", "weeks"));
    }
}

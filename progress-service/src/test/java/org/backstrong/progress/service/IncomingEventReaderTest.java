package org.backstrong.progress.service;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.backstrong.progress.event.PlanItemData;
import org.backstrong.progress.event.PlanSnapshot;

/**
 * A plan whose dose the engine could not read is refused when it is read, as an invalid event (and
 * parked), not later in the batch, where the consumer would retry it for ever.
 */
class IncomingEventReaderTest {

    static Stream<Arguments> items() {
        return Stream.of(
                Arguments.of("a reps dose with its range", item("reps", 2, 3, 8, 12, null, null), true),
                Arguments.of("a reps dose without repsMin", item("reps", 2, 3, null, 12, null, null), false),
                Arguments.of("a reps range upside down", item("reps", 2, 3, 12, 8, null, null), false),
                Arguments.of("a hold with its seconds", item("hold", 1, 2, null, null, 20, 40), true),
                Arguments.of("a hold without seconds", item("hold", 1, 2, 8, 12, null, null), false),
                Arguments.of("a duration without secondsMax", item("duration", 1, 1, null, null, 300, null), false),
                Arguments.of("no sets", item("reps", 0, 3, 8, 12, null, null), false),
                Arguments.of("more sets than setsMax", item("reps", 4, 3, 8, 12, null, null), false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("items")
    void refusesADoseTheEngineCannotRead(String what, PlanItemData item, boolean readable) {
        PlanSnapshot plan = new PlanSnapshot(
                UUID.randomUUID(),
                "patient",
                "clinic",
                UUID.randomUUID(),
                "Plan",
                LocalDate.of(2026, 3, 2),
                4,
                List.of(1, 3, 5),
                "active",
                List.of(item),
                null,
                null,
                null);
        if (readable) {
            assertTrue(IncomingEventReader.checked(plan) == plan);
        } else {
            assertThrows(InvalidEventException.class, () -> IncomingEventReader.checked(plan));
        }
    }

    private static PlanItemData item(
            String doseKind,
            int sets,
            int setsMax,
            Integer repsMin,
            Integer repsMax,
            Integer secondsMin,
            Integer secondsMax) {
        return new PlanItemData(
                UUID.randomUUID(),
                "dumbbell-row",
                1,
                "Dumbbell Row",
                "main",
                1,
                doseKind,
                sets,
                setsMax,
                repsMin,
                repsMax,
                secondsMin,
                secondsMax,
                null,
                false,
                "kg",
                new BigDecimal("10"),
                null,
                new BigDecimal("5"),
                60,
                null,
                false);
    }
}

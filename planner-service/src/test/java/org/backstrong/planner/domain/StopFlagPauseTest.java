package org.backstrong.planner.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** An exercise stays paused while any STOP flag on it is open, whatever order flags come and go in. */
class StopFlagPauseTest {

    private static final UUID A = UUID.fromString("00000000-0000-4000-8000-00000000000a");
    private static final UUID B = UUID.fromString("00000000-0000-4000-8000-00000000000b");

    /** Each step: "+A" a STOP flag A raised, "-A" flag A resolved; then whether the exercise is paused. */
    static Stream<Arguments> sequences() {
        return Stream.of(
                Arguments.of("+A", true),
                Arguments.of("+A -A", false),
                Arguments.of("+A +B -A", true),
                Arguments.of("+A +B -B", true),
                Arguments.of("+A +B -A -B", false),
                Arguments.of("+A +B -B -A", false),
                Arguments.of("+A +A -A", false),
                Arguments.of("+A -A -A", false),
                Arguments.of("-A", false),
                Arguments.of("+A -B", true),
                Arguments.of("+A -A +B", true),
                Arguments.of("+A -A +B -B", false));
    }

    @ParameterizedTest(name = "{0} → paused {1}")
    @MethodSource("sequences")
    void pausedWhileAnyStopFlagIsOpen(String steps, boolean paused) {
        Set<UUID> open = Set.of();
        for (String step : steps.split(" ")) {
            UUID flag = step.charAt(1) == 'A' ? A : B;
            open = step.charAt(0) == '+' ? StopFlagPause.raised(open, flag) : StopFlagPause.resolved(open, flag);
        }

        assertEquals(paused, StopFlagPause.paused(open));
    }
}

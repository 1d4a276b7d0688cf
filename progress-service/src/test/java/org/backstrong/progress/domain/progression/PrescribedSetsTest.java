package org.backstrong.progress.domain.progression;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which logged sets decide: set numbers up to the prescription's sets, each side its own count, each slot once. */
class PrescribedSetsTest {

    /**
     * @param logged the sets as logged, in order: "number" or "number/side", space-separated
     * @param decide the ones that decide, the same way
     */
    @ParameterizedTest(name = "{0} sets, per side {1}: {2} -> {3}")
    @CsvSource(delimiter = '|', textBlock = """
            2 | false | 1 2            | 1 2
            2 | false | 1 2 3          | 1 2
            2 | false | 3 1            | 1
            2 | false | 1 1 2          | 1 2
            2 | false | 0 1            | 1
            1 | false | 1 2 3 4        | 1
            2 | true  | 1/left 1/right 2/left 2/right 3/left 3/right | 1/left 1/right 2/left 2/right
            2 | true  | 1/left 2/left 3/left 1/right                 | 1/left 2/left 1/right
            2 | true  | 1/left 1 1/right                             | 1/left 1/right
            2 | true  | 1/left 1/left 1/right                        | 1/left 1/right
            """)
    void keepsOnlyThePrescribedSetsOnEachSideOnceInTheOrderLogged(
            int sets, boolean perSide, String logged, String decide) {
        Prescription prescription = new Prescription(
                DoseKind.REPS, sets, 3, 8, 12, null, null, null, perSide, new Load.Bodyweight(), null, 45, null);
        assertEquals(decide, slots(PrescribedSets.of(prescription, sets(logged))));
    }

    private static List<SetResult> sets(String slots) {
        return Arrays.stream(slots.split(" "))
                .map(slot -> {
                    String[] parts = slot.split("/");
                    return new SetResult(
                            Integer.parseInt(parts[0]),
                            parts.length > 1 ? parts[1] : null,
                            10,
                            null,
                            null,
                            null,
                            2,
                            null,
                            2,
                            false);
                })
                .toList();
    }

    private static String slots(List<SetResult> sets) {
        return String.join(
                " ",
                sets.stream()
                        .map(set -> set.setNumber() + (set.side() == null ? "" : "/" + set.side()))
                        .toList());
    }
}

package org.backstrong.progress.domain.progression;

import java.util.List;
import java.util.Optional;

/** Resistance bands from lightest to heaviest; a load step is one colour. */
public final class Bands {

    public static final List<String> LIGHTEST_FIRST = List.of("yellow", "red", "green", "blue", "black", "silver", "gold");

    private Bands() {
    }

    /** The next heavier colour, or empty at the heaviest (or for a colour we do not know). */
    public static Optional<String> heavierThan(String colour) {
        int index = LIGHTEST_FIRST.indexOf(colour);
        return index < 0 || index == LIGHTEST_FIRST.size() - 1 ? Optional.empty() : Optional.of(LIGHTEST_FIRST.get(index + 1));
    }

    /** The next lighter colour, or empty at the lightest (or for a colour we do not know). */
    public static Optional<String> lighterThan(String colour) {
        int index = LIGHTEST_FIRST.indexOf(colour);
        return index <= 0 ? Optional.empty() : Optional.of(LIGHTEST_FIRST.get(index - 1));
    }

    /** Lightest first; -1 for a colour we do not know. */
    public static int weight(String colour) {
        return LIGHTEST_FIRST.indexOf(colour);
    }
}

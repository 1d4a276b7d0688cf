package org.backstrong.planner.domain;

import java.util.List;

/** Resistance bands from lightest to heaviest; a load step is one colour. */
public final class BandColours {

    public static final List<String> LIGHTEST_FIRST =
            List.of("yellow", "red", "green", "blue", "black", "silver", "gold");

    private BandColours() {}

    public static boolean known(String colour) {
        return LIGHTEST_FIRST.contains(colour);
    }
}

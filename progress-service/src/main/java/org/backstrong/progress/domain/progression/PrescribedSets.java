package org.backstrong.progress.domain.progression;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Only prescribed sets decide (architecture page, "Clinical rules"): set numbers 1 to the
 * prescription's sets, counted on each side when the exercise is done per side. A set the patient
 * added beyond them neither blocks a progression nor earns one; a prescribed set logged twice counts
 * once, as first logged. What an extra set hurt still raises its own STOP flag ({@link PainFlagRule}
 * judges every set), and an open STOP flag holds the exercise before any of this is looked at.
 */
public final class PrescribedSets {

    private static final List<String> SIDES = List.of("left", "right");

    private PrescribedSets() {}

    /** The sets of a session that decide, in the order they were logged. */
    public static List<SetResult> of(Prescription prescription, List<SetResult> logged) {
        List<SetResult> prescribed = new ArrayList<>(logged.size());
        Set<String> slots = new HashSet<>();
        for (SetResult set : logged) {
            if (prescribed(prescription, set) && slots.add(set.setNumber() + "/" + Objects.toString(set.side(), ""))) {
                prescribed.add(set);
            }
        }
        return prescribed;
    }

    /** Set 1 up to the prescription's sets; per side, on a named side (each side has its own numbers). */
    static boolean prescribed(Prescription prescription, SetResult set) {
        boolean numbered = set.setNumber() >= 1 && set.setNumber() <= prescription.sets();
        return numbered && (!prescription.perSide() || set.side() != null && SIDES.contains(set.side()));
    }
}

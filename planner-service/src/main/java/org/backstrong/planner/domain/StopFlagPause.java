package org.backstrong.planner.domain;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

/**
 * The architecture page's rule "an exercise stays paused while any STOP flag on it is open": the
 * STOP flags open on one plan item, and whether it is paused. Raising a flag again or resolving one
 * that is not open changes nothing (events may be redelivered).
 */
public final class StopFlagPause {

    private StopFlagPause() {}

    /** The open flags after a STOP flag was raised. */
    public static Set<UUID> raised(Set<UUID> open, UUID flagId) {
        Set<UUID> after = new LinkedHashSet<>(open);
        after.add(flagId);
        return Collections.unmodifiableSet(after);
    }

    /** The open flags after a flag was resolved. */
    public static Set<UUID> resolved(Set<UUID> open, UUID flagId) {
        Set<UUID> after = new LinkedHashSet<>(open);
        after.remove(flagId);
        return Collections.unmodifiableSet(after);
    }

    public static boolean paused(Set<UUID> open) {
        return !open.isEmpty();
    }
}

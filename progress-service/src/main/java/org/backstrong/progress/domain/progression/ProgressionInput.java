package org.backstrong.progress.domain.progression;

import java.time.LocalDate;
import java.util.List;

/**
 * Everything the engine looks at for one exercise after a session: its prescription, the sets
 * of that session, where the plan stands, what the flags and the last check-in say, and what was
 * decided after this exercise's earlier sessions.
 *
 * @param planStatus the plan's status when the session is decided ({@link #PLAN_ACTIVE}, {@link #PLAN_PAUSED}
 *        or completed)
 * @param laterSessionDecided the latest session of the plan decided already, when it is after this
 *        session (this one arrived late); null otherwise
 * @param lastCheckIn the latest morning check-in before the session, or null when there was none
 * @param startingDose the item's prescription when it entered the plan (its first-week dose), the
 *        floor of a step back; null when not known
 * @param earlierDecisions this item's decisions after earlier sessions, newest first
 */
public record ProgressionInput(
        Prescription prescription,
        List<SetResult> sets,
        String planStatus,
        LocalDate laterSessionDecided,
        boolean firstWeek,
        boolean exercisePaused,
        boolean stopFlagOpen,
        boolean watchFlagOpen,
        MorningCheck lastCheckIn,
        Prescription startingDose,
        List<PastDecision> earlierDecisions) {

    /** The plan statuses the engine tells apart, as the plan events spell them; any other has ended. */
    public static final String PLAN_ACTIVE = "active";

    public static final String PLAN_PAUSED = "paused";

    public ProgressionInput {
        earlierDecisions = earlierDecisions == null ? List.of() : List.copyOf(earlierDecisions);
    }
}

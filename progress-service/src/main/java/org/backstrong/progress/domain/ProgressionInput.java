package org.backstrong.progress.domain;

import java.util.List;

/**
 * Everything the engine looks at for one exercise after a session: its prescription, the sets
 * of that session, where the plan stands, what the flags and the last check-in say, and what was
 * decided after this exercise's earlier sessions.
 *
 * @param lastCheckIn the latest morning check-in before the session, or null when there was none
 * @param startingDose the item's prescription when it entered the plan (its first-week dose), the
 *        floor of a step back; null when not known
 * @param earlierDecisions this item's decisions after earlier sessions, newest first
 */
public record ProgressionInput(Prescription prescription, List<SetResult> sets, boolean firstWeek,
        boolean exercisePaused, boolean stopFlagOpen, boolean watchFlagOpen, MorningCheck lastCheckIn,
        Prescription startingDose, List<PastDecision> earlierDecisions) {

    public ProgressionInput {
        earlierDecisions = earlierDecisions == null ? List.of() : List.copyOf(earlierDecisions);
    }
}

package org.backstrong.progress.domain;

import java.util.List;

/**
 * Everything the engine looks at for one exercise after a session: its prescription, the sets
 * of that session, where the plan stands and what the flags and the last check-in say.
 *
 * @param lastCheckIn the latest morning check-in before the session, or null when there was none
 */
public record ProgressionInput(Prescription prescription, List<SetResult> sets, boolean firstWeek,
        boolean exercisePaused, boolean stopFlagOpen, boolean watchFlagOpen, MorningCheck lastCheckIn) {
}

package org.backstrong.progress.domain.progression;

import java.time.LocalDate;

/**
 * An earlier decision on the same plan item, as the engine needs it to see a pattern across
 * sessions: the session it followed, the rule that decided and the prescription the patient was
 * doing then.
 */
public record PastDecision(LocalDate sessionDate, ProgressionRule rule, Prescription before) {}

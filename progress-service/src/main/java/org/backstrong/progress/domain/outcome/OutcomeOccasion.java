package org.backstrong.progress.domain.outcome;

/** Which point of the schedule a response answers: at enrolment (the baseline), a follow-up, or the plan's end. */
public enum OutcomeOccasion {
    BASELINE,
    FOLLOW_UP,
    END_OF_PLAN
}

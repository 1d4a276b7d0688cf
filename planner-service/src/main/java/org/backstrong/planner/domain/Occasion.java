package org.backstrong.planner.domain;

/** Which point of a plan's outcome schedule a response answers. */
public enum Occasion {
    /** At enrolment: the plan's start date. */
    BASELINE,
    /** Every two weeks after the start. */
    FOLLOW_UP,
    /** On the plan's end date. */
    END_OF_PLAN
}

package org.backstrong.progress.domain;

/** The rule behind every progression decision, as recorded and published. */
public enum ProgressionRule {
    ADD_SET,
    ADD_LOAD,
    NEXT_BAND,
    /** Bodyweight: a longer pause in each rep (up to 5 s). */
    HOLD_LONGER_IN_EACH_REP,
    /** Bodyweight: the rep range two reps higher (up to 20). */
    MORE_REPS,
    /** Bodyweight timed hold: the seconds range five seconds longer (up to 60 s). */
    LONGER_HOLD,
    HARDER_VARIANT,
    TOP_OF_PROGRESSION,
    STOP_FLAG_OPEN,
    EXERCISE_PAUSED,
    WATCH_FLAG_OPEN,
    FIRST_WEEK_START_LIGHT,
    PAIN_ABOVE_FIVE,
    BEYOND_NORMAL_FATIGUE,
    PAIN_FOUR_TO_FIVE,
    SETS_MISSED,
    REPS_MISSED,
    EFFORT_TOO_HIGH,
    EFFORT_NOT_REPORTED,
    NO_MORNING_CHECK_IN,
    MORNING_NOT_SETTLED
}

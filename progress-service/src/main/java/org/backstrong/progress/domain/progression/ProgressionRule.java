package org.backstrong.progress.domain.progression;

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
    /** At the end of the ladder again: the harder variant was suggested for this prescription already. */
    HARDER_VARIANT_ALREADY_SUGGESTED,
    TOP_OF_PROGRESSION,
    /** The plan was paused when the session was decided: it changes nothing, then or later. */
    PLAN_PAUSED,
    /** The plan had ended when the session was decided: it changes nothing. */
    PLAN_ENDED,
    /** A later session of the plan was decided before this one arrived: decisions follow session dates, it changes nothing. */
    LATER_SESSION_DECIDED,
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
    MORNING_NOT_SETTLED,
    /** A prescribed set below the bottom of the range, the first session in a row: hold, a step back comes next. */
    BELOW_THE_RANGE,
    /** Below the range two sessions in a row: kg down one load step. */
    STEP_BACK_LOAD,
    /** Below the range two sessions in a row: the next lighter band. */
    STEP_BACK_BAND,
    /** Bodyweight, below the range two sessions in a row: the rep range two reps lower. */
    STEP_BACK_REPS,
    /** Bodyweight, below the range two sessions in a row: a pause in each rep one second shorter. */
    STEP_BACK_PAUSE_IN_EACH_REP,
    /** Bodyweight timed hold, below the range two sessions in a row: the seconds range five seconds shorter. */
    STEP_BACK_HOLD,
    /** Below the range two sessions in a row at the bottom of the load ladder: one set fewer. */
    STEP_BACK_SET,
    /** Below the range two sessions in a row, already at the starting dose: hold, the clinician decides. */
    BELOW_THE_RANGE_AT_STARTING_DOSE;

    /** The holds that count a session as below the range, so that a second one in a row steps back. */
    public boolean countsAsBelowTheRange() {
        return this == BELOW_THE_RANGE || this == BELOW_THE_RANGE_AT_STARTING_DOSE;
    }
}

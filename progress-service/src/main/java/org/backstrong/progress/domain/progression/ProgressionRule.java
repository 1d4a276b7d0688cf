package org.backstrong.progress.domain.progression;

/** The rule behind every progression decision, as recorded and published, and the outcome it always gives. */
public enum ProgressionRule {
    ADD_SET(Outcome.PROGRESS),
    ADD_LOAD(Outcome.PROGRESS),
    NEXT_BAND(Outcome.PROGRESS),
    /** Bodyweight: a longer pause in each rep (up to 5 s). */
    HOLD_LONGER_IN_EACH_REP(Outcome.PROGRESS),
    /** Bodyweight: the rep range two reps higher (up to 20). */
    MORE_REPS(Outcome.PROGRESS),
    /** Bodyweight timed hold: the seconds range five seconds longer (up to 60 s). */
    LONGER_HOLD(Outcome.PROGRESS),
    HARDER_VARIANT(Outcome.PROGRESS),
    /** At the end of the ladder again: the harder variant was suggested for this prescription already. */
    HARDER_VARIANT_ALREADY_SUGGESTED(Outcome.HOLD),
    TOP_OF_PROGRESSION(Outcome.HOLD),
    /** The plan was paused when the session was decided: it changes nothing, then or later. */
    PLAN_PAUSED(Outcome.HOLD),
    /** The plan had ended when the session was decided: it changes nothing. */
    PLAN_ENDED(Outcome.HOLD),
    /** A later session of the plan was decided before this one arrived: decisions follow session dates, it changes nothing. */
    LATER_SESSION_DECIDED(Outcome.HOLD),
    STOP_FLAG_OPEN(Outcome.HOLD),
    EXERCISE_PAUSED(Outcome.HOLD),
    WATCH_FLAG_OPEN(Outcome.HOLD),
    FIRST_WEEK_START_LIGHT(Outcome.HOLD),
    PAIN_ABOVE_FIVE(Outcome.HOLD),
    BEYOND_NORMAL_FATIGUE(Outcome.HOLD),
    PAIN_FOUR_TO_FIVE(Outcome.HOLD),
    SETS_MISSED(Outcome.HOLD),
    REPS_MISSED(Outcome.HOLD),
    EFFORT_TOO_HIGH(Outcome.HOLD),
    EFFORT_NOT_REPORTED(Outcome.HOLD),
    NO_MORNING_CHECK_IN(Outcome.HOLD),
    MORNING_NOT_SETTLED(Outcome.HOLD),
    /** A prescribed set below the bottom of the range, the first session in a row: hold, a step back comes next. */
    BELOW_THE_RANGE(Outcome.HOLD),
    /** Below the range two sessions in a row: kg down one load step. */
    STEP_BACK_LOAD(Outcome.REGRESS),
    /** Below the range two sessions in a row: the next lighter band. */
    STEP_BACK_BAND(Outcome.REGRESS),
    /** Bodyweight, below the range two sessions in a row: the rep range two reps lower. */
    STEP_BACK_REPS(Outcome.REGRESS),
    /** Bodyweight, below the range two sessions in a row: a pause in each rep one second shorter. */
    STEP_BACK_PAUSE_IN_EACH_REP(Outcome.REGRESS),
    /** Bodyweight timed hold, below the range two sessions in a row: the seconds range five seconds shorter. */
    STEP_BACK_HOLD(Outcome.REGRESS),
    /** Below the range two sessions in a row at the bottom of the load ladder: one set fewer. */
    STEP_BACK_SET(Outcome.REGRESS),
    /** Below the range two sessions in a row, already at the starting dose: hold, the clinician decides. */
    BELOW_THE_RANGE_AT_STARTING_DOSE(Outcome.HOLD);

    private final Outcome outcome;

    ProgressionRule(Outcome outcome) {
        this.outcome = outcome;
    }

    /** What a decision by this rule does: each rule progresses, holds or regresses, never two of these. */
    public Outcome outcome() {
        return outcome;
    }

    /** The holds that count a session as below the range, so that a second one in a row steps back. */
    public boolean countsAsBelowTheRange() {
        return this == BELOW_THE_RANGE || this == BELOW_THE_RANGE_AT_STARTING_DOSE;
    }
}

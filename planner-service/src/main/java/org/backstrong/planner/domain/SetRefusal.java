package org.backstrong.planner.domain;

/**
 * Why a set (or a session completion) may not be logged: which kind of refusal, its stable problem type, the
 * offending field when there is one, and the words a patient reads.
 */
public record SetRefusal(Kind kind, String problemType, String field, String message) {

    /** How the refusal is answered: no such plan of the patient's, a state that forbids it, or bad input. */
    public enum Kind {
        /** The plan is not the patient's, or does not exist. */
        NOT_FOUND,
        /** Valid, but the state forbids it: the plan is not active, the exercise is paused, the slot is taken. */
        CONFLICT,
        /** A field that does not fit what is prescribed. */
        INVALID_FIELD,
        /** Well formed, but not about a session that can be logged (a future day, a day without a session). */
        UNPROCESSABLE
    }

    /** {@code what} names what was not found, e.g. "Plan 6f1c...". */
    static SetRefusal notFound(String what) {
        return new SetRefusal(Kind.NOT_FOUND, "not-found", null, what);
    }

    static SetRefusal conflict(String problemType, String message) {
        return new SetRefusal(Kind.CONFLICT, problemType, null, message);
    }

    static SetRefusal invalidField(String field, String message) {
        return new SetRefusal(Kind.INVALID_FIELD, "invalid-input", field, message);
    }

    static SetRefusal unprocessable(String problemType, String field, String message) {
        return new SetRefusal(Kind.UNPROCESSABLE, problemType, field, message);
    }
}

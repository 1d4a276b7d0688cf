package org.backstrong.planner.domain;

/** An answer a measure cannot be scored from; {@code field} is the path the client sent, e.g. {@code answers.rmdq-3}. */
public class AnswerRefusal extends RuntimeException {

    private final String field;

    public AnswerRefusal(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}

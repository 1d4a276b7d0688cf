package org.backstrong.catalog.service;

/** No such exercise, or none the caller may see (the same answer, so ids do not leak). */
public class ExerciseNotFoundException extends RuntimeException {

    public ExerciseNotFoundException(String id) {
        super("No exercise " + id);
    }
}

package org.backstrong.planner.service;

/** Nothing there, or nothing this caller may see: the same answer, so ids do not leak. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String what) {
        super(what + " not found");
    }
}

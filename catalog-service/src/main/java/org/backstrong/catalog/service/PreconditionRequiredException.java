package org.backstrong.catalog.service;

/** A change that must name the version it is based on (If-Match) came without one. */
public class PreconditionRequiredException extends RuntimeException {

    public PreconditionRequiredException(String message) {
        super(message);
    }
}

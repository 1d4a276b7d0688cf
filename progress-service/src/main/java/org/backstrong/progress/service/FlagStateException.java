package org.backstrong.progress.service;

/** A flag cannot move that way, e.g. resolving a resolved flag. */
public class FlagStateException extends RuntimeException {

    public FlagStateException(String message) {
        super(message);
    }
}

package org.backstrong.catalog.service;

/** The client edited an older version than the current one (If-Match did not match). */
public class StaleVersionException extends RuntimeException {

    public StaleVersionException(String id, int expected, int current) {
        super("Exercise " + id + " is at version " + current + ", not " + expected + ": reload it and edit again");
    }
}

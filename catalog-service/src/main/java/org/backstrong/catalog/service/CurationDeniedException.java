package org.backstrong.catalog.service;

/** The caller may see the exercise but not change it (e.g. a clinician and a global exercise). */
public class CurationDeniedException extends RuntimeException {

    public CurationDeniedException(String message) {
        super(message);
    }
}

package org.backstrong.planner.domain;

/**
 * Who makes a change: the id the audit trail keys on (a token subject, or "automatic") and the
 * name people read, taken when the change is written (a name may change later, the entry does not).
 */
public record Author(String id, String name) {

    /** The progression engine and the pain-flag rules. */
    public static final Author AUTOMATIC = new Author(PrescriptionChange.AUTOMATIC, null);

    public static Author of(String id) {
        return new Author(id, null);
    }
}

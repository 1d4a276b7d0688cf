package org.backstrong.progress.domain;

/**
 * Analysts never see a group of fewer patients than the minimum (k-anonymity; five by default):
 * a row of an aggregate that counts 1 to k-1 patients is left out, and rows of single patients
 * (pseudonyms) are shown only when the patients they are drawn from number at least k. A group
 * of no patients tells nothing about anyone and stays.
 */
public final class SmallGroups {

    /** The smallest group analysts may see (ARCHITECTURE: no group of fewer than 5 patients). */
    public static final int DEFAULT_MINIMUM = 5;

    private final int minimum;

    public SmallGroups(int minimum) {
        if (minimum < 1) {
            throw new IllegalArgumentException("the smallest group must be at least 1 patient, not " + minimum);
        }
        this.minimum = minimum;
    }

    public int minimum() {
        return minimum;
    }

    /** Whether an aggregate of this many patients is left out. */
    public boolean suppresses(long patients) {
        return patients > 0 && patients < minimum;
    }

    /** Whether rows of single patients, drawn from this many patients, are left out (all of them). */
    public boolean suppressesPatientsOf(long population) {
        return suppresses(population);
    }

    /** What an answer says about what it left out ("2 weeks are not shown: ..."), or null when it left out nothing. */
    public String note(long suppressed, String one, String many) {
        if (suppressed == 0) {
            return null;
        }
        return suppressed + " " + (suppressed == 1 ? one + " is" : many + " are") + " not shown: groups of fewer than "
                + minimum + " patients are suppressed";
    }
}

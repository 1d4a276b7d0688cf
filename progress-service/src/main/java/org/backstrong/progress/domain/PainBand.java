package org.backstrong.progress.domain;

import org.backstrong.progress.domain.progression.PainScale;

/**
 * Pain as the pain-monitoring model reads it (Thomeé 1997; Silbernagel 2007): 0–2 safe, up to 5
 * acceptable, above 5 not. Rows of single patients show an analyst only the band, never the number,
 * so a pseudonymous row cannot be matched to a patient's known pain scores.
 */
public enum PainBand {
    SAFE("0-2"),
    ACCEPTABLE("3-5"),
    TOO_HIGH("6-10");

    private final String label;

    PainBand(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The band of a pain score or a mean of scores (0–10): a mean just above 2 is no longer safe. */
    public static PainBand of(double pain) {
        if (pain < 0 || pain > 10 || Double.isNaN(pain)) {
            throw new IllegalArgumentException("pain is 0 to 10, not " + pain);
        }
        if (pain <= PainScale.HIGHEST_SAFE) {
            return SAFE;
        }
        return pain <= PainScale.HIGHEST_ACCEPTABLE ? ACCEPTABLE : TOO_HIGH;
    }

    /** The label of the band, or null when there is no pain to band. */
    public static String labelOf(Number pain) {
        return pain == null ? null : of(pain.doubleValue()).label();
    }
}

package org.backstrong.planner.domain;

/**
 * A patient-reported outcome measure: its scale and the FHIR Questionnaire it is answered on
 * (planner-service/src/main/resources/questionnaires/). ODI's wording is never shipped: a clinic
 * that holds a licence loads it.
 */
public enum Measure {
    NPRS(10, false, true),
    PSFS(10, true, true),
    RMDQ(24, false, true),
    ODI(100, false, false);

    /** The version of every Questionnaire Backstrong ships, and of the ODI wording it accepts. */
    public static final String QUESTIONNAIRE_VERSION = "1.0.0";

    private final int scaleMax;
    private final boolean higherIsBetter;
    private final boolean shipped;

    Measure(int scaleMax, boolean higherIsBetter, boolean shipped) {
        this.scaleMax = scaleMax;
        this.higherIsBetter = higherIsBetter;
        this.shipped = shipped;
    }

    /** The top of the scale: 10 (NPRS, PSFS), 24 (RMDQ), 100 (ODI, a percentage). */
    public int scaleMax() {
        return scaleMax;
    }

    /** true only for PSFS: the others measure pain or disability. */
    public boolean higherIsBetter() {
        return higherIsBetter;
    }

    /** Whether Backstrong ships the wording (false for ODI, whose wording is copyrighted). */
    public boolean shipped() {
        return shipped;
    }

    /** The Questionnaire's id, its file name and the last segment of its canonical URL. */
    public String questionnaireId() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}

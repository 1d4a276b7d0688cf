package org.backstrong.progress.domain;

/** How the analysts' adherence figures are grouped: by ISO week, patient, plan template or exercise. */
public enum AdherenceGrouping {
    WEEK,
    PATIENT,
    TEMPLATE,
    EXERCISE
}

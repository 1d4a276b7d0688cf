package org.backstrong.planner.domain;

/** What makes an exercise heavier: kilograms, a stiffer band, or nothing (bodyweight). */
public enum LoadKind {
    KG,
    BAND,
    BODYWEIGHT
}

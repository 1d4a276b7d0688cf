package org.backstrong.planner.domain;

import java.math.BigDecimal;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/**
 * What a patient is asked to do for one exercise: sets (and how far they may grow), a rep or
 * seconds range, the load, rest, and how the load grows. Templates and plans carry the same.
 */
@Embeddable
public class Prescription {

    @Enumerated(EnumType.STRING)
    @Column(name = "dose_kind", nullable = false)
    public DoseKind doseKind;

    @Column(nullable = false)
    public int sets;

    /** Double progression adds sets up to this before it adds load. */
    @Column(name = "sets_max", nullable = false)
    public int setsMax;

    @Column(name = "reps_min")
    public Integer repsMin;

    @Column(name = "reps_max")
    public Integer repsMax;

    @Column(name = "seconds_min")
    public Integer secondsMin;

    @Column(name = "seconds_max")
    public Integer secondsMax;

    @Column(name = "hold_seconds")
    public Integer holdSeconds;

    @Column(name = "per_side", nullable = false)
    public boolean perSide;

    @Enumerated(EnumType.STRING)
    @Column(name = "load_kind", nullable = false)
    public LoadKind loadKind;

    @Column(name = "load_kg")
    public BigDecimal loadKg;

    public String band;

    @Column(name = "rest_seconds", nullable = false)
    public int restSeconds;

    @Column(name = "load_step_percent", nullable = false)
    public BigDecimal loadStepPercent;

    @Column(name = "harder_variant_id")
    public String harderVariantId;

    public String notes;

    public Prescription copy() {
        Prescription copy = new Prescription();
        copy.doseKind = doseKind;
        copy.sets = sets;
        copy.setsMax = setsMax;
        copy.repsMin = repsMin;
        copy.repsMax = repsMax;
        copy.secondsMin = secondsMin;
        copy.secondsMax = secondsMax;
        copy.holdSeconds = holdSeconds;
        copy.perSide = perSide;
        copy.loadKind = loadKind;
        copy.loadKg = loadKg;
        copy.band = band;
        copy.restSeconds = restSeconds;
        copy.loadStepPercent = loadStepPercent;
        copy.harderVariantId = harderVariantId;
        copy.notes = notes;
        return copy;
    }

    /** Sets a patient logs for this item in one session: each side counts when per side. */
    public int setsToLog() {
        return perSide ? sets * 2 : sets;
    }
}

package org.backstrong.planner.domain;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

/** What template and plan items share: a catalog exercise at a fixed version, its place, and its prescription. */
@MappedSuperclass
public abstract class PrescribedExercise {

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Block block;

    @Column(nullable = false)
    public int position;

    @Column(name = "exercise_id", nullable = false)
    public String exerciseId;

    @Column(name = "exercise_version", nullable = false)
    public int exerciseVersion;

    /** The name at that version, for display and print without asking the catalog. */
    @Column(name = "exercise_name", nullable = false)
    public String exerciseName;

    @Embedded
    public Prescription prescription;
}

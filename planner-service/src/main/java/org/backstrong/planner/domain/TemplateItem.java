package org.backstrong.planner.domain;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** One exercise of a template: a catalog exercise at a fixed version, and its prescription. */
@Entity
@Table(name = "template_item")
public class TemplateItem {

    @Id
    public UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "template_id")
    public Template template;

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

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

/** One exercise of a patient's plan, with its current prescription; paused while a STOP flag is open. */
@Entity
@Table(name = "plan_item")
public class PlanItem {

    @Id
    public UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "plan_id")
    public Plan plan;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Block block;

    @Column(nullable = false)
    public int position;

    @Column(name = "exercise_id", nullable = false)
    public String exerciseId;

    @Column(name = "exercise_version", nullable = false)
    public int exerciseVersion;

    @Column(name = "exercise_name", nullable = false)
    public String exerciseName;

    @Embedded
    public Prescription prescription;

    @Column(nullable = false)
    public boolean paused;

    @Column(name = "pause_reason")
    public String pauseReason;

    @Column(name = "pause_flag_id")
    public UUID pauseFlagId;
}

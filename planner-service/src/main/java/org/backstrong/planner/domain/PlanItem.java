package org.backstrong.planner.domain;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** One exercise of a patient's plan, with its current prescription; paused while a STOP flag is open. */
@Entity
@Table(name = "plan_item")
public class PlanItem extends PrescribedExercise {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "plan_id")
    public Plan plan;

    @Column(nullable = false)
    public boolean paused;

    @Column(name = "pause_reason")
    public String pauseReason;

    @Column(name = "pause_flag_id")
    public UUID pauseFlagId;
}

package org.backstrong.planner.domain;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
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

    /** The STOP flags open on this exercise ({@link StopFlagPause}): paused while there is any. */
    @ElementCollection
    @CollectionTable(name = "plan_item_stop_flag", joinColumns = @JoinColumn(name = "item_id"))
    @Column(name = "flag_id", nullable = false)
    public Set<UUID> openStopFlags = new HashSet<>();
}

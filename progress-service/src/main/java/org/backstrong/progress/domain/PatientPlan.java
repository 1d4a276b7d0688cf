package org.backstrong.progress.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The latest snapshot of a patient's plan, as PlanAssigned and PlanChanged carry it, with its status. */
@Entity
@Table(name = "patient_plan")
public class PatientPlan {

    public static final String ACTIVE = "active";
    public static final String PAUSED = "paused";
    public static final String COMPLETED = "completed";

    @Id
    @Column(name = "plan_id")
    public UUID planId;

    @Column(name = "patient_id", nullable = false)
    public String patientId;

    @Column(name = "clinic_id", nullable = false)
    public String clinicId;

    @Column(name = "template_id")
    public String templateId;

    public String name;

    @Column(name = "start_date", nullable = false)
    public LocalDate startDate;

    @Column(nullable = false)
    public int weeks;

    /** ISO weekdays of the sessions, comma-separated ("1,3,5"). */
    @Column(nullable = false)
    public String weekdays;

    @Column(nullable = false)
    public String status;

    /** The items with their prescriptions, as JSON (a list of PlanItemData). */
    @Column(nullable = false)
    public String items;

    /** Each item as it first entered the plan (JSON, a list of PlanItemData): where a step back stops. */
    @Column(name = "starting_items", nullable = false)
    public String startingItems;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;
}

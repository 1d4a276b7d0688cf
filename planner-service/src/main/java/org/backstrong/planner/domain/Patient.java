package org.backstrong.planner.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A clinic's patient; the id is the patient's Keycloak subject, so a token maps to exactly one patient. */
@Entity
@Table(name = "patient")
public class Patient {

    @Id
    public String id;

    @Column(name = "clinic_id", nullable = false)
    public String clinicId;

    @Column(name = "display_name", nullable = false)
    public String displayName;

    @Column(name = "enrolled_at", nullable = false)
    public OffsetDateTime enrolledAt;

    @Column(name = "enrolled_by", nullable = false)
    public String enrolledBy;

    /** Screening: a pre-existing back condition needs a professional's clearance before a plan starts. */
    @Column(name = "pre_existing_condition", nullable = false)
    public boolean preExistingCondition;

    @Column(name = "cleared_on")
    public LocalDate clearedOn;

    /** Who cleared the patient (a professional's name or role, as the clinic records it). */
    @Column(name = "cleared_by")
    public String clearedBy;
}

package org.backstrong.planner.domain;

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
}

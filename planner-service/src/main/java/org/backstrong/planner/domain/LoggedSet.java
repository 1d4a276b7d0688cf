package org.backstrong.planner.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A set as the patient logged it, under the id their device generated (a resend is harmless). */
@Entity
@Table(name = "logged_set")
public class LoggedSet {

    public enum Side {
        LEFT,
        RIGHT
    }

    @Id
    public UUID id;

    @Column(name = "patient_id", nullable = false)
    public String patientId;

    @Column(name = "plan_id", nullable = false)
    public UUID planId;

    @Column(name = "item_id", nullable = false)
    public UUID itemId;

    @Column(name = "session_date", nullable = false)
    public LocalDate sessionDate;

    @Column(name = "set_number", nullable = false)
    public int setNumber;

    @Enumerated(EnumType.STRING)
    public Side side;

    public Integer reps;

    public Integer seconds;

    @Column(name = "load_kg")
    public BigDecimal loadKg;

    public String band;

    public Integer rir;

    public BigDecimal rpe;

    @Column(nullable = false)
    public int pain;

    @Column(name = "beyond_normal_fatigue", nullable = false)
    public boolean beyondNormalFatigue;

    public String note;

    @Column(name = "logged_at", nullable = false)
    public OffsetDateTime loggedAt;
}

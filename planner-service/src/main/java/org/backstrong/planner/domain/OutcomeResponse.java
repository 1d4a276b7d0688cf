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

import org.hibernate.annotations.ColumnTransformer;

/** A patient's scored answer to an outcome measure, for one occasion of their plan's schedule. */
@Entity
@Table(name = "outcome_response")
public class OutcomeResponse {

    /** Generated on the patient's device: a resend finds this row. */
    @Id
    public UUID id;

    @Column(name = "patient_id", nullable = false)
    public String patientId;

    @Column(name = "plan_id", nullable = false)
    public UUID planId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Measure measure;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Occasion occasion;

    @Column(name = "due_on", nullable = false)
    public LocalDate dueOn;

    @Column(name = "completed_on", nullable = false)
    public LocalDate completedOn;

    /** The answers by linkId, as JSON (a follow-up PSFS also carries the activities' names). */
    @ColumnTransformer(write = "?::jsonb")
    @Column(nullable = false, columnDefinition = "jsonb")
    public String answers;

    @Column(nullable = false, precision = 4, scale = 1)
    public BigDecimal score;

    @Column(name = "items_answered", nullable = false)
    public int itemsAnswered;

    @Column(name = "items_total", nullable = false)
    public int itemsTotal;

    /** What the score was computed from, e.g. "RMDQ: 14 of 24 statements ticked". */
    @Column(nullable = false)
    public String basis;

    /** The Questionnaire answered, as canonical|version. */
    @Column(nullable = false)
    public String questionnaire;

    @Column(name = "logged_at", nullable = false)
    public OffsetDateTime loggedAt;
}

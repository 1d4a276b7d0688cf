package org.backstrong.planner.domain;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.ColumnTransformer;

/** One entry of a plan's audit trail: who changed what (a clinician, or automatic with the rule) and when. */
@Entity
@Table(name = "prescription_change")
public class PrescriptionChange {

    /** The changedBy of changes made by the progression engine. */
    public static final String AUTOMATIC = "automatic";

    @Id
    public UUID id;

    @Column(name = "plan_id", nullable = false)
    public UUID planId;

    @Column(name = "item_id")
    public UUID itemId;

    @Column(name = "changed_at", nullable = false)
    public OffsetDateTime changedAt;

    @Column(name = "changed_by", nullable = false)
    public String changedBy;

    /** The clinician's name from their token when they made the change; null for automatic changes. */
    @Column(name = "changed_by_name")
    public String changedByName;

    public String rule;

    @Column(nullable = false)
    public String reason;

    @ColumnTransformer(write = "?::jsonb")
    @Column(columnDefinition = "jsonb")
    public String before;

    @ColumnTransformer(write = "?::jsonb")
    @Column(columnDefinition = "jsonb")
    public String after;
}

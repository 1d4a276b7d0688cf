package org.backstrong.progress.domain;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.backstrong.progress.domain.progression.PainFlagSeverity;

/** A pain report that a clinician must see, with the rule that raised it and the numbers behind it. */
@Entity
@Table(name = "pain_flag")
public class PainFlag {

    @Id
    public UUID id;

    @Column(name = "clinic_id", nullable = false)
    public String clinicId;

    @Column(name = "patient_id", nullable = false)
    public String patientId;

    @Column(name = "exercise_id")
    public String exerciseId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PainFlagSeverity severity;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PainFlagStatus status;

    /** The rule that fired, e.g. PAIN_ABOVE_FIVE. */
    @Column(nullable = false)
    public String rule;

    /** The numbers that made it fire, in words a clinician reads. */
    @Column(nullable = false)
    public String evidence;

    @Column(name = "raised_at", nullable = false)
    public OffsetDateTime raisedAt;

    @Column(name = "plan_id")
    public UUID planId;

    /** The plan item the flag is about; null for a whole-plan flag. */
    @Column(name = "item_id")
    public UUID itemId;

    @Column(name = "acknowledged_by")
    public String acknowledgedBy;

    @Column(name = "acknowledged_at")
    public OffsetDateTime acknowledgedAt;

    @Column(name = "resolved_by")
    public String resolvedBy;

    @Column(name = "resolved_at")
    public OffsetDateTime resolvedAt;

    @Column(name = "resolution_note")
    public String resolutionNote;

    public boolean resolved() {
        return status == PainFlagStatus.RESOLVED;
    }
}

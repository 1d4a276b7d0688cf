package org.backstrong.progress.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.backstrong.progress.domain.progression.Outcome;

/** A progression decision as recorded: the rule, the numbers (JSON), the reason, before and after. */
@Entity
@Table(name = "decision")
public class Decision {

    @Id
    public UUID id;

    @Column(name = "patient_id", nullable = false)
    public String patientId;

    @Column(name = "clinic_id", nullable = false)
    public String clinicId;

    @Column(name = "plan_id", nullable = false)
    public UUID planId;

    @Column(name = "item_id", nullable = false)
    public UUID itemId;

    @Column(name = "exercise_id", nullable = false)
    public String exerciseId;

    @Column(name = "session_date", nullable = false)
    public LocalDate sessionDate;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Outcome outcome;

    @Column(nullable = false)
    public String rule;

    @Column(nullable = false)
    public String inputs;

    @Column(nullable = false)
    public String reason;

    @Column(name = "before_prescription", nullable = false)
    public String beforePrescription;

    @Column(name = "after_prescription", nullable = false)
    public String afterPrescription;

    @Column(name = "suggested_variant_id")
    public String suggestedVariantId;

    @Column(name = "source_event_id", nullable = false)
    public String sourceEventId;

    @Column(name = "decided_at", nullable = false)
    public OffsetDateTime decidedAt;
}

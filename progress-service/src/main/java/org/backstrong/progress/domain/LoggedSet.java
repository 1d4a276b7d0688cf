package org.backstrong.progress.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.backstrong.progress.domain.progression.SetResult;

/** One set a patient logged (SetCompleted). */
@Entity
@Table(name = "logged_set")
public class LoggedSet {

    @Id
    @Column(name = "set_id")
    public UUID setId;

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

    @Column(name = "set_number", nullable = false)
    public int setNumber;

    public String side;

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

    @Column(name = "logged_at", nullable = false)
    public OffsetDateTime loggedAt;

    /** What the patient wrote about the set, for their clinician only (never in analysts' answers); null when nothing. */
    public String note;

    public SetResult result() {
        return new SetResult(setNumber, side, reps, seconds, loadKg, band, rir, rpe, pain, beyondNormalFatigue);
    }
}

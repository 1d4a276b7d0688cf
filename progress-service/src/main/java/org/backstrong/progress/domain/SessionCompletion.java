package org.backstrong.progress.domain;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A finished session (SessionCompleted); it counts for adherence when 80 % of its sets were logged. */
@Entity
@Table(name = "session_completion")
public class SessionCompletion {

    /** At least this share of the prescribed sets makes a session count. */
    public static final double SHARE_THAT_COUNTS = 0.8;

    @EmbeddedId
    public Key key;

    @Column(name = "patient_id", nullable = false)
    public String patientId;

    @Column(name = "clinic_id", nullable = false)
    public String clinicId;

    @Column(name = "sets_prescribed", nullable = false)
    public int setsPrescribed;

    @Column(name = "sets_logged", nullable = false)
    public int setsLogged;

    @Column(nullable = false)
    public boolean counted;

    @Column(name = "completed_at", nullable = false)
    public OffsetDateTime completedAt;

    public static boolean counts(int setsPrescribed, int setsLogged) {
        return setsPrescribed <= 0 ? setsLogged > 0 : setsLogged >= SHARE_THAT_COUNTS * setsPrescribed;
    }

    @Embeddable
    public record Key(
            @Column(name = "plan_id") UUID planId,
            @Column(name = "session_date") LocalDate sessionDate) implements Serializable {}
}

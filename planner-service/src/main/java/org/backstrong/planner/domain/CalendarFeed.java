package org.backstrong.planner.domain;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A patient's private calendar feed: on while the row exists, reachable by the token whose hash it keeps. */
@Entity
@Table(name = "calendar_feed")
public class CalendarFeed {

    @Id
    @Column(name = "patient_id")
    public String patientId;

    /** SHA-256 of the token; the token itself is shown to the patient once and never stored. */
    @Column(name = "token_hash", nullable = false)
    public byte[] tokenHash;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;
}

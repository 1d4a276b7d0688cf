package org.backstrong.planner.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The morning after a session: has the pain settled? One a day per patient. */
@Entity
@Table(name = "morning_check_in")
public class MorningCheckIn {

    @Id
    public UUID id;

    @Column(name = "patient_id", nullable = false)
    public String patientId;

    @Column(name = "plan_id", nullable = false)
    public UUID planId;

    @Column(nullable = false)
    public LocalDate date;

    @Column(nullable = false)
    public int pain;

    @Column(name = "logged_at", nullable = false)
    public OffsetDateTime loggedAt;
}

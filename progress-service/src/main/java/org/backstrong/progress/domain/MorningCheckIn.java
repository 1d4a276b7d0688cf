package org.backstrong.progress.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.backstrong.progress.domain.progression.MorningCheck;

/** How the back felt the morning after a session, against the pre-session level. */
@Entity
@Table(name = "morning_checkin")
public class MorningCheckIn {

    @Id
    @Column(name = "checkin_id")
    public UUID checkInId;

    @Column(name = "patient_id", nullable = false)
    public String patientId;

    @Column(name = "clinic_id", nullable = false)
    public String clinicId;

    @Column(name = "checkin_date", nullable = false)
    public LocalDate date;

    @Column(nullable = false)
    public int pain;

    @Column(name = "pre_session_pain")
    public Integer preSessionPain;

    @Column(nullable = false)
    public boolean settled;

    @Column(name = "logged_at", nullable = false)
    public OffsetDateTime loggedAt;

    public MorningCheck check() {
        return new MorningCheck(date, pain, settled);
    }
}

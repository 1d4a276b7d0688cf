package org.backstrong.planner.domain;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** A patient's "I'm done" for one session, with the counts at that moment. */
@Entity
@Table(name = "session_completion")
@IdClass(SessionCompletion.Key.class)
public class SessionCompletion {

    @Id
    @Column(name = "plan_id")
    public UUID planId;

    @Id
    @Column(name = "session_date")
    public LocalDate sessionDate;

    @Column(name = "sets_prescribed", nullable = false)
    public int setsPrescribed;

    @Column(name = "sets_logged", nullable = false)
    public int setsLogged;

    @Column(name = "completed_at", nullable = false)
    public OffsetDateTime completedAt;

    /** Adherence counts a session as completed when at least 80 % of its prescribed sets were logged. */
    public boolean counts() {
        return setsLogged * 5 >= setsPrescribed * 4;
    }

    public static class Key implements Serializable {
        public UUID planId;
        public LocalDate sessionDate;

        public Key() {}

        public Key(UUID planId, LocalDate sessionDate) {
            this.planId = planId;
            this.sessionDate = sessionDate;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key
                    && Objects.equals(key.planId, planId)
                    && Objects.equals(key.sessionDate, sessionDate);
        }

        @Override
        public int hashCode() {
            return Objects.hash(planId, sessionDate);
        }
    }
}

package org.backstrong.planner.progress;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** What progress-service knows of one patient: sessions, check-ins, decisions with reasons, flags. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PatientTimeline(
        String patientId, List<Session> sessions, List<CheckIn> checkIns, List<Decision> decisions, List<Flag> flags) {

    /** A session day; {@code counted} is null until the patient said they were done. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Session(LocalDate date, UUID planId, Integer setsPrescribed, Integer setsLogged, Boolean counted) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CheckIn(LocalDate date, int pain, Integer preSessionPain, boolean settled) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Decision(
            UUID id,
            LocalDate sessionDate,
            UUID itemId,
            String exerciseId,
            String outcome,
            String rule,
            String reason,
            String suggestedVariantId,
            OffsetDateTime decidedAt) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Flag(
            UUID id,
            UUID itemId,
            String exerciseId,
            String severity,
            String status,
            String rule,
            String evidence,
            OffsetDateTime raisedAt,
            String resolutionNote) {

        public boolean stop() {
            return "STOP".equals(severity);
        }
    }
}

package org.backstrong.planner.event;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** SessionCompleted data. */
public record SessionCompleted(
        String patientId,
        String clinicId,
        UUID planId,
        LocalDate sessionDate,
        int setsPrescribed,
        int setsLogged,
        OffsetDateTime completedAt) {}

package org.backstrong.progress.event;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** SessionCompleted data: a session the patient finished, with how many sets it asked for and got. */
public record SessionCompleted(
        String patientId,
        String clinicId,
        UUID planId,
        LocalDate sessionDate,
        int setsPrescribed,
        int setsLogged,
        OffsetDateTime completedAt) {}

package org.backstrong.planner.event;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** MorningCheckIn data. */
public record MorningCheckInLogged(
        UUID checkInId,
        String patientId,
        String clinicId,
        UUID planId,
        LocalDate date,
        int pain,
        OffsetDateTime loggedAt) {}

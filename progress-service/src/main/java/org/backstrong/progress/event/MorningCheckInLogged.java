package org.backstrong.progress.event;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** MorningCheckIn data: the pain the morning after a session, and the plan of that session. */
public record MorningCheckInLogged(
        UUID checkInId,
        String patientId,
        String clinicId,
        UUID planId,
        LocalDate date,
        int pain,
        OffsetDateTime loggedAt) {}

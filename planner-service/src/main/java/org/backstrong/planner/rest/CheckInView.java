package org.backstrong.planner.rest;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.backstrong.planner.domain.MorningCheckIn;

public record CheckInView(UUID id, UUID planId, LocalDate date, int pain, OffsetDateTime loggedAt) {

    public static CheckInView of(MorningCheckIn checkIn) {
        return new CheckInView(checkIn.id, checkIn.planId, checkIn.date, checkIn.pain, checkIn.loggedAt);
    }
}

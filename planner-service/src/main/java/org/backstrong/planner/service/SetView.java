package org.backstrong.planner.service;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.backstrong.planner.domain.LoggedSet;
import org.backstrong.planner.domain.StopAdvice;

/** A logged set as stored, and whether the patient must stop this exercise now. */
public record SetView(
        UUID setId,
        UUID planId,
        UUID itemId,
        LocalDate date,
        int setNumber,
        String side,
        Integer reps,
        Integer seconds,
        BigDecimal loadKg,
        String band,
        Integer rir,
        BigDecimal rpe,
        int pain,
        boolean beyondNormalFatigue,
        String note,
        OffsetDateTime loggedAt,
        boolean stop,
        String advice) {

    public static SetView of(LoggedSet set) {
        boolean stop = StopAdvice.mustStop(set.pain, set.beyondNormalFatigue);
        return new SetView(
                set.id,
                set.planId,
                set.itemId,
                set.sessionDate,
                set.setNumber,
                set.side == null ? null : set.side.name().toLowerCase(),
                set.reps,
                set.seconds,
                set.loadKg,
                set.band,
                set.rir,
                set.rpe,
                set.pain,
                set.beyondNormalFatigue,
                set.note,
                set.loggedAt,
                stop,
                stop ? StopAdvice.MESSAGE : null);
    }
}

package org.backstrong.progress.domain.progression;

import java.time.LocalDate;

/** The latest morning check-in before a session: did the pain settle after the previous one? */
public record MorningCheck(LocalDate date, int pain, boolean settled) {}

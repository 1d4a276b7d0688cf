package org.backstrong.progress.domain.progression;

import java.time.LocalDate;

/** A patient's mean pain over the sets of one ISO week (weekStart is the Monday). */
public record WeekPain(LocalDate weekStart, double meanPain) {}

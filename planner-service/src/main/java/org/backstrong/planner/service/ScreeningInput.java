package org.backstrong.planner.service;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;

import org.backstrong.input.SingleLine;

/** A patient's screening, as updated when a professional clears them. */
public record ScreeningInput(
        @NotNull Boolean preExistingCondition,
        @PastOrPresent LocalDate clearedOn,
        @SingleLine @Size(max = 200) String clearedBy) {}

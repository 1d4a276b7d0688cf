package org.backstrong.planner.service;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** The morning check-in: pain 0–10 the morning after a session; the id comes from the device. */
public record CheckInInput(
        @NotNull UUID id,
        @NotNull LocalDate date,
        @NotNull @Min(0) @Max(10) Integer pain) {}

package org.backstrong.planner.service;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Assigning a template to a patient: when the plan starts and on which ISO weekdays (1 = Monday). */
public record AssignmentInput(
        @NotNull UUID templateId,
        @NotNull LocalDate startDate,
        @NotEmpty @Size(max = 7) List<@NotNull @Min(1) @Max(7) Integer> weekdays) {}

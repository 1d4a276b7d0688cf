package org.backstrong.planner.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Why a plan is paused, resumed or ended. */
public record StatusChange(@NotBlank @Size(max = 500) String reason) {}

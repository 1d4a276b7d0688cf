package org.backstrong.planner.rest;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Enrolling a patient: their Keycloak user id, a display name, and the screening. */
public record EnrolmentInput(
        @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9-]+", message = "must be the user's id in Keycloak")
        String id,
        @NotBlank @SingleLine @Size(max = 120) String displayName,
        @NotNull Boolean preExistingCondition,
        @PastOrPresent LocalDate clearedOn,
        @SingleLine @Size(max = 200) String clearedBy) {
}

package org.backstrong.planner.service;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.backstrong.input.SingleLine;

/**
 * Enrolling a patient: an existing account of the clinic ({@code id}, its user id, or
 * {@code username}, its login name), or neither to invite a new account; a display name, and
 * the screening.
 */
public record EnrolmentInput(
        @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9-]+", message = "must be the user's id in Keycloak")
        String id,

        @Size(min = 3, max = 255) @Pattern(regexp = "[A-Za-z0-9._@-]+", message = "must be a login name")
        String username,

        @NotBlank @SingleLine @Size(max = 120) String displayName,
        @NotNull Boolean preExistingCondition,
        @PastOrPresent LocalDate clearedOn,
        @SingleLine @Size(max = 200) String clearedBy) {

    /** Whether this enrols an account that exists already, rather than inviting a new one. */
    public boolean linksAnAccount() {
        return id != null || username != null;
    }
}

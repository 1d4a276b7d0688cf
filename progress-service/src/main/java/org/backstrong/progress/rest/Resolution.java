package org.backstrong.progress.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** How a clinician closes a flag: a note for the record (what was checked, what happens next). */
public record Resolution(
        @NotBlank(message = "must say how the flag was resolved")
        @Size(max = 2000, message = "must be at most 2000 characters")
        String note) {}

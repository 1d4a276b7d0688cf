package org.backstrong.catalog.service;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.backstrong.input.SingleLine;

/**
 * An exercise as a clinician or admin writes it; vocabulary and cross-field rules are checked by
 * the service. {@code id} is left out of a new exercise (the server assigns it) and, in an edit,
 * is the exercise's own or left out.
 */
public record ExerciseInput(
        @Pattern(regexp = ID_PATTERN, message = "must be lower-case words joined by hyphens") @Size(max = 80)
        String id,

        @NotBlank @SingleLine @Size(max = 120) String name,
        @NotBlank @Size(max = 500) String summary,
        @NotBlank @Size(max = 40) String category,
        @NotEmpty @Size(max = 6) List<@NotBlank String> regions,
        @NotNull @Size(max = 10) List<@NotBlank String> primaryMuscles,
        @Size(max = 10) List<@NotBlank String> secondaryMuscles,
        @NotEmpty @Size(max = 6) List<@NotEmpty @Size(max = 6) List<@NotBlank String>> equipment,
        @NotEmpty @Size(max = 20) List<@NotBlank @Size(max = 500) String> steps,
        @Size(max = 20) List<@NotBlank @Size(max = 300) String> cues,
        @Size(max = 20) List<@NotBlank @Size(max = 500) String> safetyNotes,
        @NotNull @Valid Dose dose,
        @NotNull @Min(1) @Max(5) Integer difficulty,
        @Size(max = 10) List<@NotBlank String> easierVariants,
        @Size(max = 10) List<@NotBlank String> harderVariants,

        @Size(max = 10)
        List<@NotBlank @Size(max = 500) @Pattern(regexp = "https?://\\S+", message = "must be an http(s) link") String>
                mediaLinks) {

    public static final String ID_PATTERN = "[a-z0-9]+(-[a-z0-9]+)*";

    /** Lists a client left out are empty lists. */
    public static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}

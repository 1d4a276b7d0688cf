package org.backstrong.planner.service;

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

/** A clinic's new template: its exercises in order; a template without a warm-up gets the standard one. */
public record TemplateInput(
        @NotBlank @SingleLine @Size(max = 120) String name,
        @NotBlank @Size(max = 500) String goal,
        @NotNull @Min(1) @Max(52) Integer weeks,
        @NotNull @Min(1) @Max(7) Integer sessionsPerWeek,
        @NotEmpty @Size(max = 30) List<@NotNull @Valid Item> items) {

    public record Item(
            @Pattern(regexp = "warm-up|main", message = "must be warm-up or main")
            String block,

            @NotBlank @SingleLine @Size(max = 80) String exerciseId,
            @NotNull @Valid PrescriptionBody prescription) {}
}

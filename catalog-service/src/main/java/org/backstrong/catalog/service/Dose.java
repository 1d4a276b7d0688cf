package org.backstrong.catalog.service;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A default dose: sets min–max, and reps min–max (kind "reps") or seconds min–max (kind "hold":
 * seconds held per set; kind "duration": seconds of continuous activity); per side when each
 * side does the sets. {@code holdSeconds} is a pause held in each rep.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Dose(
        @NotNull @Pattern(regexp = "reps|hold|duration", message = "must be reps, hold or duration")
        String kind,

        @NotNull @Min(1) @Max(10) Integer setsMin,
        @NotNull @Min(1) @Max(10) Integer setsMax,
        @Min(1) @Max(100) Integer repsMin,
        @Min(1) @Max(100) Integer repsMax,
        @Min(1) @Max(3600) Integer secondsMin,
        @Min(1) @Max(3600) Integer secondsMax,
        @Min(1) @Max(60) Integer holdSeconds,
        boolean perSide) {}

package org.backstrong.planner.service;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** One set as a patient logs it; setId is generated on the device so a resend is harmless. */
public record SetInput(
        @NotNull UUID setId,
        @NotNull UUID planId,
        @NotNull UUID itemId,
        @NotNull LocalDate date,
        @NotNull @Min(1) @Max(20) Integer setNumber,

        @Pattern(regexp = "left|right", message = "must be left or right")
        String side,

        @Min(0) @Max(100) Integer reps,
        @Min(0) @Max(3600) Integer seconds,
        // Scale before size: a load like 1e-100000 would cost the writer a huge rescale.
        @Digits(integer = 3, fraction = 2, message = "must be a load in kg with at most 2 decimals")
        @DecimalMin("0")
        @DecimalMax("500")
        BigDecimal loadKg,

        @Pattern(regexp = "yellow|red|green|blue|black|silver|gold", message = "must be a band colour")
        String band,

        @Min(0) @Max(10) Integer rir,

        @Digits(integer = 2, fraction = 1, message = "must be an effort from 0 to 10 with at most 1 decimal")
        @DecimalMin("0")
        @DecimalMax("10")
        BigDecimal rpe,

        @NotNull @Min(0) @Max(10) Integer pain,
        @NotNull Boolean beyondNormalFatigue,
        @Size(max = 500) String note) {}

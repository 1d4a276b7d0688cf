package org.backstrong.planner.service;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.backstrong.input.SingleLine;
import org.backstrong.planner.domain.DoseKind;
import org.backstrong.planner.domain.LoadKind;
import org.backstrong.planner.domain.Prescription;

/**
 * A prescription as clients read and write it. Left out on a template item, sets, ranges and
 * dose kind default to the catalog's dose (starting light: the minimum sets).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PrescriptionBody(
        @Pattern(regexp = "reps|hold|duration", message = "must be reps, hold or duration")
        String doseKind,

        @Min(1) @Max(10) Integer sets,
        @Min(1) @Max(10) Integer setsMax,
        @Min(1) @Max(100) Integer repsMin,
        @Min(1) @Max(100) Integer repsMax,
        @Min(1) @Max(3600) Integer secondsMin,
        @Min(1) @Max(3600) Integer secondsMax,
        @Min(1) @Max(60) Integer holdSeconds,
        Boolean perSide,

        @NotNull @Pattern(regexp = "kg|band|bodyweight", message = "must be kg, band or bodyweight")
        String loadKind,

        @DecimalMin("0") @DecimalMax("500") BigDecimal loadKg,

        @Pattern(regexp = "yellow|red|green|blue|black|silver|gold", message = "must be a band colour")
        String band,

        @Min(0) @Max(600) Integer restSeconds,
        @DecimalMin("0.5") @DecimalMax("20") BigDecimal loadStepPercent,
        @SingleLine @Size(max = 80) String harderVariantId,
        @Size(max = 500) String notes) {

    public static PrescriptionBody of(Prescription p) {
        return new PrescriptionBody(
                p.doseKind.name().toLowerCase(),
                p.sets,
                p.setsMax,
                p.repsMin,
                p.repsMax,
                p.secondsMin,
                p.secondsMax,
                p.holdSeconds,
                p.perSide,
                p.loadKind.name().toLowerCase(),
                p.loadKg,
                p.band,
                p.restSeconds,
                p.loadStepPercent,
                p.harderVariantId,
                p.notes);
    }

    public DoseKind doseKindValue() {
        return doseKind == null ? null : DoseKind.valueOf(doseKind.toUpperCase());
    }

    public LoadKind loadKindValue() {
        return LoadKind.valueOf(loadKind.toUpperCase());
    }
}

package org.backstrong.planner.service;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A clinician's change to one item's prescription, with the reason kept in the audit trail. */
public record PrescriptionEdit(
        @NotNull @Valid PrescriptionBody prescription,
        @NotBlank @Size(max = 500) String reason) {}

package org.backstrong.progress.service;

import java.math.BigDecimal;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A prescription as the decision table records it and the timeline serves it: the wire's fields,
 * and timedHold, which recorded decisions have always carried. Mapped by {@link EventPrescriptions}.
 */
@Schema(name = "Prescription")
public record RecordedPrescription(
        String doseKind,
        int sets,
        int setsMax,
        Integer repsMin,
        Integer repsMax,
        Integer secondsMin,
        Integer secondsMax,
        Integer holdSeconds,
        boolean perSide,
        String loadKind,
        BigDecimal loadKg,
        String band,
        BigDecimal loadStepPercent,
        int restSeconds,
        String harderVariantId,
        boolean timedHold) {}

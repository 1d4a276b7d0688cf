package org.backstrong.progress.domain.progression;

import java.math.BigDecimal;

/** What a set is done against: kilograms, a resistance band, or the body itself. */
public sealed interface Load permits Load.Kilograms, Load.Banded, Load.Bodyweight {

    /** Dumbbells, plates, a machine; grows by a load step ({@link LoadStep}). */
    record Kilograms(BigDecimal kg) implements Load {}

    /** A band; grows by the next colour. */
    record Banded(Band band) implements Load {}

    /** No equipment; grows on the {@link BodyweightLadder}. */
    record Bodyweight() implements Load {}
}

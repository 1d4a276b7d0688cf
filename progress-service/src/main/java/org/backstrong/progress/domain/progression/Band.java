package org.backstrong.progress.domain.progression;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Resistance bands from lightest to heaviest; a load step is one colour. */
public enum Band {
    YELLOW,
    RED,
    GREEN,
    BLUE,
    BLACK,
    SILVER,
    GOLD;

    /** The colours as the events spell them, lightest first. */
    public static List<String> colours() {
        return Arrays.stream(values()).map(Band::colour).toList();
    }

    /** The next heavier colour, or empty at the heaviest. */
    public Optional<Band> heavier() {
        return ordinal() == values().length - 1 ? Optional.empty() : Optional.of(values()[ordinal() + 1]);
    }

    /** The next lighter colour, or empty at the lightest. */
    public Optional<Band> lighter() {
        return ordinal() == 0 ? Optional.empty() : Optional.of(values()[ordinal() - 1]);
    }

    /** The colour as patients read it (and the events spell it). */
    public String colour() {
        return name().toLowerCase(Locale.ROOT);
    }
}

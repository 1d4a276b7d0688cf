package org.backstrong.progress.domain;

import java.util.List;
import java.util.Optional;

/**
 * Which clinics an analyst's query reads: the one asked for, when it is among the token's
 * clinic_ids, or all of those clinics when none is asked for. Another clinic is refused as if
 * it did not exist, like every other tenancy refusal.
 */
public final class AnalystClinics {

    private AnalystClinics() {}

    /** The clinics to read, or empty when the requested clinic is not the analyst's. */
    public static Optional<List<String>> of(List<String> allowed, String requested) {
        if (requested == null) {
            return Optional.of(List.copyOf(allowed));
        }
        return allowed.contains(requested) ? Optional.of(List.of(requested)) : Optional.empty();
    }
}

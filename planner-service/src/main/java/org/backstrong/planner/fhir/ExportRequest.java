package org.backstrong.planner.fhir;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.backstrong.planner.service.InvalidInputException;

/**
 * The parameters of a bulk export's kick-off (Patient/$export) that the export honours:
 * {@code _outputFormat} (NDJSON only), {@code _type} (the resource types $everything returns) and
 * the {@code Prefer: respond-async} header the Bulk Data spec requires. A bad one is a 400 naming it,
 * the query's parameters checked first.
 */
public record ExportRequest(Set<String> types) {

    /** The header the kick-off requires, and the value. */
    public static final String PREFER = "Prefer";

    public static final String RESPOND_ASYNC = "respond-async";

    /** The output formats accepted; a '+' sent unencoded arrives as a space. */
    private static final List<String> FORMATS =
            List.of("application/fhir+ndjson", "application/fhir ndjson", "application/ndjson", "ndjson");

    public static ExportRequest of(String prefer, String type, String outputFormat) {
        if (outputFormat != null && !FORMATS.contains(outputFormat.strip().toLowerCase(Locale.ROOT))) {
            throw new InvalidInputException(
                    "_outputFormat", "must be application/fhir+ndjson (or application/ndjson, ndjson)");
        }
        Set<String> types = EverythingQuery.types(type);
        if (prefer == null || !asksAsync(prefer)) {
            throw new InvalidInputException(PREFER, "the header Prefer: respond-async is required");
        }
        return new ExportRequest(types);
    }

    private static boolean asksAsync(String prefer) {
        for (String preference : prefer.split(",")) {
            if (preference.strip().equalsIgnoreCase(RESPOND_ASYNC)) {
                return true;
            }
        }
        return false;
    }
}

package org.backstrong.planner.fhir;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.backstrong.planner.service.DateParameter;
import org.backstrong.planner.service.InvalidInputException;

/**
 * The parameters of Patient/$everything that the export honours: the patient's id (a FHIR id),
 * {@code start} and {@code end} (days, both inclusive: sessions, flags and changes on those days)
 * and {@code _type} (the resource types to return). A bad one is a 400 naming it.
 */
public record EverythingQuery(String patientId, LocalDate start, LocalDate end, Set<String> types) {

    /** The resource types $everything returns, in the order the bundle lists them. */
    public static final List<String> TYPES = List.of(
            "Patient",
            "PlanDefinition",
            "ActivityDefinition",
            "CarePlan",
            "ServiceRequest",
            "Observation",
            "QuestionnaireResponse",
            "Flag",
            "Provenance");

    /** FHIR's id: 1 to 64 letters, digits, '-' and '.'. */
    private static final Pattern FHIR_ID = Pattern.compile("[A-Za-z0-9\\-.]{1,64}");

    public static EverythingQuery of(String patientId, String start, String end, String type) {
        if (patientId == null || !FHIR_ID.matcher(patientId).matches()) {
            throw new InvalidInputException("id", "must be a FHIR id: 1 to 64 letters, digits, '-' or '.'");
        }
        LocalDate from = date("start", start);
        LocalDate to = date("end", end);
        if (from != null && to != null && to.isBefore(from)) {
            throw new InvalidInputException("end", "must not be before start (" + from + ")");
        }
        return new EverythingQuery(patientId, from, to, types(type));
    }

    public boolean wants(String type) {
        return types.contains(type);
    }

    /** Whether a day falls inside start..end (a missing bound is open). */
    public boolean covers(LocalDate day) {
        return (start == null || !day.isBefore(start)) && (end == null || !day.isAfter(end));
    }

    private static LocalDate date(String field, String text) {
        return text == null ? null : DateParameter.parse(field, text);
    }

    /** The types a {@code _type} parameter names (null: all of them); a 400 naming {@code _type} for any other. */
    static Set<String> types(String text) {
        if (text == null) {
            return new LinkedHashSet<>(TYPES);
        }
        Set<String> types = new LinkedHashSet<>();
        for (String type : Arrays.asList(text.split(",", -1))) {
            String name = type.strip();
            if (!TYPES.contains(name)) {
                throw new InvalidInputException(
                        "_type", "must be a comma-separated list of these types: " + String.join(", ", TYPES));
            }
            types.add(name);
        }
        return types;
    }
}

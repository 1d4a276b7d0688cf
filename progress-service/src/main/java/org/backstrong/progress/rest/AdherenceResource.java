package org.backstrong.progress.rest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.backstrong.progress.repository.AdherenceRepository.Grouping;
import org.backstrong.progress.security.Roles;
import org.backstrong.progress.service.AdherenceQueries;
import org.backstrong.progress.service.InvalidInputException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The analysts' adherence and outcome queries; patients appear only as pseudonyms. */
@Path("/adherence")
@RolesAllowed(Roles.ANALYST)
@Tag(name = "Adherence", description = "Analysts' adherence and outcome figures; patients only as pseudonyms")
public class AdherenceResource {

    public static final String CSV = "text/csv";
    static final String CLINIC_PATTERN = "[A-Za-z0-9._-]{1,64}";
    static final String CLINIC_MESSAGE = "must be a clinic id (letters, digits, . _ -)";
    /** Without from, the query covers the twelve weeks up to to. */
    static final int DEFAULT_WEEKS = 12;

    /** What GET /adherence answers in JSON. */
    public record Report(String clinic, LocalDate from, LocalDate to, String groupBy, List<AdherenceQueries.Row> rows) {
    }

    private final AdherenceQueries queries;

    public AdherenceResource(AdherenceQueries queries) {
        this.queries = queries;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getAdherence", summary = "Sessions and sets scheduled against done, grouped, as JSON or CSV")
    public Report adherence(
            @QueryParam("clinic") @Pattern(regexp = CLINIC_PATTERN, message = CLINIC_MESSAGE) String clinic,
            @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("groupBy") @DefaultValue("week")
            @Pattern(regexp = "week|patient|template|exercise", message = "must be week, patient, template or exercise")
            String groupBy) {
        LocalDate last = DateRange.date("to", to, queries.today());
        LocalDate first = DateRange.date("from", from, last.minusWeeks(DEFAULT_WEEKS));
        DateRange.ordered(first, last);
        if (ChronoUnit.DAYS.between(first, last) > queries.maxRangeDays()) {
            throw new InvalidInputException("from", "the range must be at most " + queries.maxRangeDays() + " days");
        }
        return new Report(clinic, first, last, groupBy,
                queries.summary(clinic, first, last, Grouping.valueOf(groupBy.toUpperCase(Locale.ROOT))));
    }

    /** The same rows as CSV, one header line, for spreadsheets. */
    @GET
    @Produces(CSV)
    @Operation(operationId = "getAdherence", summary = "Sessions and sets scheduled against done, grouped, as JSON or CSV")
    public String adherenceAsCsv(
            @QueryParam("clinic") @Pattern(regexp = CLINIC_PATTERN, message = CLINIC_MESSAGE) String clinic,
            @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("groupBy") @DefaultValue("week")
            @Pattern(regexp = "week|patient|template|exercise", message = "must be week, patient, template or exercise")
            String groupBy) {
        StringBuilder csv = new StringBuilder(groupBy).append(",patients,sessionsScheduled,sessionsCompleted,"
                + "sessionAdherencePercent,setsPrescribed,setsLogged,setAdherencePercent,meanPain,peakPain\r\n");
        for (AdherenceQueries.Row row : adherence(clinic, from, to, groupBy).rows()) {
            csv.append(cell(row.key())).append(',').append(row.patients()).append(',')
                    .append(cell(row.sessionsScheduled())).append(',').append(cell(row.sessionsCompleted())).append(',')
                    .append(cell(row.sessionAdherencePercent())).append(',').append(row.setsPrescribed()).append(',')
                    .append(row.setsLogged()).append(',').append(cell(row.setAdherencePercent())).append(',')
                    .append(cell(row.meanPain())).append(',').append(cell(row.peakPain())).append("\r\n");
        }
        return csv.toString();
    }

    /** Patients under the at-risk share of their scheduled sessions over the four weeks up to asOf. */
    @GET
    @Path("/at-risk")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "listPatientsAtRisk", summary = "Patients who did too few of their sessions in the last four weeks")
    public List<AdherenceQueries.AtRisk> atRisk(
            @QueryParam("clinic") @Pattern(regexp = CLINIC_PATTERN, message = CLINIC_MESSAGE) String clinic,
            @QueryParam("asOf") String asOf) {
        return queries.atRisk(clinic, DateRange.date("asOf", asOf, queries.today()));
    }

    /** The share of patients whose weekly mean pain fell by 2 points or 30 % from their first week. */
    @GET
    @Path("/pain-improvement")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getPainImprovement", summary = "The share of patients whose pain improved clinically")
    public AdherenceQueries.Improvement painImprovement(
            @QueryParam("clinic") @Pattern(regexp = CLINIC_PATTERN, message = CLINIC_MESSAGE) String clinic) {
        return queries.painImprovement(clinic);
    }

    /** RFC 4180: quote a value that holds a comma, a quote or a line break. */
    private static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String text = value instanceof BigDecimal number ? number.toPlainString() : value.toString();
        return text.matches("[^,\"\r\n]*") ? text : "\"" + text.replace("\"", "\"\"") + "\"";
    }
}

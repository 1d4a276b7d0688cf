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

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.backstrong.progress.domain.AdherenceGrouping;
import org.backstrong.progress.domain.AnalystClinics;
import org.backstrong.progress.domain.SmallGroups;
import org.backstrong.progress.security.Caller;
import org.backstrong.progress.security.Roles;
import org.backstrong.progress.service.AdherenceQueries;
import org.backstrong.progress.service.InvalidInputException;
import org.backstrong.progress.service.NotFoundException;
import org.backstrong.progress.service.Outcomes;

/**
 * The analysts' adherence and outcome queries, over the clinics of the analyst's clinic_ids claim
 * only; patients appear only as pseudonyms, and no group of fewer than the minimum (domain/SmallGroups).
 */
@Path("/adherence")
@RolesAllowed(Roles.ANALYST)
@Tag(name = "Adherence", description = "Analysts' adherence and outcome figures; patients only as pseudonyms")
public class AdherenceResource {

    public static final String CSV = "text/csv";
    static final String CLINIC_PATTERN = "[A-Za-z0-9._-]{1,64}";
    static final String CLINIC_MESSAGE = "must be a clinic id (letters, digits, . _ -)";
    /** Without from, the query covers the twelve weeks up to to. */
    static final int DEFAULT_WEEKS = 12;
    /** What a note calls rows of single patients left out all together. */
    static final String SINGLE_PATIENTS = "group of single patients";

    /**
     * What GET /adherence answers in JSON: {@code clinics} are those read (the one asked for, or all
     * of the analyst's), {@code suppressed} the rows left out for counting fewer than
     * {@code minimumGroupSize} patients, and {@code note} says so in words (null when none was).
     */
    public record Report(
            String clinic,
            List<String> clinics,
            LocalDate from,
            LocalDate to,
            String groupBy,
            List<AdherenceQueries.Row> rows,
            long suppressed,
            int minimumGroupSize,
            String note) {}

    /** What GET /adherence/at-risk answers: the patients (pseudonyms) under the share, as in {@link Report}. */
    public record AtRiskReport(
            String clinic,
            List<String> clinics,
            LocalDate asOf,
            List<AdherenceQueries.AtRisk> rows,
            long suppressed,
            int minimumGroupSize,
            String note) {}

    /** What GET /adherence/pain-improvement answers; the numbers are null when suppressed. */
    public record ImprovementReport(
            String clinic,
            List<String> clinics,
            Long patients,
            Long improved,
            BigDecimal improvedPercent,
            boolean suppressed,
            int minimumGroupSize,
            String note) {}

    /**
     * What GET /adherence/responders answers: per clinic, plan template and measure, the patients with a
     * baseline and a follow-up and the share whose latest follow-up reached the clinically important change;
     * groups of fewer than {@code minimumGroupSize} patients are left out and counted in {@code suppressed}.
     */
    public record ResponderReport(
            String clinic,
            List<String> clinics,
            List<Outcomes.ResponderShare> rows,
            long suppressed,
            int minimumGroupSize,
            String note) {}

    private final AdherenceQueries queries;
    private final Outcomes outcomes;
    private final Caller caller;

    public AdherenceResource(AdherenceQueries queries, Outcomes outcomes, Caller caller) {
        this.queries = queries;
        this.outcomes = outcomes;
        this.caller = caller;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "getAdherence",
            summary = "Sessions and sets scheduled against done, grouped, as JSON or CSV")
    public Report adherence(
            @QueryParam("clinic") @Pattern(regexp = CLINIC_PATTERN, message = CLINIC_MESSAGE) String clinic,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("groupBy")
                    @DefaultValue("week")
                    @Pattern(
                            regexp = "week|patient|template|exercise",
                            message = "must be week, patient, template or exercise")
                    String groupBy) {
        LocalDate last = DateRange.date("to", to, queries.today());
        LocalDate first = DateRange.date("from", from, last.minusWeeks(DEFAULT_WEEKS));
        DateRange.ordered(first, last);
        if (ChronoUnit.DAYS.between(first, last) > queries.maxRangeDays()) {
            throw new InvalidInputException("from", "the range must be at most " + queries.maxRangeDays() + " days");
        }
        AdherenceGrouping grouping = AdherenceGrouping.valueOf(groupBy.toUpperCase(Locale.ROOT));
        List<String> clinics = clinics(clinic);
        AdherenceQueries.Summary summary = queries.summary(clinics, first, last, grouping);
        SmallGroups smallGroups = queries.smallGroups();
        return new Report(
                clinic,
                clinics,
                first,
                last,
                groupBy,
                summary.rows(),
                summary.suppressed(),
                smallGroups.minimum(),
                grouping == AdherenceGrouping.PATIENT
                        ? smallGroups.note(summary.suppressed(), SINGLE_PATIENTS, SINGLE_PATIENTS)
                        : smallGroups.note(summary.suppressed(), groupBy, plural(grouping)));
    }

    /** The same rows as CSV, one header line, for spreadsheets. */
    @GET
    @Produces(CSV)
    @Operation(
            operationId = "getAdherence",
            summary = "Sessions and sets scheduled against done, grouped, as JSON or CSV")
    public String adherenceAsCsv(
            @QueryParam("clinic") @Pattern(regexp = CLINIC_PATTERN, message = CLINIC_MESSAGE) String clinic,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("groupBy")
                    @DefaultValue("week")
                    @Pattern(
                            regexp = "week|patient|template|exercise",
                            message = "must be week, patient, template or exercise")
                    String groupBy) {
        Report report = adherence(clinic, from, to, groupBy);
        boolean patients = "patient".equals(report.groupBy());
        // A patient's row carries pain only as bands; a group's the numbers.
        StringBuilder csv = new StringBuilder(groupBy)
                .append(",patients,sessionsScheduled,sessionsCompleted,"
                        + "sessionAdherencePercent,setsPrescribed,setsLogged,setAdherencePercent,"
                        + (patients ? "meanPainBand,peakPainBand" : "meanPain,peakPain") + "\r\n");
        for (AdherenceQueries.Row row : report.rows()) {
            csv.append(cell(row.key()))
                    .append(',')
                    .append(row.patients())
                    .append(',')
                    .append(cell(row.sessionsScheduled()))
                    .append(',')
                    .append(cell(row.sessionsCompleted()))
                    .append(',')
                    .append(cell(row.sessionAdherencePercent()))
                    .append(',')
                    .append(row.setsPrescribed())
                    .append(',')
                    .append(row.setsLogged())
                    .append(',')
                    .append(cell(row.setAdherencePercent()))
                    .append(',')
                    .append(cell(patients ? row.meanPainBand() : row.meanPain()))
                    .append(',')
                    .append(cell(patients ? row.peakPainBand() : row.peakPain()))
                    .append("\r\n");
        }
        if (report.note() != null) {
            // The last line says what was left out, in the first column, so a spreadsheet shows it under the rows.
            csv.append(cell(report.note())).append(",".repeat(9)).append("\r\n");
        }
        return csv.toString();
    }

    /** Patients under the at-risk share of their scheduled sessions over the four weeks up to asOf. */
    @GET
    @Path("/at-risk")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "listPatientsAtRisk",
            summary = "Patients who did too few of their sessions in the last four weeks")
    public AtRiskReport atRisk(
            @QueryParam("clinic") @Pattern(regexp = CLINIC_PATTERN, message = CLINIC_MESSAGE) String clinic,
            @QueryParam("asOf") String asOf) {
        LocalDate day = DateRange.date("asOf", asOf, queries.today());
        List<String> clinics = clinics(clinic);
        AdherenceQueries.AtRiskList atRisk = queries.atRisk(clinics, day);
        SmallGroups smallGroups = queries.smallGroups();
        return new AtRiskReport(
                clinic,
                clinics,
                day,
                atRisk.rows(),
                atRisk.suppressed(),
                smallGroups.minimum(),
                smallGroups.note(atRisk.suppressed(), SINGLE_PATIENTS, SINGLE_PATIENTS));
    }

    /** The share of patients whose weekly mean pain fell by 2 points or 30 % from their first week. */
    @GET
    @Path("/pain-improvement")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getPainImprovement", summary = "The share of patients whose pain improved clinically")
    public ImprovementReport painImprovement(
            @QueryParam("clinic") @Pattern(regexp = CLINIC_PATTERN, message = CLINIC_MESSAGE) String clinic) {
        List<String> clinics = clinics(clinic);
        AdherenceQueries.Improvement improvement = queries.painImprovement(clinics);
        SmallGroups smallGroups = queries.smallGroups();
        return new ImprovementReport(
                clinic,
                clinics,
                improvement.patients(),
                improvement.improved(),
                improvement.improvedPercent(),
                improvement.suppressed(),
                smallGroups.minimum(),
                smallGroups.note(improvement.suppressed() ? 1 : 0, "share", "shares"));
    }

    /** The share of patients whose outcome measures improved clinically, per clinic, plan template and measure. */
    @GET
    @Path("/responders")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "getResponderShare",
            summary = "The share of patients whose outcome measure improved clinically, as JSON or CSV")
    public ResponderReport responders(
            @QueryParam("clinic") @Pattern(regexp = CLINIC_PATTERN, message = CLINIC_MESSAGE) String clinic) {
        List<String> clinics = clinics(clinic);
        Outcomes.ResponderShares shares = outcomes.responders(clinics);
        SmallGroups smallGroups = outcomes.smallGroups();
        return new ResponderReport(
                clinic,
                clinics,
                shares.rows(),
                shares.suppressed(),
                smallGroups.minimum(),
                smallGroups.note(shares.suppressed(), "group", "groups"));
    }

    /** The same rows as CSV, one header line, then the note when groups were left out. */
    @GET
    @Path("/responders")
    @Produces(CSV)
    @Operation(
            operationId = "getResponderShare",
            summary = "The share of patients whose outcome measure improved clinically, as JSON or CSV")
    public String respondersAsCsv(
            @QueryParam("clinic") @Pattern(regexp = CLINIC_PATTERN, message = CLINIC_MESSAGE) String clinic) {
        ResponderReport report = responders(clinic);
        StringBuilder csv = new StringBuilder("clinic,template,measure,patients,responders,responderPercent\r\n");
        for (Outcomes.ResponderShare row : report.rows()) {
            csv.append(cell(row.clinic()))
                    .append(',')
                    .append(cell(row.template()))
                    .append(',')
                    .append(row.measure())
                    .append(',')
                    .append(row.patients())
                    .append(',')
                    .append(row.responders())
                    .append(',')
                    .append(cell(row.responderPercent()))
                    .append("\r\n");
        }
        if (report.note() != null) {
            csv.append(cell(report.note())).append(",".repeat(5)).append("\r\n");
        }
        return csv.toString();
    }

    /** The clinics the query reads: the analyst's (clinic_ids), one of them when asked; another is not found. */
    private List<String> clinics(String requested) {
        return AnalystClinics.of(caller.clinicIds(), requested)
                .orElseThrow(() -> new NotFoundException("No clinic " + requested + " among yours"));
    }

    private static String plural(AdherenceGrouping grouping) {
        return switch (grouping) {
            case WEEK -> "weeks";
            case PATIENT -> "patients";
            case TEMPLATE -> "templates";
            case EXERCISE -> "exercises";
        };
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

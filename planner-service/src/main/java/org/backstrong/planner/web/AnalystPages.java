package org.backstrong.planner.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import org.backstrong.planner.progress.Adherence;
import org.backstrong.planner.progress.AdherenceApi;
import org.backstrong.planner.security.Caller;
import org.backstrong.planner.security.Roles;
import org.backstrong.planner.service.TemplateLibrary;

/**
 * The analysts' adherence dashboard (/app/analytics): weekly adherence as a chart, how patients
 * spread across adherence, the at-risk list and the pain-improvement share, from progress-service,
 * with patients only as pseudonyms; and the same figures as CSV.
 */
@Path("/app/analytics")
@RolesAllowed(Roles.ANALYST)
public class AnalystPages {

    private final AdherenceApi adherence;
    private final TemplateLibrary templates;
    private final Caller caller;
    private final CsrfTokens csrf;
    private final ObjectMapper json;

    public AnalystPages(
            @RestClient AdherenceApi adherence,
            TemplateLibrary templates,
            Caller caller,
            CsrfTokens csrf,
            ObjectMapper json) {
        this.adherence = adherence;
        this.templates = templates;
        this.caller = caller;
        this.csrf = csrf;
        this.json = json;
    }

    /** The filter as the analyst set it; blank means "all clinics" and progress-service's default range. */
    public record Filter(String clinic, String from, String to) {

        String clinicOrNull() {
            return blankToNull(clinic);
        }

        String fromOrNull() {
            return blankToNull(from);
        }

        String toOrNull() {
            return blankToNull(to);
        }

        private static String blankToNull(String text) {
            return text == null || text.isBlank() ? null : text.trim();
        }
    }

    /**
     * What the page shows; {@code problem} and {@code problemField} when the filter was refused.
     * {@code patients} is the per-patient answer the spread is counted from (its note says when
     * its patients were too few to show).
     */
    public record Dashboard(
            Adherence.Report weeks,
            Adherence.Report patients,
            String weeklyChart,
            String distributionChart,
            List<Bucket> distribution,
            Adherence.AtRiskReport atRisk,
            Adherence.Improvement improvement,
            Responders responders) {

        /** "clinic-a", or "All your clinics (clinic-a, clinic-b)". */
        public String scope() {
            if (weeks.clinic() != null) {
                return weeks.clinic();
            }
            return weeks.clinics() == null || weeks.clinics().isEmpty()
                    ? "None of your clinics (your account names none)"
                    : "All your clinics (" + String.join(", ", weeks.clinics()) + ")";
        }
    }

    /** The responder share's groups as shown: the template by its name where planner knows it. */
    public record Responders(List<ResponderLine> rows, long suppressed, String note) {}

    public record ResponderLine(
            String clinic, String template, String measure, long patients, long responders, BigDecimal percent) {}

    /** Patients whose session adherence falls in [from, to] percent. */
    public record Bucket(String label, long patients) {}

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance dashboard(
                PageFrame frame, Filter filter, Dashboard dashboard, String problem, String problemField);
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response dashboard(
            @QueryParam("clinic") String clinic, @QueryParam("from") String from, @QueryParam("to") String to) {
        Filter filter = new Filter(clinic, from, to);
        PageFrame frame = PageFrame.of(caller, csrf, "Adherence", "analytics");
        try {
            Adherence.Report weeks =
                    adherence.report(filter.clinicOrNull(), filter.fromOrNull(), filter.toOrNull(), "week");
            Adherence.Report patients =
                    adherence.report(filter.clinicOrNull(), filter.fromOrNull(), filter.toOrNull(), "patient");
            Adherence.AtRiskReport atRisk = adherence.atRisk(filter.clinicOrNull(), filter.toOrNull());
            Adherence.Improvement improvement = adherence.painImprovement(filter.clinicOrNull());
            Responders responders = responders(adherence.responders(filter.clinicOrNull()));
            List<Bucket> distribution = distribution(patients.rows());
            Dashboard dashboard = new Dashboard(
                    weeks,
                    patients,
                    SvgChart.bars(
                            "Sessions completed as a share of those scheduled, per ISO week (%)",
                            weeks.rows().stream()
                                    .map(row -> new SvgChart.Point(
                                            shortWeek(row.key()), percent(row.sessionAdherencePercent())))
                                    .toList(),
                            100.0),
                    SvgChart.bars(
                            "Patients by session adherence (%)",
                            distribution.stream()
                                    .map(b -> new SvgChart.Point(b.label(), (double) b.patients()))
                                    .toList(),
                            null),
                    distribution,
                    atRisk,
                    improvement,
                    responders);
            return Response.ok(Templates.dashboard(frame, filter, dashboard, null, null))
                    .build();
        } catch (WebApplicationException e) {
            Optional<JsonNode> problem = problemOf(e);
            int status = e.getResponse().getStatus();
            if (status == 400 && problem.isPresent()) {
                return Response.ok(Templates.dashboard(
                                frame,
                                filter,
                                null,
                                problem.get().path("detail").asText("Invalid filter"),
                                problem.get().path("field").asText(null)))
                        .build();
            }
            if (status == 404) {
                // A clinic that is not among the analyst's: not found, as progress-service says.
                return Response.status(404)
                        .entity(Templates.dashboard(
                                frame,
                                filter,
                                null,
                                "No clinic " + filter.clinicOrNull()
                                        + " among yours. Leave the clinic blank for all of yours.",
                                "clinic"))
                        .build();
            }
            Log.warnf("progress-service answered %d to the adherence dashboard", status);
            return Response.ok(unavailable(frame, filter)).build();
        } catch (RuntimeException e) {
            Log.warnf("progress-service unavailable for the adherence dashboard: %s", e.getMessage());
            return Response.ok(unavailable(frame, filter)).build();
        }
    }

    /** The adherence rows as CSV, for a spreadsheet: the same filter, grouped as asked. */
    @GET
    @Path("/adherence.csv")
    @Produces(AdherenceApi.CSV)
    public Response csv(
            @QueryParam("clinic") String clinic,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("groupBy") String groupBy) {
        Filter filter = new Filter(clinic, from, to);
        String grouping = groupBy == null || groupBy.isBlank() ? "week" : groupBy;
        try {
            String body = adherence.csv(filter.clinicOrNull(), filter.fromOrNull(), filter.toOrNull(), grouping);
            String name = "adherence-" + (filter.clinicOrNull() == null ? "all-clinics" : filter.clinicOrNull())
                    + "-by-" + grouping + ".csv";
            return Response.ok(body, AdherenceApi.CSV + "; charset=UTF-8")
                    .header(
                            "Content-Disposition",
                            "attachment; filename=\"" + name.replaceAll("[^A-Za-z0-9._-]", "_") + "\"")
                    .build();
        } catch (WebApplicationException e) {
            // progress-service's own problem answer (a bad filter names the field) goes back as it is.
            Optional<JsonNode> problem = problemOf(e);
            int status = e.getResponse().getStatus();
            if (status >= 400 && status < 500 && problem.isPresent()) {
                return Response.status(status)
                        .type("application/problem+json")
                        .entity(problem.get().toString())
                        .build();
            }
            throw new WebApplicationException("Adherence figures are unavailable", 503);
        }
    }

    private TemplateInstance unavailable(PageFrame frame, Filter filter) {
        return Templates.dashboard(
                frame, filter, null, "The adherence figures are unavailable just now. Try again in a minute.", null);
    }

    private Optional<JsonNode> problemOf(WebApplicationException e) {
        try {
            String body = e.getResponse().readEntity(String.class);
            return body == null || body.isBlank() ? Optional.empty() : Optional.of(json.readTree(body));
        } catch (Exception unreadable) {
            return Optional.empty();
        }
    }

    /** Ten buckets of ten points; a patient with nothing scheduled is left out. */
    /** The groups with their templates' names (the id when the template is unknown here). */
    private Responders responders(Adherence.ResponderReport report) {
        List<UUID> ids = report.rows().stream()
                .map(row -> templateId(row.template()))
                .filter(Objects::nonNull)
                .distinct()
                .toList();
        Map<UUID, String> names = templates.names(ids);
        List<ResponderLine> rows = report.rows().stream()
                .map(row -> new ResponderLine(
                        row.clinic(),
                        Optional.ofNullable(templateId(row.template()))
                                .map(names::get)
                                .orElse(row.template()),
                        row.measure(),
                        row.patients(),
                        row.responders(),
                        row.responderPercent()))
                .toList();
        return new Responders(rows, report.suppressed(), report.note());
    }

    private static UUID templateId(String template) {
        try {
            return template == null ? null : UUID.fromString(template);
        } catch (IllegalArgumentException notAnId) {
            return null;
        }
    }

    static List<Bucket> distribution(List<Adherence.Row> patients) {
        long[] counts = new long[10];
        for (Adherence.Row row : patients) {
            if (row.sessionAdherencePercent() != null) {
                int bucket = Math.min(9, row.sessionAdherencePercent().intValue() / 10);
                counts[Math.max(0, bucket)]++;
            }
        }
        List<Bucket> buckets = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            buckets.add(new Bucket(i == 9 ? "90–100" : (i * 10) + "–" + (i * 10 + 9), counts[i]));
        }
        return buckets;
    }

    private static Double percent(BigDecimal value) {
        return value == null ? null : value.doubleValue();
    }

    /** "2026-W10" → "W10". */
    private static String shortWeek(String key) {
        int at = key.indexOf("-W");
        return at < 0 ? key : key.substring(at + 1);
    }
}

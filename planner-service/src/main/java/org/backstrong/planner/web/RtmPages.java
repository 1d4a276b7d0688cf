package org.backstrong.planner.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import org.backstrong.planner.security.Caller;
import org.backstrong.planner.security.Roles;
import org.backstrong.planner.service.InvalidInputException;
import org.backstrong.planner.service.RtmReport;
import org.backstrong.planner.service.RtmReports;
import org.backstrong.planner.service.RtmRow;

/**
 * The clinician's remote-monitoring page (/app/rtm): per patient and 30-day period, the days with
 * data and the codes the thresholds give, with the rule behind each; and the same rows as CSV.
 */
@Path("/app/rtm")
@RolesAllowed(Roles.CLINICIAN)
public class RtmPages {

    static final String CSV = "text/csv";
    private static final String HEADER =
            "patient_id,patient,period,period_start,period_end,days_with_data,complete,codes,rules,reason";

    private final RtmReports reports;
    private final Caller caller;
    private final CsrfTokens csrf;

    public RtmPages(RtmReports reports, Caller caller, CsrfTokens csrf) {
        this.reports = reports;
        this.caller = caller;
        this.csrf = csrf;
    }

    /** The range as the clinician typed it (blank: the last 30 days). */
    public record Filter(String from, String to) {

        /** The CSV's address for the same range. */
        public String csvLink() {
            return "/app/rtm/report.csv?from=" + encoded(from) + "&to=" + encoded(to);
        }

        private static String encoded(String text) {
            return text == null ? "" : URLEncoder.encode(text, StandardCharsets.UTF_8);
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance report(PageFrame frame, Filter filter, RtmReport report, FieldErrors errors);
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response page(@QueryParam("from") String from, @QueryParam("to") String to) {
        PageFrame frame = PageFrame.of(caller, csrf, "Remote monitoring", "rtm");
        try {
            String clinic = caller.clinic();
            RtmReport report = reports.ofClinic(clinic, reports.range(clinic, from, to));
            Filter shown = new Filter(report.from().toString(), report.to().toString());
            return Response.ok(Templates.report(frame, shown, report, FieldErrors.none()))
                    .build();
        } catch (InvalidInputException e) {
            FieldErrors errors = FieldErrors.none().add(e, field -> field);
            return PageResponses.html(
                    Response.Status.BAD_REQUEST, Templates.report(frame, new Filter(from, to), null, errors));
        }
    }

    /** The same rows as CSV, for a spreadsheet or the billing system; a bad range is a problem naming the field. */
    @GET
    @Path("/report.csv")
    @Produces(CSV)
    public Response csv(@QueryParam("from") String from, @QueryParam("to") String to) {
        String clinic = caller.clinic();
        RtmReport report = reports.ofClinic(clinic, reports.range(clinic, from, to));
        String name = "rtm-" + clinic + "-" + report.from() + "-to-" + report.to() + ".csv";
        return Response.ok(csv(report.rows()), CSV + "; charset=UTF-8")
                .header(
                        "Content-Disposition",
                        "attachment; filename=\"" + name.replaceAll("[^A-Za-z0-9._-]", "_") + "\"")
                .build();
    }

    static String csv(List<RtmRow> rows) {
        StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
        for (RtmRow row : rows) {
            csv.append(String.join(
                            ",",
                            cell(row.patientId()),
                            cell(row.displayName()),
                            String.valueOf(row.period()),
                            row.periodStart().toString(),
                            row.periodEnd().toString(),
                            String.valueOf(row.daysWithData()),
                            String.valueOf(row.complete()),
                            cell(String.join(" ", row.codes())),
                            cell(String.join(" ", row.rules())),
                            cell(row.reason())))
                    .append("\r\n");
        }
        return csv.toString();
    }

    /** Quoted, quotes doubled; a leading = + - @ is kept as text so a spreadsheet does not run it as a formula. */
    static String cell(String text) {
        String value = text == null ? "" : text;
        if (!value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) {
            value = "'" + value;
        }
        return "\"" + value.replace("\"", "\"\"") + "\"";
    }
}

package org.backstrong.planner.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.backstrong.planner.security.Caller;
import org.backstrong.planner.security.Roles;
import org.backstrong.planner.service.RtmReport;
import org.backstrong.planner.service.RtmReports;

/**
 * Remote therapeutic monitoring: per patient of the clinic and 30-day period, the days with data
 * and the codes the thresholds give. Backstrong counts days; billing is the clinic's decision.
 */
@Path("/rtm")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.CLINICIAN)
@Tag(name = "Remote monitoring", description = "Days with data per 30-day period, and the codes the thresholds give")
public class RtmResource {

    private final RtmReports reports;
    private final Caller caller;

    public RtmResource(RtmReports reports, Caller caller) {
        this.reports = reports;
        this.caller = caller;
    }

    @GET
    @Operation(
            operationId = "getRtmReport",
            summary = "The clinic's patients' monitoring periods that overlap from..to",
            description = "Each period is 30 days from the patient's first day with data (a calendar day in the"
                    + " clinic's zone with a logged set or a morning check-in); 2-15 days give 98985, 16-30 days"
                    + " 98977, and the first period 98975 for set-up. Each row names the rules that fired.")
    public RtmReport clinic(
            @Parameter(
                            description = "The first day (yyyy-MM-dd); blank: 29 days before to",
                            schema = @Schema(type = SchemaType.STRING, format = "date"))
                    @QueryParam("from")
                    String from,
            @Parameter(
                            description = "The last day (yyyy-MM-dd), at most 366 days after from; blank: today",
                            schema = @Schema(type = SchemaType.STRING, format = "date"))
                    @QueryParam("to")
                    String to) {
        String clinic = caller.clinic();
        return reports.ofClinic(clinic, reports.range(clinic, from, to));
    }
}

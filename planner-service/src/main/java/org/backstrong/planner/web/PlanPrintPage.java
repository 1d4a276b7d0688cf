package org.backstrong.planner.web;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.qute.TemplateInstance;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.backstrong.planner.security.Caller;
import org.backstrong.planner.security.Roles;
import org.backstrong.planner.service.Plans;

/**
 * The plan to print and take home, at the API's address (/plans/{id}/print) for a bearer token's
 * clinician or patient: a page, so it lives with the pages, and the API document still lists it
 * (application.properties scans this one class of web/).
 */
@Path("/plans/{id}/print")
@Tag(name = "Plans", description = "A patient's plan: read by its patient and clinicians, changed by its clinicians")
public class PlanPrintPage {

    private final Plans plans;
    private final PrintedPlans printedPlans;
    private final Caller caller;

    public PlanPrintPage(Plans plans, PrintedPlans printedPlans, Caller caller) {
        this.plans = plans;
        this.printedPlans = printedPlans;
        this.caller = caller;
    }

    /** How-to, dose, the article's tips and a weekly log to fill in on paper; the style sheet inline. */
    @GET
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed({Roles.CLINICIAN, Roles.PATIENT})
    @Operation(operationId = "printPlan", summary = "The plan as a print-ready HTML page")
    @APIResponse(
            responseCode = "200",
            description = "The page",
            content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)))
    public TemplateInstance print(@PathParam("id") UUID id) {
        boolean clinician = caller.is(Roles.CLINICIAN);
        // A clinician of the plan's clinic, or its own patient; anyone else is told it does not exist.
        return printedPlans.page(
                clinician ? plans.forClinician(caller.clinic(), id) : plans.forPatient(caller.subject(), id),
                clinician,
                false);
    }
}

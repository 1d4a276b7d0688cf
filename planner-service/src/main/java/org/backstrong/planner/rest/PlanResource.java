package org.backstrong.planner.rest;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.backstrong.planner.domain.Plan;
import org.backstrong.planner.security.Caller;
import org.backstrong.planner.security.Roles;
import org.backstrong.planner.service.DateParameter;
import org.backstrong.planner.service.Plans;
import org.backstrong.planner.service.PrescriptionEdit;
import org.backstrong.planner.service.SessionView;
import org.backstrong.planner.service.Sessions;

/** A patient's plan: its clinicians edit, pause, resume and end it; the patient reads it. */
@Path("/plans/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Plans", description = "A patient's plan: read by its patient and clinicians, changed by its clinicians")
public class PlanResource {

    private final Plans plans;
    private final Sessions sessions;
    private final Caller caller;

    public PlanResource(Plans plans, Sessions sessions, Caller caller) {
        this.plans = plans;
        this.sessions = sessions;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({Roles.CLINICIAN, Roles.PATIENT})
    @Operation(operationId = "getPlan", summary = "The plan with its current prescriptions")
    public PlanView get(@PathParam("id") UUID id) {
        return PlanView.of(visible(id));
    }

    @GET
    @Path("/sessions/{date}")
    @RolesAllowed({Roles.CLINICIAN, Roles.PATIENT})
    @Operation(operationId = "getPlanSession", summary = "A day's session of the plan")
    @APIResponseSchema(value = SessionView.class, responseDescription = "The session, or that the day has none")
    @APIResponse(responseCode = "400", description = "The date is not yyyy-MM-dd")
    public SessionView session(@PathParam("id") UUID id, @PathParam("date") String date) {
        return sessions.view(visible(id), parseDate(date));
    }

    @GET
    @Path("/audit")
    @RolesAllowed(Roles.CLINICIAN)
    @Operation(operationId = "getPlanAudit", summary = "Every change of the plan: who, when, why, before and after")
    public List<AuditEntry> audit(@PathParam("id") UUID id) {
        return plans.auditTrail(caller.clinic(), id).stream()
                .map(AuditEntry::of)
                .toList();
    }

    @PUT
    @Path("/items/{itemId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.CLINICIAN)
    @Operation(operationId = "editPlanItem", summary = "Change an item's prescription")
    @APIResponseSchema(value = PlanView.class, responseDescription = "The plan with the new prescription")
    @APIResponse(responseCode = "409", description = "The plan has ended, or changed meanwhile")
    public PlanView editItem(
            @PathParam("id") UUID id,
            @PathParam("itemId") UUID itemId,
            @NotNull(message = "a JSON prescription edit is required") @Valid PrescriptionEdit body) {
        return PlanView.of(plans.editItem(caller.clinic(), caller.author(), id, itemId, body));
    }

    @POST
    @Path("/pause")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.CLINICIAN)
    @Operation(operationId = "pausePlan", summary = "Pause the plan")
    @APIResponseSchema(value = PlanView.class, responseDescription = "The paused plan")
    @APIResponse(responseCode = "409", description = "The plan is not active, or changed meanwhile")
    public PlanView pause(
            @PathParam("id") UUID id, @NotNull(message = "a reason is required") @Valid StatusChange body) {
        return PlanView.of(plans.pause(caller.clinic(), caller.author(), id, body.reason()));
    }

    @POST
    @Path("/resume")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.CLINICIAN)
    @Operation(operationId = "resumePlan", summary = "Resume a paused plan")
    @APIResponseSchema(value = PlanView.class, responseDescription = "The resumed plan")
    @APIResponse(responseCode = "409", description = "The plan is not paused, or changed meanwhile")
    public PlanView resume(
            @PathParam("id") UUID id, @NotNull(message = "a reason is required") @Valid StatusChange body) {
        return PlanView.of(plans.resume(caller.clinic(), caller.author(), id, body.reason()));
    }

    @POST
    @Path("/end")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.CLINICIAN)
    @Operation(operationId = "endPlan", summary = "End the plan")
    @APIResponseSchema(value = PlanView.class, responseDescription = "The ended plan")
    @APIResponse(responseCode = "409", description = "The plan has ended already, or changed meanwhile")
    public PlanView end(@PathParam("id") UUID id, @NotNull(message = "a reason is required") @Valid StatusChange body) {
        return PlanView.of(plans.end(caller.clinic(), caller.author(), id, body.reason()));
    }

    /** The plan if the caller may see it: a clinician of its clinic, or its own patient. */
    Plan visible(UUID id) {
        return caller.is(Roles.CLINICIAN)
                ? plans.forClinician(caller.clinic(), id)
                : plans.forPatient(caller.subject(), id);
    }

    /** A yyyy-MM-dd path segment in InputDates' range; anything else is a 400 naming "date" (not JAX-RS's bare 404). */
    public static LocalDate parseDate(String text) {
        return DateParameter.parse("date", text);
    }
}

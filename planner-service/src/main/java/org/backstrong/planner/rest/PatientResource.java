package org.backstrong.planner.rest;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.backstrong.planner.domain.Plan;
import org.backstrong.planner.security.Caller;
import org.backstrong.planner.security.Roles;
import org.backstrong.planner.service.AssignmentInput;
import org.backstrong.planner.service.EnrolmentInput;
import org.backstrong.planner.service.OutcomeMeasures;
import org.backstrong.planner.service.PatientRegistry;
import org.backstrong.planner.service.Plans;
import org.backstrong.planner.service.RtmReport;
import org.backstrong.planner.service.RtmReports;
import org.backstrong.planner.service.ScreeningInput;

/** A clinic's patients: enrolment with screening, and their plans. Clinicians of that clinic only. */
@Path("/patients")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.CLINICIAN)
@Tag(name = "Patients", description = "The clinic's patients: enrolment, screening and their plans")
public class PatientResource {

    private final PatientRegistry registry;
    private final Plans plans;
    private final RtmReports rtm;
    private final OutcomeMeasures outcomes;
    private final Caller caller;

    public PatientResource(
            PatientRegistry registry, Plans plans, RtmReports rtm, OutcomeMeasures outcomes, Caller caller) {
        this.registry = registry;
        this.plans = plans;
        this.rtm = rtm;
        this.outcomes = outcomes;
        this.caller = caller;
    }

    @GET
    @Operation(operationId = "listPatients", summary = "One page of the clinic's patients")
    public List<PatientSummary> list(@Valid @BeanParam PageRequest paging) {
        return registry.list(caller.clinic(), paging.pageIndex(), paging.pageSize()).stream()
                .map(PatientSummary::of)
                .toList();
    }

    /**
     * Enrols a patient: an existing account of the clinic ({@code id} or {@code username}), or
     * without either a new account, whose login name and one-time password are in the answer.
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "enrolPatient", summary = "Enrol a patient with their screening")
    @APIResponse(
            responseCode = "201",
            description = "Enrolled",
            headers = @Header(ref = "Location"),
            content = @Content(schema = @Schema(implementation = PatientSummary.class)))
    @APIResponse(responseCode = "409", description = "A patient with this id is enrolled already")
    public Response enrol(@NotNull(message = "a JSON enrolment is required") @Valid EnrolmentInput body) {
        EnrolledPatient enrolled = EnrolledPatient.of(registry.enrol(caller.clinic(), caller.subject(), body));
        // The one-time password is in this answer only: no cache keeps it.
        return Response.created(URI.create("/patients/" + enrolled.id()))
                .entity(enrolled)
                .header("Cache-Control", "no-store")
                .build();
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getPatient", summary = "A patient of the clinic, with their screening")
    public PatientSummary get(@PathParam("id") String id) {
        return PatientSummary.of(registry.get(caller.clinic(), id));
    }

    @PUT
    @Path("/{id}/screening")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "updatePatientScreening", summary = "Record a professional's clearance")
    public PatientSummary screening(
            @PathParam("id") String id, @NotNull(message = "a JSON screening is required") @Valid ScreeningInput body) {
        return PatientSummary.of(registry.updateScreening(caller.clinic(), id, body));
    }

    @GET
    @Path("/{id}/plans")
    @Operation(operationId = "listPatientPlans", summary = "The patient's plans")
    public List<PlanView> plans(@PathParam("id") String id) {
        return plans.ofPatient(caller.clinic(), id).stream().map(PlanView::of).toList();
    }

    /** Every 30-day remote-monitoring period of the patient, from their first day with data to today. */
    @GET
    @Path("/{id}/rtm")
    @Operation(
            operationId = "getPatientRtm",
            summary = "The patient's remote-monitoring periods: days with data and the codes the thresholds give")
    public RtmReport rtm(@PathParam("id") String id) {
        return rtm.ofPatient(caller.clinic(), id);
    }

    /** The patient's outcome measures, oldest first, each with its score and what it was computed from. */
    @GET
    @Path("/{id}/outcomes")
    @Operation(
            operationId = "listPatientOutcomes",
            summary = "The patient's scored outcome measures (NPRS, PSFS, RMDQ, ODI)")
    public List<OutcomeView> outcomes(@PathParam("id") String id) {
        return outcomes.ofPatient(caller.clinic(), id).stream()
                .map(response -> OutcomeView.of(response, outcomes.answersOf(response)))
                .toList();
    }

    /** Assigns a template: the patient gets their own copy, scheduled from the start date. */
    @POST
    @Path("/{id}/plans")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "assignPlan", summary = "Assign a template to the patient as their own plan")
    @APIResponse(
            responseCode = "201",
            description = "Assigned",
            headers = @Header(ref = "Location"),
            content = @Content(schema = @Schema(implementation = PlanView.class)))
    @APIResponse(
            responseCode = "409",
            description = "A pre-existing condition has no clearance, or another plan is in progress")
    @APIResponse(responseCode = "422", description = "No such template")
    public Response assign(
            @PathParam("id") String id,
            @NotNull(message = "a JSON assignment is required") @Valid AssignmentInput body) {
        Plan plan = plans.assign(caller.clinic(), caller.author(), id, body);
        return Response.created(URI.create("/plans/" + plan.id))
                .entity(PlanView.of(plan))
                .build();
    }
}

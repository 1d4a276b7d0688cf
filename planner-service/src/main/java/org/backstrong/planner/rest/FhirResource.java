package org.backstrong.planner.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.backstrong.planner.fhir.Capabilities;
import org.backstrong.planner.fhir.EverythingQuery;
import org.backstrong.planner.fhir.FhirCodes;
import org.backstrong.planner.fhir.FhirJson;
import org.backstrong.planner.fhir.PatientEverything;
import org.backstrong.planner.security.Caller;
import org.backstrong.planner.security.Roles;

/**
 * The read-only FHIR R4 export: the CapabilityStatement (public, as FHIR servers have it) and
 * Patient/$everything for the clinicians of the patient's clinic. Errors are OperationOutcomes
 * ({@link FhirOutcomes}).
 */
@Path("/fhir")
@Produces({FhirCodes.MEDIA_TYPE, MediaType.APPLICATION_JSON})
@Tag(name = "FHIR", description = "Read-only FHIR R4 export of a patient's plans, sessions, flags and changes")
public class FhirResource {

    private final Capabilities capabilities;
    private final PatientEverything everything;
    private final FhirJson json;
    private final Caller caller;

    public FhirResource(Capabilities capabilities, PatientEverything everything, FhirJson json, Caller caller) {
        this.capabilities = capabilities;
        this.everything = everything;
        this.json = json;
        this.caller = caller;
    }

    @GET
    @Path("/metadata")
    @PermitAll
    @Operation(operationId = "getFhirCapabilities", summary = "The FHIR CapabilityStatement: what /fhir serves")
    @APIResponse(
            responseCode = "200",
            description = "A CapabilityStatement (FHIR R4)",
            content = @Content(mediaType = FhirCodes.MEDIA_TYPE, schema = @Schema(type = SchemaType.OBJECT)))
    @APIResponse(
            responseCode = "406",
            description = "An Accept that names neither application/fhir+json nor application/json (XML is not served)")
    public Response metadata(@Context UriInfo uri) {
        return fhir(json.write(capabilities.statement(base(uri))));
    }

    @GET
    @Path("/Patient/{id}/$everything")
    @RolesAllowed(Roles.CLINICIAN)
    @Operation(
            operationId = "getFhirPatientEverything",
            summary = "Everything of one of the clinic's patients as a FHIR R4 searchset Bundle")
    @APIResponse(
            responseCode = "200",
            description = "Patient, PlanDefinition, ActivityDefinition, CarePlan, ServiceRequest, Observation, Flag"
                    + " and Provenance resources; an OperationOutcome entry says what progress or catalog could"
                    + " not give",
            content = @Content(mediaType = FhirCodes.MEDIA_TYPE, schema = @Schema(type = SchemaType.OBJECT)))
    @APIResponse(
            responseCode = "400",
            description = "A bad parameter: an OperationOutcome whose issue's expression names it",
            content = @Content(mediaType = FhirCodes.MEDIA_TYPE, schema = @Schema(ref = FhirOutcomes.SCHEMA)))
    @APIResponse(
            responseCode = "404",
            description = "No such patient in the caller's clinic (another clinic's too): an OperationOutcome",
            content = @Content(mediaType = FhirCodes.MEDIA_TYPE, schema = @Schema(ref = FhirOutcomes.SCHEMA)))
    public Response everything(
            @Parameter(
                            description = "The patient's id (a FHIR id: letters, digits, '-', '.', up to 64)",
                            schema = @Schema(type = SchemaType.STRING, pattern = "^[A-Za-z0-9\\-.]{1,64}$"))
                    @PathParam("id")
                    String id,
            @Parameter(
                            description = "Only sessions, flags and changes from this day",
                            schema = @Schema(type = SchemaType.STRING, format = "date"))
                    @QueryParam("start")
                    String start,
            @Parameter(
                            description = "Only sessions, flags and changes until this day",
                            schema = @Schema(type = SchemaType.STRING, format = "date"))
                    @QueryParam("end")
                    String end,
            @Parameter(description = "Only these resource types, comma-separated") @QueryParam("_type") String type,
            @Context UriInfo uri) {
        EverythingQuery query = EverythingQuery.of(id, start, end, type);
        return fhir(json.write(everything.of(
                caller.clinic(), query, base(uri), uri.getRequestUri().toString())));
    }

    private static String base(UriInfo uri) {
        String base = uri.getBaseUri().toString();
        return (base.endsWith("/") ? base : base + "/") + "fhir";
    }

    private static Response fhir(String body) {
        return Response.ok(body, FhirCodes.MEDIA_TYPE).build();
    }
}

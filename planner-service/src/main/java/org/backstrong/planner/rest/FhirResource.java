package org.backstrong.planner.rest;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;

import io.quarkus.logging.Log;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.backstrong.planner.fhir.Capabilities;
import org.backstrong.planner.fhir.EverythingQuery;
import org.backstrong.planner.fhir.ExportJobs;
import org.backstrong.planner.fhir.ExportManifest;
import org.backstrong.planner.fhir.ExportRequest;
import org.backstrong.planner.fhir.ExportRunner;
import org.backstrong.planner.fhir.FhirCodes;
import org.backstrong.planner.fhir.FhirJson;
import org.backstrong.planner.fhir.PatientEverything;
import org.backstrong.planner.security.Caller;
import org.backstrong.planner.security.Roles;
import org.backstrong.planner.service.InvalidInputException;

/**
 * The read-only FHIR R4 export: the CapabilityStatement (public, as FHIR servers have it),
 * Patient/$everything for the clinicians of the patient's clinic, and the clinic-wide bulk export
 * (Patient/$export, its status and its NDJSON files) for the clinic's clinicians. Errors are
 * OperationOutcomes ({@link FhirOutcomes}).
 */
@Path("/fhir")
@Produces({FhirCodes.MEDIA_TYPE, MediaType.APPLICATION_JSON})
@Tag(name = "FHIR", description = "Read-only FHIR R4 export of a patient's plans, sessions, flags and changes")
public class FhirResource {

    /** The media type of the export's files. */
    static final String NDJSON = "application/fhir+ndjson";

    /** A file's resource type as a name: a capital, then letters (which type a job has is the job's). */
    private static final Pattern TYPE = Pattern.compile("[A-Z][A-Za-z]{1,63}");

    /** Lines of a file read from the database at a time, so a file is streamed, never held whole. */
    private static final int PAGE = 500;

    private final Capabilities capabilities;
    private final PatientEverything everything;
    private final ExportJobs exports;
    private final ExportRunner runner;
    private final FhirJson json;
    private final Caller caller;

    public FhirResource(
            Capabilities capabilities,
            PatientEverything everything,
            ExportJobs exports,
            ExportRunner runner,
            FhirJson json,
            Caller caller) {
        this.capabilities = capabilities;
        this.everything = everything;
        this.exports = exports;
        this.runner = runner;
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

    @GET
    @Path("/Patient/$export")
    @RolesAllowed(Roles.CLINICIAN)
    @Operation(
            operationId = "startFhirBulkExport",
            summary = "Starts a bulk export (FHIR Bulk Data, Flat FHIR) of every patient of the caller's clinic")
    @APIResponse(
            responseCode = "202",
            description = "The job is accepted: poll the status URL in Content-Location",
            headers =
                    @Header(
                            name = "Content-Location",
                            description = "The job's status URL",
                            schema = @Schema(type = SchemaType.STRING, format = "uri")))
    @APIResponse(
            responseCode = "400",
            description = "No Prefer: respond-async, or a bad _type or _outputFormat: an OperationOutcome naming it",
            content = @Content(mediaType = FhirCodes.MEDIA_TYPE, schema = @Schema(ref = FhirOutcomes.SCHEMA)))
    public Response startExport(
            @Parameter(
                            in = ParameterIn.HEADER,
                            description = "Must be respond-async, as the Bulk Data spec requires",
                            required = true,
                            schema = @Schema(type = SchemaType.STRING, enumeration = "respond-async"))
                    @HeaderParam(ExportRequest.PREFER)
                    String prefer,
            @Parameter(description = "Only these resource types, comma-separated (those $everything returns)")
                    @QueryParam("_type")
                    String type,
            @Parameter(description = "application/fhir+ndjson (the default), application/ndjson or ndjson")
                    @QueryParam("_outputFormat")
                    String outputFormat,
            @Context UriInfo uri) {
        ExportRequest request = ExportRequest.of(prefer, type, outputFormat);
        String clinic = caller.clinic();
        UUID id = exports.create(clinic, caller.subject(), uri.getRequestUri().toString(), request, runner.instance());
        runner.start(id, caller.authorization().orElse(null));
        Log.infof(
                "FHIR $export job %s of clinic %s kicked off by %s: %s",
                id, clinic, caller.subject(), String.join(",", request.types()));
        return Response.accepted()
                .header("Content-Location", ExportManifest.statusUrl(base(uri), id))
                .build();
    }

    @GET
    @Path("/$export-status/{jobId}")
    @Produces({MediaType.APPLICATION_JSON, FhirCodes.MEDIA_TYPE})
    @RolesAllowed(Roles.CLINICIAN)
    @Operation(operationId = "getFhirBulkExportStatus", summary = "A bulk export's status, and its manifest once done")
    @APIResponse(
            responseCode = "200",
            description = "Done: the manifest (transactionTime, request, requiresAccessToken, output[] with a file"
                    + " per resource type and its count, error[] with the OperationOutcomes of what could not be"
                    + " read, extension.expires: when the files are deleted)",
            headers =
                    @Header(
                            name = "Expires",
                            description = "When the job and its files are deleted",
                            schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT)))
    @APIResponse(
            responseCode = "202",
            description = "Still running",
            headers = {
                @Header(
                        name = "X-Progress",
                        description = "How far it is, e.g. \"12 of 40 patients\"",
                        schema = @Schema(type = SchemaType.STRING)),
                @Header(ref = "Retry-After")
            })
    @APIResponse(
            responseCode = "400",
            description = "A job id that is no UUID: an OperationOutcome naming jobId",
            content = @Content(mediaType = FhirCodes.MEDIA_TYPE, schema = @Schema(ref = FhirOutcomes.SCHEMA)))
    @APIResponse(
            responseCode = "404",
            description = "No such job of the caller's clinic (another clinic's, a deleted or an expired one)",
            content = @Content(mediaType = FhirCodes.MEDIA_TYPE, schema = @Schema(ref = FhirOutcomes.SCHEMA)))
    public Response exportStatus(
            @Parameter(description = "The job's id", schema = @Schema(type = SchemaType.STRING, format = "uuid"))
                    @PathParam("jobId")
                    String jobId,
            @Context UriInfo uri) {
        ExportJobs.JobStatus job = exports.status(caller.clinic(), jobId(jobId));
        if (!job.completed()) {
            return Response.accepted()
                    .header("X-Progress", progress(job))
                    .header("Retry-After", runner.retryAfterSeconds())
                    .build();
        }
        return Response.ok(ExportManifest.of(job, base(uri)), MediaType.APPLICATION_JSON)
                .header(
                        "Expires",
                        DateTimeFormatter.RFC_1123_DATE_TIME.format(
                                job.expiresAt().withOffsetSameInstant(ZoneOffset.UTC)))
                .build();
    }

    @DELETE
    @Path("/$export-status/{jobId}")
    @RolesAllowed(Roles.CLINICIAN)
    @Operation(operationId = "deleteFhirBulkExport", summary = "Cancels a bulk export, or deletes its files")
    @APIResponse(responseCode = "202", description = "The job and its files are gone")
    @APIResponse(
            responseCode = "400",
            description = "A job id that is no UUID: an OperationOutcome naming jobId",
            content = @Content(mediaType = FhirCodes.MEDIA_TYPE, schema = @Schema(ref = FhirOutcomes.SCHEMA)))
    @APIResponse(
            responseCode = "404",
            description = "No such job of the caller's clinic",
            content = @Content(mediaType = FhirCodes.MEDIA_TYPE, schema = @Schema(ref = FhirOutcomes.SCHEMA)))
    public Response deleteExport(
            @Parameter(description = "The job's id", schema = @Schema(type = SchemaType.STRING, format = "uuid"))
                    @PathParam("jobId")
                    String jobId) {
        UUID id = jobId(jobId);
        String clinic = caller.clinic();
        exports.delete(clinic, id);
        Log.infof("FHIR $export job %s of clinic %s deleted by %s", id, clinic, caller.subject());
        return Response.accepted().build();
    }

    @GET
    @Path("/$export-file/{jobId}/{type}.ndjson")
    @Produces({NDJSON, FhirCodes.MEDIA_TYPE})
    @RolesAllowed(Roles.CLINICIAN)
    @Operation(operationId = "getFhirBulkExportFile", summary = "One file of a done bulk export: a resource per line")
    @APIResponse(
            responseCode = "200",
            description = "FHIR R4 resources of one type as NDJSON, each once",
            content = @Content(mediaType = NDJSON, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(
            responseCode = "400",
            description = "A job id that is no UUID or a type that is no resource type's name: an OperationOutcome",
            content = @Content(mediaType = FhirCodes.MEDIA_TYPE, schema = @Schema(ref = FhirOutcomes.SCHEMA)))
    @APIResponse(
            responseCode = "404",
            description = "No such file of a done job of the caller's clinic",
            content = @Content(mediaType = FhirCodes.MEDIA_TYPE, schema = @Schema(ref = FhirOutcomes.SCHEMA)))
    public Response exportFile(
            @Parameter(description = "The job's id", schema = @Schema(type = SchemaType.STRING, format = "uuid"))
                    @PathParam("jobId")
                    String jobId,
            @Parameter(
                            description = "The file's resource type (OperationOutcome: the error file)",
                            schema = @Schema(type = SchemaType.STRING, pattern = "^[A-Z][A-Za-z]{1,63}$"))
                    @PathParam("type")
                    String type) {
        UUID id = jobId(jobId);
        if (type == null || !TYPE.matcher(type).matches()) {
            throw new InvalidInputException("type", "must be a FHIR resource type, such as Patient");
        }
        String clinic = caller.clinic();
        exports.checkFile(clinic, id, type);
        Log.infof("FHIR $export file %s of job %s read for clinic %s by %s", type, id, clinic, caller.subject());
        StreamingOutput lines = out -> write(out, id, type);
        return Response.ok(lines, NDJSON).build();
    }

    private void write(OutputStream out, UUID id, String type) throws IOException {
        long after = 0;
        for (List<ExportJobs.Line> page = exports.lines(id, type, after, PAGE);
                !page.isEmpty();
                page = exports.lines(id, type, after, PAGE)) {
            for (ExportJobs.Line line : page) {
                out.write(line.resource().getBytes(StandardCharsets.UTF_8));
                out.write('\n');
                after = line.seq();
            }
            out.flush();
        }
    }

    private static String progress(ExportJobs.JobStatus job) {
        return job.patientsTotal() == null
                ? "starting"
                : job.patientsDone() + " of " + job.patientsTotal() + " patients";
    }

    private static UUID jobId(String text) {
        try {
            if (text != null && text.length() == 36) {
                return UUID.fromString(text);
            }
        } catch (IllegalArgumentException e) {
            // Answered below, as any other text that is no id.
        }
        throw new InvalidInputException("jobId", "must be a job id (a UUID) as Content-Location gave it");
    }

    private static String base(UriInfo uri) {
        String base = uri.getBaseUri().toString();
        return (base.endsWith("/") ? base : base + "/") + "fhir";
    }

    private static Response fhir(String body) {
        return Response.ok(body, FhirCodes.MEDIA_TYPE).build();
    }
}

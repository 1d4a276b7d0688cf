package org.backstrong.catalog.rest;

import java.net.URI;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.backstrong.catalog.domain.ExerciseSearch;
import org.backstrong.catalog.security.Caller;
import org.backstrong.catalog.security.Roles;
import org.backstrong.catalog.service.ExerciseCuration;
import org.backstrong.catalog.service.ExerciseDocument;
import org.backstrong.catalog.service.ExerciseInput;
import org.backstrong.catalog.service.ExerciseLibrary;
import org.backstrong.catalog.service.ExerciseSummary;
import org.backstrong.catalog.service.InvalidInputException;
import org.backstrong.input.Problem;

/** The exercise library: search and read for everyone signed in; curation for clinicians and admins. */
@Path("/exercises")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Exercises", description = "Search, read and curate the exercise library")
public class ExerciseResource {

    /** The number of matches beyond the page, for paging controls. */
    public static final String TOTAL_COUNT = "X-Total-Count";

    private final ExerciseLibrary library;
    private final ExerciseCuration curation;
    private final Caller caller;

    public ExerciseResource(ExerciseLibrary library, ExerciseCuration curation, Caller caller) {
        this.library = library;
        this.curation = curation;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({Roles.CLINICIAN, Roles.PATIENT, Roles.ANALYST, Roles.ADMIN})
    @Operation(operationId = "searchExercises", summary = "Search published exercises and the caller's clinic's own")
    @APIResponse(
            responseCode = "200",
            description = "One page of matches",
            headers =
                    @Header(
                            name = TOTAL_COUNT,
                            description = "Matches in all pages",
                            schema = @Schema(type = SchemaType.INTEGER)),
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = ExerciseSummary.class)))
    public Response search(
            @QueryParam("q") @Size(max = 100) String q,
            @QueryParam("region") @Size(max = 40) String region,
            @QueryParam("muscle") @Size(max = 40) String muscle,
            @QueryParam("category") @Size(max = 40) String category,
            @QueryParam("equipment") @Size(max = 400) String equipment,
            @QueryParam("sort")
                    @DefaultValue("name")
                    @Pattern(
                            regexp = "-?(name|difficulty|id)",
                            message = "must be name, difficulty or id, with - for descending")
                    String sort,
            @Valid @BeanParam PageRequest paging) {
        ExerciseSearch search = new ExerciseSearch(
                blankToNull(q),
                blankToNull(region),
                blankToNull(muscle),
                blankToNull(category),
                equipment == null ? null : items(equipment),
                sort,
                paging.pageIndex(),
                paging.pageSize());
        ExerciseLibrary.Found found = library.search(caller.viewer(), search);
        return Response.ok(found.items()).header(TOTAL_COUNT, found.total()).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.CLINICIAN, Roles.PATIENT, Roles.ANALYST, Roles.ADMIN})
    @Operation(operationId = "getExercise", summary = "Read an exercise's current version")
    @APIResponse(
            responseCode = "200",
            description = "The current version",
            headers = @Header(ref = "ETag"),
            content = @Content(schema = @Schema(implementation = ExerciseDocument.class)))
    public Response get(@PathParam("id") String id) {
        return withETag(Response.ok(), library.get(caller.viewer(), id));
    }

    /** A kept version: what a plan that refers to it shows, whatever happened to the exercise since. */
    @GET
    @Path("/{id}/versions/{version}")
    @RolesAllowed({Roles.CLINICIAN, Roles.PATIENT, Roles.ANALYST, Roles.ADMIN})
    @Operation(operationId = "getExerciseVersion", summary = "Read a kept version of an exercise")
    public ExerciseDocument version(
            @PathParam("id") String id,
            @PathParam("version") @Pattern(regexp = "[1-9]\\d{0,8}", message = "must be a version number")
                    String version) {
        return library.version(caller.viewer(), id, Integer.parseInt(version));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.CLINICIAN, Roles.ADMIN})
    @Operation(
            operationId = "createExercise",
            summary = "Create an exercise (a clinic's is published at once, a global one is a draft)")
    @APIResponse(
            responseCode = "201",
            description = "Created",
            headers = {@Header(ref = "Location"), @Header(ref = "ETag")},
            content = @Content(schema = @Schema(implementation = ExerciseDocument.class)))
    public Response create(@NotNull(message = "a JSON exercise is required") @Valid ExerciseInput body) {
        ExerciseDocument created = curation.create(caller.viewer(), body);
        return withETag(Response.created(URI.create("/exercises/" + created.id())), created);
    }

    /** A full replacement; If-Match must carry the ETag of the version being edited. */
    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.CLINICIAN, Roles.ADMIN})
    @Operation(operationId = "updateExercise", summary = "Replace an exercise with a new version")
    @APIResponse(
            responseCode = "200",
            description = "The new version",
            headers = @Header(ref = "ETag"),
            content = @Content(schema = @Schema(implementation = ExerciseDocument.class)))
    @APIResponse(responseCode = "412", description = "If-Match names a version that is no longer current")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public Response update(
            @PathParam("id") String id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull(message = "a JSON exercise is required") @Valid ExerciseInput body) {
        Integer expected = expectedVersion(ifMatch);
        if (expected == null) {
            // 428: an edit must say which version it is based on.
            return Problem.of(
                            "precondition-required",
                            "Precondition required",
                            428,
                            "Send If-Match with the ETag of the version you edited",
                            "If-Match")
                    .response();
        }
        return withETag(Response.ok(), curation.update(caller.viewer(), id, expected, body));
    }

    @POST
    @Path("/{id}/publish")
    @RolesAllowed({Roles.CLINICIAN, Roles.ADMIN})
    @Operation(operationId = "publishExercise", summary = "Publish an exercise, making it usable in templates")
    @APIResponse(
            responseCode = "200",
            description = "The published version",
            headers = @Header(ref = "ETag"),
            content = @Content(schema = @Schema(implementation = ExerciseDocument.class)))
    @APIResponse(responseCode = "412", description = "If-Match names a version that is no longer current")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public Response publish(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return withETag(Response.ok(), curation.publish(caller.viewer(), id, expectedVersion(ifMatch)));
    }

    @POST
    @Path("/{id}/retire")
    @RolesAllowed({Roles.CLINICIAN, Roles.ADMIN})
    @Operation(
            operationId = "retireExercise",
            summary = "Retire an exercise from new templates (kept versions stay readable)")
    @APIResponse(
            responseCode = "200",
            description = "The retired version",
            headers = @Header(ref = "ETag"),
            content = @Content(schema = @Schema(implementation = ExerciseDocument.class)))
    @APIResponse(responseCode = "412", description = "If-Match names a version that is no longer current")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public Response retire(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return withETag(Response.ok(), curation.retire(caller.viewer(), id, expectedVersion(ifMatch)));
    }

    static Response withETag(Response.ResponseBuilder response, ExerciseDocument document) {
        return response.tag(new EntityTag(Integer.toString(document.version())))
                .entity(document)
                .build();
    }

    /** The version an If-Match names ("3" or W/"3"), or null when there is none. */
    static Integer expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return null;
        }
        String tag = ifMatch.trim();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        tag = tag.replace("\"", "");
        if (!tag.matches("[1-9]\\d{0,8}")) {
            throw new InvalidInputException("If-Match", "must be the ETag of a version, e.g. \"3\"");
        }
        return Integer.parseInt(tag);
    }

    private static Set<String> items(String commaSeparated) {
        Set<String> items = new LinkedHashSet<>();
        Arrays.stream(commaSeparated.split(","))
                .map(String::trim)
                .filter(item -> !item.isEmpty())
                .forEach(items::add);
        return items;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}

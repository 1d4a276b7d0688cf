package org.backstrong.planner.rest;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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

import org.backstrong.planner.security.Caller;
import org.backstrong.planner.security.Roles;
import org.backstrong.planner.service.TemplateInput;
import org.backstrong.planner.service.TemplateLibrary;

/** Plan templates: built in, and the clinic's own. */
@Path("/templates")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.CLINICIAN)
@Tag(name = "Templates", description = "Plan templates: the built-in ones and the clinic's own")
public class TemplateResource {

    private final TemplateLibrary library;
    private final Caller caller;

    public TemplateResource(TemplateLibrary library, Caller caller) {
        this.library = library;
        this.caller = caller;
    }

    @GET
    @Operation(operationId = "listTemplates", summary = "The built-in templates and the clinic's own")
    public List<TemplateView> list() {
        return library.list(caller.clinic()).stream().map(TemplateView::of).toList();
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getTemplate", summary = "A template with its items")
    public TemplateView get(@PathParam("id") UUID id) {
        return TemplateView.of(library.get(id, caller.clinic()));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "createTemplate",
            summary = "Create a template of the clinic from published catalog exercises")
    @APIResponse(
            responseCode = "201",
            description = "Created",
            headers = @Header(ref = "Location"),
            content = @Content(schema = @Schema(implementation = TemplateView.class)))
    @APIResponse(responseCode = "422", description = "An exercise is unknown to the catalog, or not published")
    public Response create(@NotNull(message = "a JSON template is required") @Valid TemplateInput body) {
        TemplateView created = TemplateView.of(library.create(caller.clinic(), caller.subject(), body));
        return Response.created(URI.create("/templates/" + created.id()))
                .entity(created)
                .build();
    }
}

package org.backstrong.progress.rest;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.backstrong.progress.security.Caller;
import org.backstrong.progress.security.Roles;
import org.backstrong.progress.service.PainFlagInbox;
import org.backstrong.progress.service.PainFlags;

/** The clinicians' pain-flag inbox: list their clinic's flags, acknowledge and resolve them. */
@Path("/pain-flags")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Pain flags", description = "The clinicians' inbox of pain flags")
public class PainFlagResource {

    static final String UUID_PATTERN = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";

    private final PainFlagInbox inbox;
    private final PainFlags flags;
    private final Caller caller;

    public PainFlagResource(PainFlagInbox inbox, PainFlags flags, Caller caller) {
        this.inbox = inbox;
        this.flags = flags;
        this.caller = caller;
    }

    /** The caller's clinic's flags that are not resolved yet, newest first. */
    @GET
    @RolesAllowed(Roles.CLINICIAN)
    @Operation(operationId = "listUnresolvedPainFlags", summary = "The clinic's flags not resolved yet, newest first")
    public List<PainFlagView> unresolved(@Valid @BeanParam PageRequest paging) {
        return inbox.unresolved(clinicId(), paging.pageIndex(), paging.pageSize()).stream()
                .map(PainFlagView::of)
                .toList();
    }

    /** How many of the caller's clinic's flags are not resolved yet. */
    public record OpenCount(long open) {}

    @GET
    @Path("/count")
    @RolesAllowed(Roles.CLINICIAN)
    @Operation(
            operationId = "countUnresolvedPainFlags",
            summary = "How many of the clinic's flags are not resolved yet")
    public OpenCount count() {
        return new OpenCount(inbox.unresolvedCount(clinicId()));
    }

    @POST
    @Path("/{id}/acknowledge")
    @RolesAllowed(Roles.CLINICIAN)
    @Operation(operationId = "acknowledgePainFlag", summary = "Acknowledge a flag: a clinician is on it")
    @APIResponseSchema(value = PainFlagView.class, responseDescription = "The acknowledged flag")
    @APIResponse(responseCode = "409", description = "The flag is resolved already")
    public PainFlagView acknowledge(
            @PathParam("id") @Pattern(regexp = UUID_PATTERN, message = "must be a flag id (a UUID)") String id) {
        return PainFlagView.of(flags.acknowledge(clinicId(), UUID.fromString(id), caller.subject()));
    }

    @POST
    @Path("/{id}/resolve")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.CLINICIAN)
    @Operation(operationId = "resolvePainFlag", summary = "Resolve a flag with the clinician's note")
    @APIResponseSchema(value = PainFlagView.class, responseDescription = "The resolved flag")
    @APIResponse(responseCode = "409", description = "The flag is resolved already")
    public PainFlagView resolve(
            @PathParam("id") @Pattern(regexp = UUID_PATTERN, message = "must be a flag id (a UUID)") String id,
            @NotNull(message = "a JSON body with a note is required") @Valid Resolution body) {
        return PainFlagView.of(flags.resolve(
                clinicId(), UUID.fromString(id), caller.subject(), body.note().strip()));
    }

    private String clinicId() {
        return caller.clinicId()
                .orElseThrow(() -> new ForbiddenException("A clinician's token must carry a clinic_id"));
    }
}

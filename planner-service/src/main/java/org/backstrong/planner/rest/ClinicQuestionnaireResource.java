package org.backstrong.planner.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.backstrong.planner.domain.ClinicQuestionnaire;
import org.backstrong.planner.security.Caller;
import org.backstrong.planner.security.Roles;
import org.backstrong.planner.service.LicensedWordings;
import org.backstrong.planner.service.Logged;
import org.backstrong.planner.service.NotFoundException;

/** The clinic's licensed ODI wording: Backstrong ships none, so ODI is scheduled only once the clinic loads it. */
@Path("/clinic/questionnaires/odi")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.CLINICIAN)
@Tag(name = "Licensed questionnaires", description = "Wording of outcome measures the clinic holds a licence for (ODI)")
public class ClinicQuestionnaireResource {

    private final LicensedWordings wordings;
    private final Caller caller;

    public ClinicQuestionnaireResource(LicensedWordings wordings, Caller caller) {
        this.wordings = wordings;
        this.caller = caller;
    }

    @GET
    @Operation(operationId = "getClinicOdiWording", summary = "The ODI wording my clinic loaded")
    @APIResponse(
            responseCode = "200",
            description = "Loaded",
            content = @Content(schema = @Schema(implementation = WordingView.class)))
    @APIResponse(responseCode = "404", description = "My clinic has loaded no ODI wording")
    public WordingView get() {
        return wordings.odi(caller.clinic())
                .map(WordingView::of)
                .orElseThrow(() -> new NotFoundException("ODI wording of this clinic"));
    }

    /** 201 the first time, 200 when it replaces the one loaded before. */
    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "loadClinicOdiWording",
            summary = "Load the ODI wording my clinic holds a licence for (a FHIR Questionnaire: 10 choice items of 6"
                    + " options)")
    @APIResponse(
            responseCode = "201",
            description = "Loaded: ODI is now asked of the clinic's plans",
            content = @Content(schema = @Schema(implementation = WordingView.class)))
    @APIResponse(
            responseCode = "200",
            description = "Loaded, replacing the wording loaded before",
            content = @Content(schema = @Schema(implementation = WordingView.class)))
    public Response load(@NotNull(message = "a FHIR Questionnaire is required") LicensedQuestionnaire questionnaire) {
        Logged<ClinicQuestionnaire> loaded = wordings.loadOdi(caller.clinic(), caller.subject(), questionnaire.json());
        return Response.status(loaded.created() ? 201 : 200)
                .entity(WordingView.of(loaded.value()))
                .build();
    }
}

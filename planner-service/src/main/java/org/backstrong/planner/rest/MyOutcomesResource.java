package org.backstrong.planner.rest;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.backstrong.planner.domain.OutcomeResponse;
import org.backstrong.planner.security.Caller;
import org.backstrong.planner.security.Roles;
import org.backstrong.planner.service.DueMeasure;
import org.backstrong.planner.service.Logged;
import org.backstrong.planner.service.OutcomeInput;
import org.backstrong.planner.service.OutcomeMeasures;

/** The patient's outcome measures: what is due now, and sending a filled-in one. */
@Path("/me/outcomes")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.PATIENT)
@Tag(name = "My outcome measures", description = "The questionnaires my plan asks me to fill in, and my answers")
public class MyOutcomesResource {

    private final OutcomeMeasures outcomes;
    private final Caller caller;
    private final Clock clock;

    public MyOutcomesResource(OutcomeMeasures outcomes, Caller caller, Clock clock) {
        this.outcomes = outcomes;
        this.caller = caller;
        this.clock = clock;
    }

    @GET
    @Path("/due")
    @Operation(operationId = "listMyDueOutcomes", summary = "The outcome measures my current plan asks for now")
    public List<DueMeasure> due() {
        return outcomes.due(caller.subject(), LocalDate.now(clock));
    }

    /** 201 when stored and scored; the same id again answers 200 with what was stored the first time. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "submitMyOutcome",
            summary = "Send a filled-in outcome measure (sending the same id again is safe)")
    @APIResponse(
            responseCode = "201",
            description = "Stored and scored",
            headers = @Header(ref = "Location"),
            content = @Content(schema = @Schema(implementation = OutcomeView.class)))
    @APIResponse(
            responseCode = "200",
            description = "Stored before: the first answer",
            content = @Content(schema = @Schema(implementation = OutcomeView.class)))
    @APIResponse(responseCode = "404", description = "No such plan of mine")
    @APIResponse(
            responseCode = "409",
            description = "That occasion of the measure is answered already, or the id is taken")
    @APIResponse(
            responseCode = "422",
            description =
                    "The plan's schedule has no such occasion, it is not due yet, or the measure is not scheduled")
    public Response submit(@NotNull(message = "a JSON response is required") @Valid OutcomeInput body) {
        Logged<OutcomeResponse> logged = outcomes.submit(caller.subject(), body, LocalDate.now(clock));
        OutcomeView view = OutcomeView.of(logged.value(), outcomes.answersOf(logged.value()));
        return logged.created()
                ? Response.created(URI.create("/me/outcomes/" + view.id()))
                        .entity(view)
                        .build()
                : Response.ok(view).build();
    }
}

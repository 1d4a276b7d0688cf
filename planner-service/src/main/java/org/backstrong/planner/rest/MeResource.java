package org.backstrong.planner.rest;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.concurrent.CompletionStage;

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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.backstrong.planner.domain.MorningCheckIn;
import org.backstrong.planner.domain.SessionCompletion;
import org.backstrong.planner.security.Caller;
import org.backstrong.planner.security.Roles;
import org.backstrong.planner.service.CheckInInput;
import org.backstrong.planner.service.CompletionView;
import org.backstrong.planner.service.Logged;
import org.backstrong.planner.service.SessionView;
import org.backstrong.planner.service.Sessions;
import org.backstrong.planner.service.SetInput;
import org.backstrong.planner.service.SetLogging;
import org.backstrong.planner.service.SetView;

/** The patient's own side: today's session, logging sets, completing a session, the morning check-in. */
@Path("/me")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.PATIENT)
@Tag(name = "My sessions", description = "The signed-in patient's sessions, logged sets and morning check-ins")
public class MeResource {

    private final Sessions sessions;
    private final SetLogging logging;
    private final Caller caller;
    private final Clock clock;

    public MeResource(Sessions sessions, SetLogging logging, Caller caller, Clock clock) {
        this.sessions = sessions;
        this.logging = logging;
        this.caller = caller;
        this.clock = clock;
    }

    @GET
    @Path("/sessions/today")
    @Operation(operationId = "getMyTodaysSession", summary = "Today's session of my current plan")
    @APIResponseSchema(value = SessionView.class, responseDescription = "The session, or that today has none")
    @APIResponse(responseCode = "404", description = "I have no current plan")
    public SessionView today() {
        return sessions.ofPatient(caller.subject(), LocalDate.now(clock));
    }

    @GET
    @Path("/sessions/{date}")
    @Operation(operationId = "getMySession", summary = "A day's session of my current plan")
    @APIResponseSchema(value = SessionView.class, responseDescription = "The session, or that the day has none")
    @APIResponse(responseCode = "400", description = "The date is not yyyy-MM-dd")
    public SessionView session(@PathParam("date") String date) {
        return sessions.ofPatient(caller.subject(), PlanResource.parseDate(date));
    }

    /**
     * 201 when stored; the same set id again answers 200 with what was stored the first time. Not
     * blocking: the request waits for its group commit without holding a worker thread.
     */
    @POST
    @Path("/sets")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "logMySet", summary = "Log a set (sending the same setId again is safe)")
    @APIResponse(
            responseCode = "201",
            description = "Stored",
            headers = @Header(ref = "Location"),
            content = @Content(schema = @Schema(implementation = SetView.class)))
    @APIResponse(
            responseCode = "200",
            description = "Stored before: the first answer",
            content = @Content(schema = @Schema(implementation = SetView.class)))
    @APIResponse(responseCode = "404", description = "No such plan of mine")
    @APIResponse(
            responseCode = "409",
            description =
                    "The exercise is paused, the plan is not active, the set is logged already, or the setId is taken")
    @APIResponse(
            responseCode = "422",
            description = "The item is not in that day's session, or the day is not a session day or is in the future")
    @APIResponse(
            responseCode = "503",
            description = "Too many sets are waiting to be stored: send it again later",
            headers = @Header(ref = "Retry-After"))
    @CountsSetRefusals
    public CompletionStage<Response> logSet(@NotNull(message = "a JSON set is required") @Valid SetInput body) {
        return logging.logSet(caller.subject(), body, LocalDate.now(clock))
                .thenApply(logged ->
                        answer(logged.created(), "/me/sets/" + logged.value().id, SetView.of(logged.value())));
    }

    @POST
    @Path("/sessions/{date}/complete")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "completeMySession", summary = "Complete a day's session (completing it again is safe)")
    @APIResponse(
            responseCode = "201",
            description = "Completed",
            headers = @Header(ref = "Location"),
            content = @Content(schema = @Schema(implementation = CompletionView.class)))
    @APIResponse(
            responseCode = "200",
            description = "Completed before: the first answer",
            content = @Content(schema = @Schema(implementation = CompletionView.class)))
    @APIResponse(responseCode = "409", description = "The plan is not active")
    @APIResponse(responseCode = "422", description = "The day is not a session day, or is in the future")
    public Response complete(
            @PathParam("date") String text,
            @NotNull(message = "a JSON body with the planId is required") @Valid CompletionInput body) {
        LocalDate date = PlanResource.parseDate(text);
        Logged<SessionCompletion> completed =
                logging.completeSession(caller.subject(), body.planId(), date, LocalDate.now(clock));
        return answer(completed.created(), "/me/sessions/" + date, CompletionView.of(completed.value()));
    }

    @POST
    @Path("/check-ins")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "checkMeIn",
            summary = "The morning check-in after a session day (sending the same id again is safe)")
    @APIResponse(
            responseCode = "201",
            description = "Stored",
            headers = @Header(ref = "Location"),
            content = @Content(schema = @Schema(implementation = CheckInView.class)))
    @APIResponse(
            responseCode = "200",
            description = "Stored before: the first answer",
            content = @Content(schema = @Schema(implementation = CheckInView.class)))
    @APIResponse(responseCode = "409", description = "No plan, a check-in for that day already, or the id is taken")
    @APIResponse(
            responseCode = "422",
            description = "The date is in the future, or the day before was not a session day")
    public Response checkIn(@NotNull(message = "a JSON check-in is required") @Valid CheckInInput body) {
        Logged<MorningCheckIn> logged = logging.checkIn(caller.subject(), body, LocalDate.now(clock));
        return answer(logged.created(), "/me/check-ins/" + logged.value().id, CheckInView.of(logged.value()));
    }

    private static Response answer(boolean created, String location, Object body) {
        return created
                ? Response.created(URI.create(location)).entity(body).build()
                : Response.ok(body).build();
    }
}

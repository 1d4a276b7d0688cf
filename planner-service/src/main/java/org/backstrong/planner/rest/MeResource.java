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

import org.backstrong.planner.domain.MorningCheckIn;
import org.backstrong.planner.domain.SessionCompletion;
import org.backstrong.planner.security.Caller;
import org.backstrong.planner.security.Roles;
import org.backstrong.planner.service.Sessions;
import org.backstrong.planner.service.SetLogging;
import org.backstrong.planner.service.SetLogging.Logged;

/** The patient's own side: today's session, logging sets, completing a session, the morning check-in. */
@Path("/me")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.PATIENT)
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
    public SessionView today() {
        return sessions.ofPatient(caller.subject(), LocalDate.now(clock));
    }

    @GET
    @Path("/sessions/{date}")
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
    public CompletionStage<Response> logSet(@NotNull(message = "a JSON set is required") @Valid SetInput body) {
        return logging.logSet(caller.subject(), body, LocalDate.now(clock))
                .thenApply(logged -> answer(logged.created(), "/me/sets/" + logged.value().id, SetView.of(logged.value())));
    }

    @POST
    @Path("/sessions/{date}/complete")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response complete(@PathParam("date") String text,
            @NotNull(message = "a JSON body with the planId is required") @Valid CompletionInput body) {
        LocalDate date = PlanResource.parseDate(text);
        Logged<SessionCompletion> completed = logging.completeSession(caller.subject(), body.planId(), date,
                LocalDate.now(clock));
        return answer(completed.created(), "/me/sessions/" + date, CompletionView.of(completed.value()));
    }

    @POST
    @Path("/check-ins")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response checkIn(@NotNull(message = "a JSON check-in is required") @Valid CheckInInput body) {
        Logged<MorningCheckIn> logged = logging.checkIn(caller.subject(), body, LocalDate.now(clock));
        return answer(logged.created(), "/me/check-ins/" + logged.value().id, CheckInView.of(logged.value()));
    }

    private static Response answer(boolean created, String location, Object body) {
        return created ? Response.created(URI.create(location)).entity(body).build() : Response.ok(body).build();
    }
}

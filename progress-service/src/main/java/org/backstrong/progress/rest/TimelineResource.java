package org.backstrong.progress.rest;

import java.time.LocalDate;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.backstrong.input.InputDates;
import org.backstrong.progress.security.Caller;
import org.backstrong.progress.security.Roles;
import org.backstrong.progress.service.Timeline;

/** A clinician's view of one of their clinic's patients over time. */
@Path("/patients/{id}/timeline")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Timelines", description = "One patient's progress over time, for their clinicians")
public class TimelineResource {

    private final Timeline timeline;
    private final Caller caller;

    public TimelineResource(Timeline timeline, Caller caller) {
        this.timeline = timeline;
        this.caller = caller;
    }

    @GET
    @RolesAllowed(Roles.CLINICIAN)
    @Operation(operationId = "getPatientTimeline", summary = "The patient's decisions and flags, with their reasons")
    public Timeline.View timeline(
            @PathParam("id") @Pattern(regexp = "[A-Za-z0-9._-]{1,64}", message = "must be a patient id") String id,
            @QueryParam("from") String from,
            @QueryParam("to") String to) {
        // Without a range, every date a client may send.
        LocalDate first = DateRange.date("from", from, InputDates.EARLIEST);
        LocalDate last = DateRange.date("to", to, InputDates.LATEST);
        DateRange.ordered(first, last);
        String clinicId = caller.clinicId()
                .orElseThrow(() -> new ForbiddenException("A clinician's token must carry a clinic_id"));
        return timeline.of(clinicId, id, first, last);
    }
}

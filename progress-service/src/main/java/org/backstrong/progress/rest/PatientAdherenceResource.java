package org.backstrong.progress.rest;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

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

import org.backstrong.progress.security.Caller;
import org.backstrong.progress.security.Roles;
import org.backstrong.progress.service.InvalidInputException;
import org.backstrong.progress.service.PatientAdherence;

/** A clinician's view of one of their clinic's patients' adherence, week by week, as analysts count it. */
@Path("/patients/{id}/adherence")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Timelines", description = "One patient's progress over time, for their clinicians")
public class PatientAdherenceResource {

    /** Without from, the twelve weeks up to to, as the analysts' query. */
    static final int DEFAULT_WEEKS = 12;

    /** What GET /patients/{id}/adherence answers: the range read and its weeks, oldest first. */
    public record PatientAdherenceReport(
            String patientId, LocalDate from, LocalDate to, List<PatientAdherence.Week> weeks) {}

    private final PatientAdherence adherence;
    private final Caller caller;

    public PatientAdherenceResource(PatientAdherence adherence, Caller caller) {
        this.adherence = adherence;
        this.caller = caller;
    }

    @GET
    @RolesAllowed(Roles.CLINICIAN)
    @Operation(
            operationId = "getPatientAdherence",
            summary = "The patient's sessions and sets scheduled against done, per ISO week")
    public PatientAdherenceReport adherence(
            @PathParam("id") @Pattern(regexp = "[A-Za-z0-9._-]{1,64}", message = "must be a patient id") String id,
            @QueryParam("from") String from,
            @QueryParam("to") String to) {
        LocalDate last = DateRange.date("to", to, adherence.today());
        LocalDate first = DateRange.date("from", from, last.minusWeeks(DEFAULT_WEEKS));
        DateRange.ordered(first, last);
        if (ChronoUnit.DAYS.between(first, last) > adherence.maxRangeDays()) {
            throw new InvalidInputException("from", "the range must be at most " + adherence.maxRangeDays() + " days");
        }
        String clinicId = caller.clinicId()
                .orElseThrow(() -> new ForbiddenException("A clinician's token must carry a clinic_id"));
        return new PatientAdherenceReport(id, first, last, adherence.weeks(clinicId, id, first, last));
    }
}

package org.backstrong.progress.rest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.backstrong.progress.domain.outcome.OutcomeChange;
import org.backstrong.progress.domain.outcome.OutcomeResponse;
import org.backstrong.progress.security.Caller;
import org.backstrong.progress.security.Roles;
import org.backstrong.progress.service.NotFoundException;
import org.backstrong.progress.service.Outcomes;

/** One patient's outcome measures over time with their verdicts, for the patient's clinicians and the patient. */
@Path("/patients/{id}/outcomes")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Timelines", description = "One patient's progress over time, for their clinicians")
public class PatientOutcomesResource {

    /** What GET /patients/{id}/outcomes answers: one entry per measure the patient has responses of. */
    public record PatientOutcomes(String patientId, List<MeasureOutcome> measures) {}

    /**
     * A measure's course: the baseline, every follow-up oldest first, the latest (null before the first
     * follow-up), and the verdict: the rule that decided, whether the change is clinically important (null
     * with no follow-up), the numbers the rule read and the verdict in words.
     */
    public record MeasureOutcome(
            String measure,
            BigDecimal scaleMax,
            boolean higherIsBetter,
            ScoredResponse baseline,
            List<ScoredResponse> followUps,
            ScoredResponse latest,
            String rule,
            Boolean clinicallyImportant,
            Map<String, Object> numbers,
            String reason) {}

    /** One response: its occasion (BASELINE, FOLLOW_UP, END_OF_PLAN), the days it was due and done, its score. */
    public record ScoredResponse(
            UUID outcomeId, String occasion, LocalDate dueOn, LocalDate completedOn, BigDecimal score) {}

    private final Outcomes outcomes;
    private final Caller caller;

    public PatientOutcomesResource(Outcomes outcomes, Caller caller) {
        this.outcomes = outcomes;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({Roles.CLINICIAN, Roles.PATIENT})
    @Operation(
            operationId = "getPatientOutcomes",
            summary =
                    "The patient's outcome measures: baseline, follow-ups, change and whether it is clinically important")
    public PatientOutcomes outcomes(
            @PathParam("id") @Pattern(regexp = "[A-Za-z0-9._-]{1,64}", message = "must be a patient id") String id,
            @Context SecurityContext security) {
        List<OutcomeChange> courses;
        if (security.isUserInRole(Roles.PATIENT) && id.equals(caller.subject())) {
            courses = outcomes.ofPatient(id);
        } else if (security.isUserInRole(Roles.CLINICIAN)) {
            String clinicId = caller.clinicId()
                    .orElseThrow(() -> new ForbiddenException("A clinician's token must carry a clinic_id"));
            courses = outcomes.ofClinicPatient(clinicId, id);
        } else {
            // Another patient's outcomes: as missing as any other's data.
            throw new NotFoundException("No such patient");
        }
        return new PatientOutcomes(
                id, courses.stream().map(PatientOutcomesResource::measure).toList());
    }

    private static MeasureOutcome measure(OutcomeChange course) {
        OutcomeChange.Verdict verdict = course.verdict();
        return new MeasureOutcome(
                course.measure().name(),
                course.measure().scaleMax(),
                course.measure().higherIsBetter(),
                response(course.baseline()),
                course.followUps().stream()
                        .map(PatientOutcomesResource::response)
                        .toList(),
                course.latest() == null ? null : response(course.latest()),
                verdict.rule().name(),
                verdict.clinicallyImportant(),
                verdict.numbers(),
                verdict.reason());
    }

    private static ScoredResponse response(OutcomeResponse response) {
        return new ScoredResponse(
                response.outcomeId(),
                response.occasion().name(),
                response.dueOn(),
                response.completedOn(),
                response.score().stripTrailingZeros().scale() < 0
                        ? response.score().setScale(0)
                        : response.score().stripTrailingZeros());
    }
}

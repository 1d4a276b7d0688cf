package org.backstrong.planner.web;

import java.time.LocalDate;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.logging.Log;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import org.backstrong.planner.domain.Patient;
import org.backstrong.planner.security.Caller;
import org.backstrong.planner.security.Roles;
import org.backstrong.planner.service.InvalidInputException;
import org.backstrong.planner.service.PatientRegistry;
import org.backstrong.planner.service.ScreeningInput;

/**
 * A patient's screening (/app/clinic/patients/{id}/screening): whether they have a pre-existing back
 * condition, and the professional's clearance that lets a plan start. The same rules as
 * {@code PUT /patients/{id}/screening}; a refused form comes back with plain words beside its fields.
 */
@Path("/app/clinic/patients/{id}/screening")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.CLINICIAN)
public class ScreeningPages {

    private final PatientRegistry registry;
    private final Validator validator;
    private final Caller caller;
    private final CsrfTokens csrf;

    public ScreeningPages(PatientRegistry registry, Validator validator, Caller caller, CsrfTokens csrf) {
        this.registry = registry;
        this.validator = validator;
        this.caller = caller;
        this.csrf = csrf;
    }

    /** The form as shown: what is on record or was typed, and what was wrong with it. */
    public record ScreeningForm(String preExistingCondition, String clearedOn, String clearedBy, FieldErrors errors) {

        public boolean condition() {
            return "yes".equals(preExistingCondition);
        }

        public boolean noCondition() {
            return "no".equals(preExistingCondition);
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance screening(
                PageFrame frame, String patientId, String patientName, String today, ScreeningForm form);
    }

    @GET
    public TemplateInstance form(@PathParam("id") String id) {
        Patient patient = registry.get(caller.clinic(), id);
        return page(
                patient,
                new ScreeningForm(
                        patient.preExistingCondition ? "yes" : "no",
                        patient.clearedOn == null ? "" : patient.clearedOn.toString(),
                        patient.clearedBy == null ? "" : patient.clearedBy,
                        FieldErrors.none()));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response save(
            @PathParam("id") String id,
            @FormParam("preExistingCondition") String preExistingCondition,
            @FormParam("clearedOn") String clearedOn,
            @FormParam("clearedBy") String clearedBy) {
        Patient patient = registry.get(caller.clinic(), id);
        FieldErrors errors = FieldErrors.none();
        Boolean condition = switch (preExistingCondition == null ? "" : preExistingCondition.trim()) {
            case "yes" -> Boolean.TRUE;
            case "no" -> Boolean.FALSE;
            default -> {
                errors.add("preExistingCondition", "Answer yes or no");
                yield null;
            }
        };
        LocalDate cleared = FormValues.date(clearedOn, "clearedOn", errors);
        ScreeningInput input = new ScreeningInput(condition, cleared, FormValues.text(clearedBy));
        if (errors.isEmpty()) {
            errors.addAll(validator.validate(input), field -> field);
        }
        if (errors.isEmpty()) {
            try {
                registry.updateScreening(caller.clinic(), id, input);
                return PageResponses.seeOther("/app/clinic/patients/" + id + "?flash=screened");
            } catch (InvalidInputException e) {
                errors.add(e, field -> field);
            }
        }
        Log.infof(
                "Screening form for patient %s refused: %s",
                id, errors.all().get(0).field());
        return PageResponses.html(
                Response.Status.BAD_REQUEST,
                page(
                        patient,
                        new ScreeningForm(
                                orEmpty(preExistingCondition),
                                orEmpty(clearedOn),
                                orEmpty(clearedBy),
                                plainWords(errors))));
    }

    private TemplateInstance page(Patient patient, ScreeningForm form) {
        return Templates.screening(
                PageFrame.of(caller, csrf, "Screening of " + patient.displayName, "clinic"),
                patient.id,
                patient.displayName,
                LocalDate.now().toString(),
                form);
    }

    private static FieldErrors plainWords(FieldErrors errors) {
        FieldErrors plain = FieldErrors.none();
        for (FieldErrors.Message message : errors.all()) {
            String text = message.text();
            plain.add(
                    message.field(),
                    switch (message.field()) {
                        case "clearedOn" ->
                            text.startsWith("must be a date (")
                                    ? "Give the date of the clearance, as on the calendar"
                                    : text.contains("past or in the present")
                                            ? "The clearance cannot be dated in the future"
                                            : text.startsWith("a clearance is recorded only")
                                                    ? "A clearance is recorded only for a pre-existing"
                                                            + " condition: answer yes above, or leave the date empty"
                                                    : "Date of the clearance: " + text;
                        case "clearedBy" -> "Who cleared the patient: keep it under 200 characters";
                        default -> text;
                    });
        }
        return plain;
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}

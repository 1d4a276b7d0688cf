package org.backstrong.planner.web;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.IntStream;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.TemplateInstance;

import org.backstrong.planner.security.Caller;
import org.backstrong.planner.security.Roles;
import org.backstrong.planner.service.AssignmentInput;
import org.backstrong.planner.service.ConflictException;
import org.backstrong.planner.service.InvalidInputException;
import org.backstrong.planner.service.PatientRegistry;
import org.backstrong.planner.service.Plans;
import org.backstrong.planner.service.TemplateLibrary;
import org.backstrong.planner.web.ClinicPatientView.Assignment;
import org.backstrong.planner.web.ClinicPatientView.AssignmentChoices;
import org.backstrong.planner.web.ClinicPatientView.TemplateChoice;
import org.backstrong.planner.web.ClinicPatientView.Weekday;

/**
 * A clinician's pages of one of the clinic's patients (/app/clinic/patients/{id}): the patient's
 * page ({@link ClinicPatientView}) and assigning a plan from a template. A plan's own pages
 * (managing and printing it) are {@link PlanPages}.
 */
@Path("/app/clinic/patients/{id}")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.CLINICIAN)
public class ClinicPatientPages {

    private final ClinicPatientView view;
    private final PatientRegistry registry;
    private final Plans plans;
    private final TemplateLibrary templates;
    private final Validator validator;
    private final Caller caller;
    private final Clock clock;

    public ClinicPatientPages(
            ClinicPatientView view,
            PatientRegistry registry,
            Plans plans,
            TemplateLibrary templates,
            Validator validator,
            Caller caller,
            Clock clock) {
        this.view = view;
        this.registry = registry;
        this.plans = plans;
        this.templates = templates;
        this.validator = validator;
        this.caller = caller;
        this.clock = clock;
    }

    @GET
    public TemplateInstance patient(@PathParam("id") String id, @QueryParam("flash") String flash) {
        return view.page(id, blankAssignment(), choices(), flashText(flash));
    }

    /** Assigns a template; a refused form, or a plan that may not start (409), comes back on the patient's page. */
    @POST
    @Path("/plans")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response assign(
            @PathParam("id") String id,
            @FormParam("templateId") String templateId,
            @FormParam("startDate") String startDate,
            @FormParam("weekdays") List<String> weekdays) {
        registry.get(caller.clinic(), id);
        FieldErrors errors = FieldErrors.none();
        UUID template = FormValues.uuid(templateId, "templateId", errors);
        LocalDate start = FormValues.date(startDate, "startDate", errors);
        List<Integer> days = new ArrayList<>();
        for (String day : weekdays == null ? List.<String>of() : weekdays) {
            Integer number = FormValues.whole(day, "weekdays", errors);
            if (number != null) {
                days.add(number);
            }
        }
        AssignmentInput input = new AssignmentInput(template, start, days);
        if (errors.isEmpty()) {
            errors.addAll(validator.validate(input), field -> field.startsWith("weekdays") ? "weekdays" : field);
        }
        String conflict = null;
        if (errors.isEmpty()) {
            try {
                plans.assign(caller.clinic(), caller.author(), id, input);
                return PageResponses.seeOther("/app/clinic/patients/" + id + "?flash=assigned");
            } catch (InvalidInputException e) {
                errors.add(e, field -> field);
            } catch (ConflictException e) {
                conflict = e.getMessage();
            }
        }
        Assignment assignment = new Assignment(
                orEmpty(templateId), orEmpty(startDate), weekdays == null ? List.of() : weekdays, errors, conflict);
        return PageResponses.html(
                conflict != null ? Response.Status.CONFLICT : Response.Status.BAD_REQUEST,
                view.page(id, assignment, choices(), null));
    }

    private Assignment blankAssignment() {
        return new Assignment("", LocalDate.now(clock).toString(), List.of("1", "3", "5"), FieldErrors.none(), null);
    }

    private AssignmentChoices choices() {
        List<TemplateChoice> choices = templates.list(caller.clinic()).stream()
                .map(t -> new TemplateChoice(t.id.toString(), t.name, t.weeks, t.sessionsPerWeek))
                .toList();
        List<Weekday> weekdays = IntStream.rangeClosed(1, 7)
                .mapToObj(day -> new Weekday(day, DayOfWeek.of(day).getDisplayName(TextStyle.FULL, Locale.ENGLISH)))
                .toList();
        return new AssignmentChoices(choices, weekdays);
    }

    private static String flashText(String flash) {
        if (flash == null) {
            return null;
        }
        return switch (flash) {
            case "enrolled" -> "Patient enrolled.";
            case "assigned" -> "Plan assigned.";
            case "screened" -> "Screening saved.";
            case "ended" -> "Plan ended.";
            default -> null;
        };
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }
}

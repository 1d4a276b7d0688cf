package org.backstrong.planner.web;

import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import org.backstrong.planner.accounts.AccountsUnavailableException;
import org.backstrong.planner.security.Caller;
import org.backstrong.planner.security.Roles;
import org.backstrong.planner.service.ConflictException;
import org.backstrong.planner.service.EnrolmentInput;
import org.backstrong.planner.service.InvalidInputException;
import org.backstrong.planner.service.PatientRegistry;

/**
 * The clinic's patients (/app/clinic), a page at a time, with the enrolment form: invite a new
 * account or link an existing one, and the screening answers. Each patient's own page is
 * {@link ClinicPatientPages}.
 */
@Path("/app/clinic")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.CLINICIAN)
public class PatientListPages {

    static final int PAGE_SIZE = 50;
    /** A Keycloak user id (a UUID); anything else in the enrolment's account field is a login name. */
    private static final Pattern USER_ID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final PatientRegistry registry;
    private final Validator validator;
    private final Caller caller;
    private final CsrfTokens csrf;

    public PatientListPages(PatientRegistry registry, Validator validator, Caller caller, CsrfTokens csrf) {
        this.registry = registry;
        this.validator = validator;
        this.caller = caller;
        this.csrf = csrf;
    }

    /**
     * The enrolment form as typed, and what was wrong with it: {@code account} is "new" (invite a
     * new account) or "existing" ({@code id} holds its login name or user id).
     */
    public record Enrolment(
            String account,
            String id,
            String displayName,
            String preExistingCondition,
            String clearedOn,
            String clearedBy,
            FieldErrors errors,
            String unavailable) {

        static Enrolment blank() {
            return new Enrolment("new", "", "", "no", "", "", FieldErrors.none(), null);
        }

        public boolean condition() {
            return "yes".equals(preExistingCondition);
        }

        public boolean existing() {
            return !"new".equals(account);
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance patients(
                PageFrame frame, List<PatientLine> patients, int page, boolean more, Enrolment enrolment);
    }

    @GET
    public TemplateInstance patients(@QueryParam("page") String page) {
        return patientsPage(pageIndex(page), Enrolment.blank());
    }

    /**
     * Enrols a patient: invites a new account (then shows the one-time password once, on the
     * invitation page), or links an existing account of the clinic by login name or user id. A
     * refused form comes back with each message next to its field, and nothing is stored.
     */
    @POST
    @Path("/patients")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response enrol(
            @FormParam("account") String account,
            @FormParam("id") String id,
            @FormParam("displayName") String displayName,
            @FormParam("preExistingCondition") String preExistingCondition,
            @FormParam("clearedOn") String clearedOn,
            @FormParam("clearedBy") String clearedBy,
            @Context UriInfo uri) {
        FieldErrors errors = FieldErrors.none();
        // Without a choice (an older form) an id given means that account.
        boolean invite = "new".equals(account) || (account == null && FormValues.text(id) == null);
        if (account != null && !"new".equals(account) && !"existing".equals(account)) {
            errors.add("account", "choose a new account or an existing one");
        }
        String existing = invite ? null : FormValues.text(id, "id", errors);
        if (!invite && existing == null) {
            errors.add("id", "give the login name or user id of the patient's account");
        }
        Boolean condition = switch (preExistingCondition == null ? "" : preExistingCondition.trim()) {
            case "yes" -> Boolean.TRUE;
            case "no" -> Boolean.FALSE;
            default -> {
                errors.add("preExistingCondition", "answer yes or no");
                yield null;
            }
        };
        LocalDate cleared = FormValues.date(clearedOn, "clearedOn", errors);
        boolean byId = existing != null && USER_ID.matcher(existing).matches();
        EnrolmentInput input = new EnrolmentInput(
                byId ? existing : null,
                existing != null && !byId ? existing : null,
                FormValues.text(displayName, "displayName", errors),
                condition,
                cleared,
                FormValues.text(clearedBy, "clearedBy", errors));
        String unavailable = null;
        if (errors.isEmpty()) {
            errors.addAll(validator.validate(input), field -> "username".equals(field) ? "id" : field);
        }
        if (errors.isEmpty()) {
            try {
                PatientRegistry.Enrolled enrolled = registry.enrol(caller.clinic(), caller.subject(), input);
                if (enrolled.invitation() == null) {
                    return PageResponses.seeOther("/app/clinic/patients/" + enrolled.patient().id + "?flash=enrolled");
                }
                return InvitationPage.handOver(enrolled.patient().id, enrolled.invitation(), uri);
            } catch (InvalidInputException e) {
                errors.add(e, field -> "username".equals(field) ? "id" : field);
            } catch (ConflictException e) {
                errors.add("id", e.getMessage());
            } catch (AccountsUnavailableException e) {
                unavailable = "Patients' sign-in accounts cannot be reached just now, so nobody was enrolled. "
                        + "Try again in a minute.";
            }
        }
        Enrolment enrolment = new Enrolment(
                invite ? "new" : "existing",
                orEmpty(id),
                orEmpty(displayName),
                orEmpty(preExistingCondition),
                orEmpty(clearedOn),
                orEmpty(clearedBy),
                errors,
                unavailable);
        return PageResponses.html(
                unavailable != null ? Response.Status.SERVICE_UNAVAILABLE : Response.Status.BAD_REQUEST,
                patientsPage(0, enrolment));
    }

    private TemplateInstance patientsPage(int page, Enrolment enrolment) {
        List<PatientLine> patients = registry.list(caller.clinic(), page, PAGE_SIZE).stream()
                .map(PatientLine::of)
                .toList();
        return Templates.patients(
                PageFrame.of(caller, csrf, "Patients", "clinic"),
                patients,
                page,
                patients.size() == PAGE_SIZE,
                enrolment);
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }

    private static int pageIndex(String page) {
        try {
            return page == null ? 0 : Math.max(0, Math.min(99_999, Integer.parseInt(page.trim())));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}

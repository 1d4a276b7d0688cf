package org.backstrong.planner.web;

import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Validator;
import jakarta.ws.rs.BeanParam;
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

import io.quarkus.logging.Log;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import org.backstrong.planner.domain.BandColours;
import org.backstrong.planner.domain.DoseKind;
import org.backstrong.planner.domain.LoadKind;
import org.backstrong.planner.domain.Plan;
import org.backstrong.planner.domain.PlanItem;
import org.backstrong.planner.domain.Prescription;
import org.backstrong.planner.domain.PrescriptionChange;
import org.backstrong.planner.rest.StatusChange;
import org.backstrong.planner.security.Caller;
import org.backstrong.planner.security.Roles;
import org.backstrong.planner.service.ConflictException;
import org.backstrong.planner.service.InvalidInputException;
import org.backstrong.planner.service.NotFoundException;
import org.backstrong.planner.service.PatientRegistry;
import org.backstrong.planner.service.Plans;
import org.backstrong.planner.service.PrescriptionBody;
import org.backstrong.planner.service.PrescriptionEdit;

/**
 * A clinician runs a patient's plan (/app/clinic/plans/{id}): change one exercise's prescription,
 * pause, resume or end the plan, each with a reason kept in the plan's history with who made it;
 * and print it.
 * The same services as the API ({@link Plans}) decide; a refused form comes back with its messages
 * in plain words beside the fields, and nothing is changed.
 */
@Path("/app/clinic/plans/{id}")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.CLINICIAN)
public class PlanPages {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    private final Plans plans;
    private final PatientRegistry registry;
    private final Validator validator;
    private final Caller caller;
    private final CsrfTokens csrf;
    private final ClinicTime time;
    private final PrintedPlans printedPlans;

    public PlanPages(
            Plans plans,
            PatientRegistry registry,
            Validator validator,
            Caller caller,
            CsrfTokens csrf,
            ClinicTime time,
            PrintedPlans printedPlans) {
        this.plans = plans;
        this.registry = registry;
        this.validator = validator;
        this.caller = caller;
        this.csrf = csrf;
        this.time = time;
        this.printedPlans = printedPlans;
    }

    /** The plan as its page shows it. */
    public record PlanSummary(
            UUID id,
            String patientId,
            String patientName,
            String name,
            String goal,
            String status,
            String statusReason,
            String startDate,
            String endDate,
            String days,
            List<ItemLine> items) {

        public boolean active() {
            return "active".equals(status);
        }

        public boolean paused() {
            return "paused".equals(status);
        }

        public boolean ended() {
            return "completed".equals(status);
        }
    }

    public record ItemLine(
            UUID id,
            int position,
            String block,
            String exerciseName,
            String dose,
            String load,
            String rest,
            boolean paused,
            String pauseReason) {}

    /** One entry of the plan's history: when (in the clinic's zone), who by name, which exercise, why. */
    public record HistoryLine(String when, String who, String exercise, String rule, String reason) {}

    /** A pause, resume or end form as sent ({@code action} names which), what was wrong, or why it could not be done. */
    public record StatusForm(String action, String reason, FieldErrors errors, String conflict) {

        static StatusForm blank() {
            return new StatusForm("", "", FieldErrors.none(), null);
        }

        /** What the reason field of the form for {@code of} shows: what was typed there, else nothing. */
        public String reasonOf(String of) {
            return action.equals(of) ? reason : "";
        }

        public boolean invalid(String of) {
            return action.equals(of) && errors.has("reason");
        }

        public String error(String of) {
            return action.equals(of) ? errors.get("reason") : null;
        }

        public boolean refused(String of) {
            return action.equals(of) && conflict != null;
        }
    }

    /** The prescription form's fields as sent. */
    public static class PrescriptionFields {
        @FormParam("doseKind")
        public String doseKind;

        @FormParam("sets")
        public String sets;

        @FormParam("setsMax")
        public String setsMax;

        @FormParam("repsMin")
        public String repsMin;

        @FormParam("repsMax")
        public String repsMax;

        @FormParam("holdSeconds")
        public String holdSeconds;

        @FormParam("secondsMin")
        public String secondsMin;

        @FormParam("secondsMax")
        public String secondsMax;

        @FormParam("perSide")
        public String perSide;

        @FormParam("loadKind")
        public String loadKind;

        @FormParam("loadKg")
        public String loadKg;

        @FormParam("band")
        public String band;

        @FormParam("restSeconds")
        public String restSeconds;

        @FormParam("loadStepPercent")
        public String loadStepPercent;

        @FormParam("notes")
        public String notes;

        @FormParam("reason")
        public String reason;
    }

    /**
     * The prescription form as shown: its fields follow the exercise's dose kind (reps, or seconds for a
     * hold or a timed exercise), what was typed, and what was wrong with it.
     */
    public record PrescriptionForm(
            String doseKind,
            String sets,
            String setsMax,
            String repsMin,
            String repsMax,
            String holdSeconds,
            String secondsMin,
            String secondsMax,
            boolean perSide,
            String loadKind,
            String loadKg,
            String band,
            String restSeconds,
            String loadStepPercent,
            String notes,
            String reason,
            FieldErrors errors,
            String conflict) {

        public boolean reps() {
            return "reps".equals(doseKind);
        }

        /** How the form names the timed dose: "held" for a hold, "done" for a duration. */
        public String timedAs() {
            return "hold".equals(doseKind) ? "Held for" : "Done for";
        }

        public boolean load(String kind) {
            return kind.equals(loadKind);
        }

        static PrescriptionForm of(Prescription p) {
            return new PrescriptionForm(
                    p.doseKind.name().toLowerCase(Locale.ROOT),
                    text(p.sets),
                    text(p.setsMax),
                    text(p.repsMin),
                    text(p.repsMax),
                    text(p.holdSeconds),
                    text(p.secondsMin),
                    text(p.secondsMax),
                    p.perSide,
                    p.loadKind.name().toLowerCase(Locale.ROOT),
                    text(p.loadKg),
                    orEmpty(p.band),
                    text(p.restSeconds),
                    text(p.loadStepPercent),
                    orEmpty(p.notes),
                    "",
                    FieldErrors.none(),
                    null);
        }

        static PrescriptionForm of(PrescriptionFields f, String doseKind, FieldErrors errors, String conflict) {
            return new PrescriptionForm(
                    doseKind,
                    orEmpty(f.sets),
                    orEmpty(f.setsMax),
                    orEmpty(f.repsMin),
                    orEmpty(f.repsMax),
                    orEmpty(f.holdSeconds),
                    orEmpty(f.secondsMin),
                    orEmpty(f.secondsMax),
                    f.perSide != null,
                    orEmpty(f.loadKind),
                    orEmpty(f.loadKg),
                    orEmpty(f.band),
                    orEmpty(f.restSeconds),
                    orEmpty(f.loadStepPercent),
                    orEmpty(f.notes),
                    orEmpty(f.reason),
                    errors,
                    conflict);
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance plan(
                PageFrame frame, PlanSummary plan, List<HistoryLine> history, StatusForm status, String flash);

        static native TemplateInstance item(
                PageFrame frame, PlanSummary plan, ItemLine item, PrescriptionForm form, List<String> bands);
    }

    @GET
    public TemplateInstance plan(@PathParam("id") UUID id, @QueryParam("flash") String flash) {
        return planPage(plans.forClinician(caller.clinic(), id), StatusForm.blank(), flashText(flash));
    }

    @POST
    @Path("/pause")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response pause(@PathParam("id") UUID id, @FormParam("reason") String reason) {
        return changeStatus(id, "pause", reason);
    }

    @POST
    @Path("/resume")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response resume(@PathParam("id") UUID id, @FormParam("reason") String reason) {
        return changeStatus(id, "resume", reason);
    }

    @POST
    @Path("/end")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response end(@PathParam("id") UUID id, @FormParam("reason") String reason) {
        return changeStatus(id, "end", reason);
    }

    /** The plan to print and hand over, as at the API's address, with its style sheet from /assets (the CSP allows no inline style). */
    @GET
    @Path("/print")
    public TemplateInstance print(@PathParam("id") UUID id) {
        return printedPlans.page(plans.forClinician(caller.clinic(), id), true, true);
    }

    @GET
    @Path("/items/{itemId}")
    public TemplateInstance item(@PathParam("id") UUID id, @PathParam("itemId") UUID itemId) {
        Plan plan = plans.forClinician(caller.clinic(), id);
        PlanItem item = itemOf(plan, itemId);
        return itemPage(plan, item, PrescriptionForm.of(item.prescription));
    }

    /** Changes one exercise's prescription with a reason; the audit entry names the clinician. */
    @POST
    @Path("/items/{itemId}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response editItem(
            @PathParam("id") UUID id, @PathParam("itemId") UUID itemId, @BeanParam PrescriptionFields fields) {
        Plan plan = plans.forClinician(caller.clinic(), id);
        PlanItem item = itemOf(plan, itemId);
        // The dose kind is the exercise's (the catalog's); the form shows the fields of that kind only.
        String doseKind = item.prescription.doseKind.name().toLowerCase(Locale.ROOT);
        FieldErrors errors = FieldErrors.none();
        boolean reps = item.prescription.doseKind == DoseKind.REPS;
        String loadKind = FormValues.text(fields.loadKind);
        // Only the load field of the chosen kind counts: a kg left typed in while choosing a band is not an error.
        BigDecimal kg = LoadKind.KG.name().equalsIgnoreCase(loadKind)
                ? FormValues.decimal(fields.loadKg, "loadKg", errors)
                : null;
        String band = LoadKind.BAND.name().equalsIgnoreCase(loadKind) ? FormValues.text(fields.band) : null;
        PrescriptionBody body = new PrescriptionBody(
                doseKind,
                FormValues.whole(fields.sets, "sets", errors),
                FormValues.whole(fields.setsMax, "setsMax", errors),
                reps ? FormValues.whole(fields.repsMin, "repsMin", errors) : null,
                reps ? FormValues.whole(fields.repsMax, "repsMax", errors) : null,
                reps ? null : FormValues.whole(fields.secondsMin, "secondsMin", errors),
                reps ? null : FormValues.whole(fields.secondsMax, "secondsMax", errors),
                reps ? FormValues.whole(fields.holdSeconds, "holdSeconds", errors) : null,
                fields.perSide != null,
                loadKind,
                kg,
                band,
                FormValues.whole(fields.restSeconds, "restSeconds", errors),
                FormValues.decimal(fields.loadStepPercent, "loadStepPercent", errors),
                null,
                FormValues.text(fields.notes));
        PrescriptionEdit edit = new PrescriptionEdit(body, FormValues.text(fields.reason));
        if (errors.isEmpty()) {
            errors.addAll(validator.validate(edit), PlanPages::formField);
        }
        String conflict = null;
        if (errors.isEmpty()) {
            try {
                plans.editItem(caller.clinic(), caller.author(), id, itemId, edit);
                return PageResponses.seeOther("/app/clinic/plans/" + id + "?flash=edited");
            } catch (InvalidInputException e) {
                errors.add(e, PlanPages::formField);
            } catch (ConflictException e) {
                conflict = e.getMessage();
            }
        }
        Log.infof(
                "Prescription form for plan %s item %s refused: %s",
                id, itemId, conflict != null ? "conflict" : errors.all().get(0).field());
        return PageResponses.html(
                conflict != null ? Response.Status.CONFLICT : Response.Status.BAD_REQUEST,
                itemPage(plan, item, PrescriptionForm.of(fields, doseKind, plainWords(errors), conflict)));
    }

    private Response changeStatus(UUID id, String action, String reason) {
        Plan plan = plans.forClinician(caller.clinic(), id);
        FieldErrors errors = FieldErrors.none();
        StatusChange change = new StatusChange(FormValues.text(reason));
        errors.addAll(validator.validate(change), field -> field);
        String conflict = null;
        if (errors.isEmpty()) {
            try {
                switch (action) {
                    case "pause" -> plans.pause(caller.clinic(), caller.author(), id, change.reason());
                    case "resume" -> plans.resume(caller.clinic(), caller.author(), id, change.reason());
                    default -> plans.end(caller.clinic(), caller.author(), id, change.reason());
                }
                return "end".equals(action)
                        ? PageResponses.seeOther("/app/clinic/patients/" + plan.patientId + "?flash=ended")
                        : PageResponses.seeOther("/app/clinic/plans/" + id + "?flash=" + action + "d");
            } catch (ConflictException e) {
                conflict = e.getMessage();
            }
        }
        FieldErrors plain = FieldErrors.none();
        errors.all().forEach(message -> plain.add(message.field(), reasonInPlainWords(action, message.text())));
        StatusForm form = new StatusForm(action, reason == null ? "" : reason, plain, conflict);
        return PageResponses.html(
                conflict != null ? Response.Status.CONFLICT : Response.Status.BAD_REQUEST,
                planPage(plans.forClinician(caller.clinic(), id), form, null));
    }

    private TemplateInstance planPage(Plan plan, StatusForm status, String flash) {
        PlanSummary summary = summary(plan);
        Map<UUID, String> names = new HashMap<>();
        plan.items.forEach(item -> names.put(item.id, item.exerciseName));
        List<PrescriptionChange> trail = new ArrayList<>(plans.auditTrail(caller.clinic(), plan.id));
        Collections.reverse(trail);
        List<HistoryLine> history = trail.stream()
                .map(change -> new HistoryLine(
                        time.format(change.changedAt, plan.clinicId),
                        who(change),
                        change.itemId == null ? "the whole plan" : names.getOrDefault(change.itemId, "an exercise"),
                        change.rule,
                        change.reason))
                .toList();
        return Templates.plan(
                PageFrame.of(caller, csrf, "Plan: " + plan.name, "clinic"), summary, history, status, flash);
    }

    private TemplateInstance itemPage(Plan plan, PlanItem item, PrescriptionForm form) {
        return Templates.item(
                PageFrame.of(caller, csrf, "Change " + item.exerciseName, "clinic"),
                summary(plan),
                itemLine(item),
                form,
                BandColours.LIGHTEST_FIRST);
    }

    private PlanSummary summary(Plan plan) {
        String patientName = registry.get(caller.clinic(), plan.patientId).displayName;
        return new PlanSummary(
                plan.id,
                plan.patientId,
                patientName,
                plan.name,
                plan.goal,
                plan.status.name().toLowerCase(Locale.ROOT),
                plan.statusReason,
                DAY.format(plan.startDate),
                DAY.format(plan.schedule().endDate()),
                PlanInWords.weekdays(plan.weekdays),
                plan.items.stream().map(PlanPages::itemLine).toList());
    }

    /** The name of who made a change as it was when they made it; older entries say "a clinician". */
    static String who(PrescriptionChange change) {
        if (PrescriptionChange.AUTOMATIC.equals(change.changedBy)) {
            return "automatic";
        }
        return change.changedByName == null || change.changedByName.isBlank() ? "a clinician" : change.changedByName;
    }

    private static ItemLine itemLine(PlanItem item) {
        return new ItemLine(
                item.id,
                item.position,
                item.block.label(),
                item.exerciseName,
                PlanInWords.dose(item.prescription),
                PlanInWords.load(item.prescription),
                PlanInWords.rest(item.prescription),
                item.paused,
                item.pauseReason);
    }

    private static PlanItem itemOf(Plan plan, UUID itemId) {
        return plan.items.stream()
                .filter(item -> item.id.equals(itemId))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("Item " + itemId + " of plan " + plan.id));
    }

    /** The API's field ("prescription.repsMax") as the form's ("repsMax"). */
    static String formField(String field) {
        return field.startsWith("prescription.") ? field.substring("prescription.".length()) : field;
    }

    private static FieldErrors plainWords(FieldErrors errors) {
        FieldErrors plain = FieldErrors.none();
        for (FieldErrors.Message message : errors.all()) {
            plain.add(
                    message.field(),
                    "reason".equals(message.field())
                            ? "Give a reason: it is kept in the plan's history"
                            : PlainWords.prescription(message.field(), message.text()));
        }
        return plain;
    }

    private static String reasonInPlainWords(String action, String message) {
        return message.startsWith("size must be")
                ? "Keep the reason under 500 characters"
                : "Say why you " + action + " the plan: it is kept in the plan's history";
    }

    private static String flashText(String flash) {
        if (flash == null) {
            return null;
        }
        return switch (flash) {
            case "edited" -> "Prescription changed.";
            case "paused" -> "Plan paused.";
            case "resumed" -> "Plan resumed.";
            default -> null;
        };
    }

    private static String text(Object value) {
        if (value instanceof BigDecimal decimal) {
            return decimal.stripTrailingZeros().toPlainString();
        }
        return value == null ? "" : value.toString();
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}

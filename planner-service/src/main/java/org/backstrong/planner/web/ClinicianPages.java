package org.backstrong.planner.web;

import java.net.URI;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
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
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.backstrong.planner.accounts.AccountsUnavailableException;
import org.backstrong.planner.domain.LoggedSet;
import org.backstrong.planner.domain.Patient;
import org.backstrong.planner.domain.Plan;
import org.backstrong.planner.domain.PlanItem;
import org.backstrong.planner.domain.PlanStatus;
import org.backstrong.planner.domain.PrescriptionChange;
import org.backstrong.planner.domain.SessionCompletion;
import org.backstrong.planner.domain.StopAdvice;
import org.backstrong.planner.progress.PatientTimeline;
import org.backstrong.planner.progress.TimelineApi;
import org.backstrong.planner.repository.SessionCompletionRepository;
import org.backstrong.planner.rest.AssignmentInput;
import org.backstrong.planner.rest.EnrolmentInput;
import org.backstrong.planner.security.Caller;
import org.backstrong.planner.security.Roles;
import org.backstrong.planner.service.ConflictException;
import org.backstrong.planner.service.InvalidInputException;
import org.backstrong.planner.service.PatientHistory;
import org.backstrong.planner.service.PatientRegistry;
import org.backstrong.planner.service.Plans;
import org.backstrong.planner.service.TemplateLibrary;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.quarkus.logging.Log;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * The clinicians' patient pages (/app/clinic/...): the clinic's patients, enrolment with screening,
 * each patient's plan, history, recent sessions set by set with the patient's notes, progress
 * decisions and flags, and assigning a plan. A plan's own pages (managing and printing it) are {@link PlanPages}.
 */
@Path("/app/clinic")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.CLINICIAN)
public class ClinicianPages {

    static final int PAGE_SIZE = 50;
    /** A Keycloak user id (a UUID); anything else in the enrolment's account field is a login name. */
    private static final java.util.regex.Pattern USER_ID = java.util.regex.Pattern
            .compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
    /** Weeks the adherence chart shows, up to this one. */
    private static final int CHART_WEEKS = 12;
    /** Session days the patient's page lists set by set, newest first. */
    static final int RECENT_SESSIONS = 10;

    private final PatientRegistry registry;
    private final Plans plans;
    private final TemplateLibrary templates;
    private final PatientHistory history;
    private final TimelineApi timelines;
    private final SessionCompletionRepository completions;
    private final Validator validator;
    private final Caller caller;
    private final CsrfTokens csrf;
    private final Clock clock;
    private final ClinicTime time;

    public ClinicianPages(PatientRegistry registry, Plans plans, TemplateLibrary templates, PatientHistory history,
            @RestClient TimelineApi timelines, SessionCompletionRepository completions,
            Validator validator, Caller caller, CsrfTokens csrf, Clock clock, ClinicTime time) {
        this.completions = completions;
        this.registry = registry;
        this.plans = plans;
        this.templates = templates;
        this.history = history;
        this.timelines = timelines;
        this.validator = validator;
        this.caller = caller;
        this.csrf = csrf;
        this.clock = clock;
        this.time = time;
    }

    /**
     * The enrolment form as typed, and what was wrong with it: {@code account} is "new" (invite a
     * new account) or "existing" ({@code id} holds its login name or user id).
     */
    public record Enrolment(String account, String id, String displayName, String preExistingCondition,
            String clearedOn, String clearedBy, FieldErrors errors, String unavailable) {

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

    /** The assignment form as typed, what was wrong with it, and the 409's message when the plan could not start. */
    public record Assignment(String templateId, String startDate, List<String> weekdays, FieldErrors errors,
            String conflict) {

        public boolean day(int weekday) {
            return weekdays.contains(String.valueOf(weekday));
        }
    }

    public record PatientLine(String id, String displayName, String enrolledOn, boolean preExistingCondition,
            String clearedOn) {
    }

    public record Weekday(int number, String name) {
    }

    public record ItemLine(int position, String block, String exerciseId, String exerciseName, String dose, String load,
            String rest, boolean paused, String pauseReason) {
    }

    public record PlanLine(UUID id, String name, String goal, String status, String statusReason, String startDate,
            String endDate, int weeks, String days, List<ItemLine> items) {

        public boolean active() {
            return "active".equals(status);
        }
    }

    public record ChangeLine(String when, String who, String rule, String reason) {
    }

    /** A session day the patient logged, its sets in the plan's order. */
    public record SessionLine(String date, LocalDate day, List<SetLine> sets) {
    }

    /** A logged set as the clinician reads it; note is what the patient wrote about it, or null. */
    public record SetLine(UUID id, String exercise, int setNumber, String side, String amount, String load,
            String effort, int pain, boolean stop, boolean beyondNormalFatigue, String note) {
    }

    public record DecisionLine(String date, String exercise, String outcome, String rule, String reason) {
    }

    public record FlagLine(UUID id, String severity, boolean stop, String status, String exercise, String rule,
            String evidence, String raised, String resolutionNote) {
    }

    /** What progress-service said of the patient; {@code state} is shown, absent or unavailable. */
    public record Progress(String state, List<DecisionLine> decisions, List<FlagLine> flags) {

        public boolean shown() {
            return "shown".equals(state);
        }

        public boolean absent() {
            return "absent".equals(state);
        }

        public boolean unavailable() {
            return "unavailable".equals(state);
        }
    }

    public record PatientView(PatientLine patient, PlanLine current, List<PlanLine> past, List<PatientHistory.Week> weeks,
            String painChart, String adherenceChart, List<ChangeLine> changes, Progress progress,
            List<SessionLine> sessions) {
    }

    public record TemplateChoice(String id, String name, int weeks, int sessionsPerWeek) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance patients(PageFrame frame, List<PatientLine> patients, int page, boolean more,
                Enrolment enrolment);

        static native TemplateInstance patient(PageFrame frame, PatientView view, Assignment assignment,
                List<TemplateChoice> templates, List<Weekday> weekdays, String flash);
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
    public Response enrol(@FormParam("account") String account, @FormParam("id") String id,
            @FormParam("displayName") String displayName, @FormParam("preExistingCondition") String preExistingCondition,
            @FormParam("clearedOn") String clearedOn, @FormParam("clearedBy") String clearedBy,
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
        EnrolmentInput input = new EnrolmentInput(byId ? existing : null, existing != null && !byId ? existing : null,
                FormValues.text(displayName, "displayName", errors), condition, cleared,
                FormValues.text(clearedBy, "clearedBy", errors));
        String unavailable = null;
        if (errors.isEmpty()) {
            errors.addAll(validator.validate(input), field -> "username".equals(field) ? "id" : field);
        }
        if (errors.isEmpty()) {
            try {
                PatientRegistry.Enrolled enrolled = registry.enrol(caller.clinic(), caller.subject(), input);
                if (enrolled.invitation() == null) {
                    return seeOther("/app/clinic/patients/" + enrolled.patient().id + "?flash=enrolled");
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
        Enrolment enrolment = new Enrolment(invite ? "new" : "existing", orEmpty(id), orEmpty(displayName),
                orEmpty(preExistingCondition), orEmpty(clearedOn), orEmpty(clearedBy), errors, unavailable);
        return html(unavailable != null ? Response.Status.SERVICE_UNAVAILABLE : Response.Status.BAD_REQUEST,
                patientsPage(0, enrolment));
    }

    @GET
    @Path("/patients/{id}")
    public TemplateInstance patient(@PathParam("id") String id, @QueryParam("flash") String flash) {
        return patientPage(id, blankAssignment(), flashText(flash));
    }

    /** Assigns a template; a refused form, or a plan that may not start (409), comes back on the patient's page. */
    @POST
    @Path("/patients/{id}/plans")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response assign(@PathParam("id") String id, @FormParam("templateId") String templateId,
            @FormParam("startDate") String startDate, @FormParam("weekdays") List<String> weekdays) {
        registry.get(caller.clinic(), id);
        FieldErrors errors = FieldErrors.none();
        UUID template = FormValues.uuid(templateId, "templateId", errors);
        LocalDate start = FormValues.date(startDate, "startDate", errors);
        List<Integer> days = new ArrayList<>();
        for (String day : weekdays == null ? List.<String> of() : weekdays) {
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
                return seeOther("/app/clinic/patients/" + id + "?flash=assigned");
            } catch (InvalidInputException e) {
                errors.add(e, field -> field);
            } catch (ConflictException e) {
                conflict = e.getMessage();
            }
        }
        Assignment assignment = new Assignment(orEmpty(templateId), orEmpty(startDate),
                weekdays == null ? List.of() : weekdays, errors, conflict);
        return html(conflict != null ? Response.Status.CONFLICT : Response.Status.BAD_REQUEST,
                patientPage(id, assignment, null));
    }

    private TemplateInstance patientsPage(int page, Enrolment enrolment) {
        List<PatientLine> patients = registry.list(caller.clinic(), page, PAGE_SIZE).stream()
                .map(ClinicianPages::line).toList();
        return Templates.patients(PageFrame.of(caller, csrf, "Patients", "clinic"), patients, page,
                patients.size() == PAGE_SIZE, enrolment);
    }

    private TemplateInstance patientPage(String id, Assignment assignment, String flash) {
        String clinic = caller.clinic();
        Patient patient = registry.get(clinic, id);
        List<Plan> all = plans.ofPatient(clinic, id);
        Optional<Plan> current = all.stream().filter(plan -> plan.status != PlanStatus.COMPLETED).findFirst();
        Map<String, String> names = new HashMap<>();
        all.forEach(plan -> plan.items.forEach(item -> names.putIfAbsent(item.exerciseId, item.exerciseName)));
        Map<UUID, PlanItem> items = new HashMap<>();
        all.forEach(plan -> plan.items.forEach(item -> items.put(item.id, item)));
        List<PatientHistory.Week> weeks = history.weeks(id);
        PatientView view = new PatientView(line(patient), current.map(ClinicianPages::planLine).orElse(null),
                all.stream().filter(plan -> plan.status == PlanStatus.COMPLETED).map(ClinicianPages::planLine).toList(),
                weeks, WeeklyCharts.meanPain(weeks),
                SvgChart.bars("Sessions completed of those scheduled per week (%)", adherence(all,
                        completions.ofPlans(all.stream().map(plan -> plan.id).toList()), LocalDate.now(clock)), 100d),
                history.changes(id).stream().map(this::changeLine).toList(), progress(id, names),
                sessionLines(history.recentSets(id, RECENT_SESSIONS), items));
        List<TemplateChoice> choices = templates.list(clinic).stream()
                .map(t -> new TemplateChoice(t.id.toString(), t.name, t.weeks, t.sessionsPerWeek)).toList();
        List<Weekday> weekdays = IntStream.rangeClosed(1, 7)
                .mapToObj(day -> new Weekday(day, DayOfWeek.of(day).getDisplayName(TextStyle.FULL, Locale.ENGLISH)))
                .toList();
        return Templates.patient(PageFrame.of(caller, csrf, patient.displayName, "clinic"), view, assignment, choices,
                weekdays, flash);
    }

    /** Decisions and flags from progress-service; the page still shows planner's own data without them. */
    private Progress progress(String patientId, Map<String, String> names) {
        try {
            PatientTimeline timeline = timelines.of(patientId);
            List<DecisionLine> decisions = orEmpty(timeline.decisions()).stream()
                    .sorted((a, b) -> compare(b.decidedAt(), a.decidedAt()))
                    .map(d -> new DecisionLine(d.sessionDate() == null ? "" : DAY.format(d.sessionDate()),
                            nameOf(d.exerciseId(), names), d.outcome(), d.rule(), d.reason()))
                    .toList();
            List<FlagLine> flags = orEmpty(timeline.flags()).stream()
                    .sorted((a, b) -> compare(b.raisedAt(), a.raisedAt()))
                    .map(f -> new FlagLine(f.id(), f.severity(), f.stop(), f.status(), nameOf(f.exerciseId(), names),
                            f.rule(), f.evidence(), time.format(f.raisedAt(), caller.clinic()),
                            f.resolutionNote()))
                    .toList();
            return new Progress("shown", decisions, flags);
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() == 404) {
                return new Progress("absent", List.of(), List.of());
            }
            Log.warnf("progress-service answered %d for patient %s's timeline", e.getResponse().getStatus(), patientId);
            return new Progress("unavailable", List.of(), List.of());
        } catch (RuntimeException e) {
            Log.warnf("progress-service unavailable for patient %s's timeline: %s", patientId, e.getMessage());
            return new Progress("unavailable", List.of(), List.of());
        }
    }

    /**
     * Per ISO week, up to this one, the sessions completed (at least 80 % of their sets logged, as
     * adherence counts them) as a share of those the patient's plans scheduled until today; weeks
     * with nothing scheduled are left blank.
     */
    static List<SvgChart.Point> adherence(List<Plan> all, List<SessionCompletion> done, LocalDate today) {
        LocalDate thisMonday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        TreeMap<LocalDate, Integer> scheduled = new TreeMap<>();
        for (Plan plan : all) {
            plan.schedule().sessionDates().stream().filter(date -> !date.isAfter(today))
                    .forEach(date -> scheduled.merge(mondayOf(date), 1, Integer::sum));
        }
        Map<LocalDate, Integer> completed = new HashMap<>();
        done.stream().filter(SessionCompletion::counts)
                .forEach(session -> completed.merge(mondayOf(session.sessionDate), 1, Integer::sum));
        LocalDate first = scheduled.isEmpty() ? thisMonday : scheduled.firstKey();
        if (first.isBefore(thisMonday.minusWeeks(CHART_WEEKS - 1L))) {
            first = thisMonday.minusWeeks(CHART_WEEKS - 1L);
        }
        List<SvgChart.Point> points = new ArrayList<>();
        for (LocalDate monday = first; !monday.isAfter(thisMonday); monday = monday.plusWeeks(1)) {
            Integer planned = scheduled.get(monday);
            Double share = planned == null ? null : Math.min(100d, 100d * completed.getOrDefault(monday, 0) / planned);
            points.add(new SvgChart.Point(WeeklyCharts.label(monday), share));
        }
        return points;
    }

    private static LocalDate mondayOf(LocalDate date) {
        return date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    private Assignment blankAssignment() {
        return new Assignment("", LocalDate.now(clock).toString(), List.of("1", "3", "5"), FieldErrors.none(), null);
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

    static PatientLine line(Patient patient) {
        return new PatientLine(patient.id, patient.displayName,
                patient.enrolledAt == null ? "" : DAY.format(patient.enrolledAt), patient.preExistingCondition,
                patient.clearedOn == null ? null : DAY.format(patient.clearedOn));
    }

    private static PlanLine planLine(Plan plan) {
        return new PlanLine(plan.id, plan.name, plan.goal, plan.status.name().toLowerCase(), plan.statusReason,
                DAY.format(plan.startDate), DAY.format(plan.schedule().endDate()), plan.weeks,
                PlanInWords.weekdays(plan.weekdays), plan.items.stream().map(ClinicianPages::itemLine).toList());
    }

    private static ItemLine itemLine(PlanItem item) {
        return new ItemLine(item.position, item.block.label(), item.exerciseId, item.exerciseName,
                PlanInWords.dose(item.prescription), PlanInWords.load(item.prescription),
                PlanInWords.rest(item.prescription), item.paused, item.pauseReason);
    }

    /** The sets by session day, newest day first; within a day in the plan's order, then by set and side. */
    static List<SessionLine> sessionLines(List<LoggedSet> sets, Map<UUID, PlanItem> items) {
        Comparator<LoggedSet> order = Comparator.comparing((LoggedSet set) -> set.sessionDate).reversed()
                .thenComparingInt(set -> items.containsKey(set.itemId) ? items.get(set.itemId).position
                        : Integer.MAX_VALUE)
                .thenComparingInt(set -> set.setNumber)
                .thenComparing(set -> set.side, Comparator.nullsFirst(Comparator.naturalOrder()));
        Map<LocalDate, List<SetLine>> days = new LinkedHashMap<>();
        sets.stream().sorted(order).forEach(set -> days.computeIfAbsent(set.sessionDate, day -> new ArrayList<>())
                .add(setLine(set, items.get(set.itemId))));
        return days.entrySet().stream()
                .map(day -> new SessionLine(DAY.format(day.getKey()), day.getKey(), List.copyOf(day.getValue())))
                .toList();
    }

    private static SetLine setLine(LoggedSet set, PlanItem item) {
        String amount = set.reps != null ? set.reps + " reps" : set.seconds != null ? set.seconds + " s" : null;
        String load = set.loadKg != null ? set.loadKg.stripTrailingZeros().toPlainString() + " kg"
                : set.band != null ? set.band + " band" : null;
        String effort = set.rir != null ? "RIR " + set.rir
                : set.rpe != null ? "RPE " + set.rpe.stripTrailingZeros().toPlainString() : null;
        return new SetLine(set.id, item == null ? "an exercise no longer in the plan" : item.exerciseName,
                set.setNumber, set.side == null ? null : set.side.name().toLowerCase(Locale.ROOT), amount, load, effort,
                set.pain, StopAdvice.mustStop(set.pain, set.beyondNormalFatigue), set.beyondNormalFatigue,
                set.note == null || set.note.isBlank() ? null : set.note.strip());
    }

    /** A change as the clinic reads it: when in the clinic's time zone, who by the name they had then. */
    private ChangeLine changeLine(PrescriptionChange change) {
        return new ChangeLine(time.format(change.changedAt, caller.clinic()), PlanPages.who(change), change.rule,
                change.reason);
    }

    private static String nameOf(String exerciseId, Map<String, String> names) {
        return exerciseId == null ? "the whole plan" : names.getOrDefault(exerciseId, exerciseId);
    }

    private static <T extends Comparable<? super T>> int compare(T a, T b) {
        return a == null ? (b == null ? 0 : -1) : b == null ? 1 : a.compareTo(b);
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
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

    static Response seeOther(String location) {
        return Response.seeOther(URI.create(location)).build();
    }

    static Response html(Response.Status status, TemplateInstance page) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE).entity(page).build();
    }
}

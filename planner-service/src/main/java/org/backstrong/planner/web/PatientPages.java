package org.backstrong.planner.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import org.backstrong.planner.domain.PrescriptionChange;
import org.backstrong.planner.event.PrescriptionData;
import org.backstrong.planner.security.Caller;
import org.backstrong.planner.security.Roles;
import org.backstrong.planner.service.DateParameter;
import org.backstrong.planner.service.NotFoundException;
import org.backstrong.planner.service.OutcomeMeasures;
import org.backstrong.planner.service.PatientHistory;
import org.backstrong.planner.service.Plans;
import org.backstrong.planner.service.Sessions;
import org.backstrong.planner.service.SetLogging;

/** The patient's pages (/app/me/...): today's session with a form per set, the morning check-in, the outcome measures due, and their progress. */
@Path("/app/me")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.PATIENT)
public class PatientPages {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM", Locale.ENGLISH);

    private final Sessions sessions;
    private final PatientHistory history;
    private final Caller caller;
    private final CsrfTokens csrf;
    private final Clock clock;
    private final Plans plans;
    private final PrintedPlans printedPlans;
    private final SetLogging logging;
    private final ObjectMapper json;
    private final OutcomeMeasures outcomes;
    private final OutcomeForms outcomeForms;

    public PatientPages(
            Sessions sessions,
            PatientHistory history,
            Caller caller,
            CsrfTokens csrf,
            Clock clock,
            Plans plans,
            PrintedPlans printedPlans,
            SetLogging logging,
            ObjectMapper json,
            OutcomeMeasures outcomes,
            OutcomeForms outcomeForms) {
        this.outcomes = outcomes;
        this.outcomeForms = outcomeForms;
        this.logging = logging;
        this.json = json;
        this.plans = plans;
        this.printedPlans = printedPlans;
        this.sessions = sessions;
        this.history = history;
        this.caller = caller;
        this.csrf = csrf;
        this.clock = clock;
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance session(
                PageFrame frame, SessionPage page, String day, boolean today, boolean noPlan);

        static native TemplateInstance checkIn(
                PageFrame frame, SetLogging.CheckInMorning morning, String sessionDay, UUID checkInId);

        static native TemplateInstance outcomes(PageFrame frame, List<OutcomeForms.Form> forms);

        static native TemplateInstance progress(
                PageFrame frame,
                List<PatientHistory.Week> weeks,
                String painChart,
                String volumeChart,
                List<ChangeLine> changes);
    }

    /** A change to the plan, told to the patient in plain words. */
    public record ChangeLine(String when, String what, String dose, String why, boolean automatic) {}

    @GET
    @Path("/today")
    public TemplateInstance today() {
        return session(LocalDate.now(clock));
    }

    @GET
    @Path("/sessions/{date}")
    public TemplateInstance session(@PathParam("date") String date) {
        return session(DateParameter.parse("date", date));
    }

    @GET
    @Path("/check-in")
    public TemplateInstance checkIn() {
        SetLogging.CheckInMorning morning = logging.checkInMorning(caller.subject(), LocalDate.now(clock));
        return Templates.checkIn(
                frame("Morning check-in", "check-in"),
                morning,
                morning.sessionDay().format(DAY),
                UUID.randomUUID());
    }

    /** The outcome measures due now, a form each (sent through the device's outbox, so offline too). */
    @GET
    @Path("/outcomes")
    public TemplateInstance outcomes() {
        String clinic = caller.clinicId().orElse("");
        List<OutcomeForms.Form> forms = outcomes.due(caller.subject(), LocalDate.now(clock)).stream()
                .map(due -> outcomeForms.of(due, clinic))
                .toList();
        return Templates.outcomes(frame("My questionnaires", "outcomes"), forms);
    }

    @GET
    @Path("/progress")
    public TemplateInstance progress() {
        List<PatientHistory.Week> weeks = history.weeks(caller.subject());
        Map<UUID, String> names = history.exerciseNames(caller.subject());
        List<ChangeLine> changes = history.changes(caller.subject()).stream()
                .map(change -> line(change, names))
                .toList();
        return Templates.progress(
                frame("My progress", "progress"),
                weeks,
                WeeklyCharts.meanPain(weeks),
                WeeklyCharts.sets(weeks),
                changes);
    }

    /** The patient's own plan to print ("your plan"), its style sheet linked from /assets. */
    @GET
    @Path("/plans/{id}/print")
    public TemplateInstance print(@PathParam("id") UUID id) {
        return printedPlans.page(plans.forPatient(caller.subject(), id), false, true);
    }

    private TemplateInstance session(LocalDate date) {
        LocalDate today = LocalDate.now(clock);
        String title = date.equals(today) ? "Today's session" : "Session of " + date.format(DAY);
        try {
            SessionPage page = SessionPage.of(sessions.ofPatient(caller.subject(), date));
            return Templates.session(frame(title, "today"), page, date.format(DAY), date.equals(today), false);
        } catch (NotFoundException e) {
            return Templates.session(frame(title, "today"), null, date.format(DAY), date.equals(today), true);
        }
    }

    private PageFrame frame(String title, String current) {
        return PageFrame.of(caller, csrf, title, current);
    }

    private ChangeLine line(PrescriptionChange change, Map<UUID, String> names) {
        boolean automatic = PrescriptionChange.AUTOMATIC.equals(change.changedBy);
        String name = change.itemId == null ? null : names.get(change.itemId);
        return new ChangeLine(
                change.changedAt.toLocalDate().format(DAY),
                PlainChange.what(name, automatic),
                PlainChange.dose(prescription(change.before), prescription(change.after)),
                PlainChange.why(change.reason, PlainChange.suggestsVariant(change.reason)),
                automatic);
    }

    private PrescriptionData prescription(String json) {
        if (json == null) {
            return null;
        }
        try {
            return this.json
                    .readerFor(PrescriptionData.class)
                    .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(json);
        } catch (JsonProcessingException e) {
            // An audit row this version cannot read still shows when and why; only the dose is left out.
            Log.warnf("Audit entry's prescription is unreadable: %s", e.getOriginalMessage());
            return null;
        }
    }
}

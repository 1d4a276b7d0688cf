package org.backstrong.planner.web;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.logging.Log;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import org.backstrong.input.InputText;
import org.backstrong.planner.domain.Plan;
import org.backstrong.planner.progress.PainFlag;
import org.backstrong.planner.progress.PainFlagsApi;
import org.backstrong.planner.security.Caller;
import org.backstrong.planner.security.Roles;
import org.backstrong.planner.service.NotFoundException;
import org.backstrong.planner.service.PatientRegistry;
import org.backstrong.planner.service.Plans;

/**
 * The clinicians' pain-flag inbox (/app/flags): the clinic's open flags from progress-service with
 * their evidence, acknowledged or resolved with a note through progress-service, as the signed-in clinician.
 */
@Path("/app/flags")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.CLINICIAN)
public class PainFlagPages {

    /** Open flags shown on one page of the inbox, newest first; older ones are on the next pages. */
    static final int INBOX_SIZE = 50;

    static final int NOTE_MAX = 2000;

    private final PainFlagsApi flags;
    private final PatientRegistry patients;
    private final Plans plans;
    private final Caller caller;
    private final CsrfTokens csrf;
    private final ClinicTime time;
    private final OpenFlagCounts openFlags;

    public PainFlagPages(
            @RestClient PainFlagsApi flags,
            PatientRegistry patients,
            Plans plans,
            Caller caller,
            CsrfTokens csrf,
            ClinicTime time,
            OpenFlagCounts openFlags) {
        this.flags = flags;
        this.patients = patients;
        this.plans = plans;
        this.caller = caller;
        this.csrf = csrf;
        this.time = time;
        this.openFlags = openFlags;
    }

    /** One flag as the inbox shows it; {@code patientName} is null when the patient is not this clinic's in planner. */
    public record FlagLine(
            UUID id,
            String patientId,
            String patientName,
            String severity,
            boolean stop,
            boolean acknowledged,
            String acknowledgedBy,
            String exercise,
            String rule,
            String evidence,
            String raised) {}

    /** A resolution the clinician tried to send, with what was wrong with it. */
    public record Attempt(UUID flagId, String note, FieldErrors errors) {

        static Attempt none() {
            return new Attempt(null, "", FieldErrors.none());
        }

        public boolean isFor(UUID id) {
            return Objects.equals(flagId, id);
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance inbox(
                PageFrame frame,
                List<FlagLine> flags,
                boolean unavailable,
                String flash,
                String problem,
                Attempt attempt,
                int noteMax,
                Paging paging);
    }

    /** Which page of the inbox is shown: the first flag's number on it, and whether there are older ones. */
    public record Paging(int page, int first, int last, boolean more) {

        public boolean earlier() {
            return page > 0;
        }

        public int previous() {
            return page - 1;
        }

        public int next() {
            return page + 1;
        }
    }

    @GET
    public TemplateInstance inbox(@QueryParam("done") String done, @QueryParam("page") String page) {
        String flash = switch (done == null ? "" : done) {
            case "acknowledged" -> "Flag acknowledged: your colleagues see someone is on it.";
            case "resolved" -> "Flag resolved: the exercise resumes in the patient's plan.";
            default -> null;
        };
        return page(pageIndex(page), flash, null, Attempt.none());
    }

    @POST
    @Path("/{id}/acknowledge")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response acknowledge(@PathParam("id") String id) {
        UUID flagId = flagId(id);
        try {
            flags.acknowledge(flagId.toString());
            Log.infof("Pain flag %s acknowledged through the pages", flagId);
            return PageResponses.seeOther("/app/flags?done=acknowledged");
        } catch (RuntimeException e) {
            return failed(e, flagId, Attempt.none());
        }
    }

    /** Resolves the flag with the clinician's note; a blank or too long note comes back next to the field. */
    @POST
    @Path("/{id}/resolve")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response resolve(@PathParam("id") String id, @FormParam("note") String note) {
        UUID flagId = flagId(id);
        String text = note == null ? "" : note.strip();
        FieldErrors errors = FieldErrors.none();
        String refusal = InputText.refusal(note, false);
        if (refusal != null) {
            errors.add("note", refusal);
        } else if (text.isEmpty()) {
            errors.add("note", "write what was decided with the patient");
        } else if (text.length() > NOTE_MAX) {
            errors.add("note", "must be at most " + NOTE_MAX + " characters");
        }
        Attempt attempt = new Attempt(flagId, note == null ? "" : note, errors);
        if (errors.any()) {
            return PageResponses.html(Response.Status.BAD_REQUEST, page(0, null, null, attempt));
        }
        try {
            flags.resolve(flagId.toString(), new PainFlagsApi.Resolution(text));
            openFlags.forget(caller.clinic());
            Log.infof("Pain flag %s resolved through the pages", flagId);
            return PageResponses.seeOther("/app/flags?done=resolved");
        } catch (RuntimeException e) {
            return failed(e, flagId, attempt);
        }
    }

    /** A page number as typed in the address; anything else is the first page. */
    private static int pageIndex(String page) {
        try {
            return page == null ? 0 : Math.max(0, Math.min(99_999, Integer.parseInt(page.trim())));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** progress-service refused or could not be reached: the inbox again, saying what happened. */
    private Response failed(RuntimeException e, UUID flagId, Attempt attempt) {
        if (e instanceof WebApplicationException refused) {
            int status = refused.getResponse().getStatus();
            if (status == 404) {
                throw new NotFoundException("Pain flag " + flagId);
            }
            if (status == 409) {
                return PageResponses.html(
                        Response.Status.CONFLICT,
                        page(0, null, "This flag was resolved already, perhaps by a colleague.", Attempt.none()));
            }
            Log.warnf("progress-service answered %d for pain flag %s", status, flagId);
        } else {
            Log.warnf("progress-service unavailable for pain flag %s: %s", flagId, e.getMessage());
        }
        return PageResponses.html(
                Response.Status.BAD_GATEWAY,
                page(
                        0,
                        null,
                        "The progress service cannot be reached just now: nothing was changed. Try again in a minute.",
                        attempt));
    }

    private TemplateInstance page(int page, String flash, String problem, Attempt attempt) {
        PageFrame frame = PageFrame.of(caller, csrf, "Pain flags", "flags");
        List<PainFlag> open;
        try {
            open = flags.unresolved(page, INBOX_SIZE);
        } catch (RuntimeException e) {
            Log.warnf("progress-service unavailable for the pain-flag inbox: %s", e.getMessage());
            return Templates.inbox(
                    frame, List.of(), true, flash, problem, attempt, NOTE_MAX, new Paging(page, 0, 0, false));
        }
        String clinic = caller.clinic();
        Set<String> patientIds = new LinkedHashSet<>();
        open.forEach(flag -> patientIds.add(flag.patientId()));
        Map<String, String> names = patients.displayNames(clinic, patientIds);
        Map<UUID, String> exercises = exerciseNames(clinic, open);
        List<FlagLine> lines = open.stream()
                .map(flag -> new FlagLine(
                        flag.id(),
                        flag.patientId(),
                        names.get(flag.patientId()),
                        flag.severity(),
                        flag.stop(),
                        flag.acknowledged(),
                        flag.acknowledgedBy(),
                        flag.itemId() == null
                                ? "the whole plan"
                                : exercises.getOrDefault(flag.itemId(), flag.exerciseId()),
                        flag.rule(),
                        flag.evidence(),
                        time.format(flag.raisedAt(), clinic)))
                .toList();
        Paging paging =
                new Paging(page, page * INBOX_SIZE + 1, page * INBOX_SIZE + lines.size(), lines.size() == INBOX_SIZE);
        return Templates.inbox(frame, lines, false, flash, problem, attempt, NOTE_MAX, paging);
    }

    /** The exercise names of the flagged items, from this clinic's plans. */
    private Map<UUID, String> exerciseNames(String clinic, List<PainFlag> open) {
        Map<UUID, String> names = new HashMap<>();
        open.stream().map(PainFlag::planId).filter(Objects::nonNull).distinct().forEach(planId -> {
            try {
                Plan plan = plans.forClinician(clinic, planId);
                plan.items.forEach(item -> names.put(item.id, item.exerciseName));
            } catch (NotFoundException e) {
                // Not a plan of this clinic in planner: the catalog id is shown instead.
            }
        });
        return names;
    }

    private static UUID flagId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("Pain flag " + id);
        }
    }
}

package org.backstrong.planner.web;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;

import io.quarkus.logging.Log;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import org.backstrong.planner.progress.PatientTimeline;
import org.backstrong.planner.progress.TimelineApi;
import org.backstrong.planner.security.Caller;

/**
 * What progress-service says of one patient, as the clinician's patient page lists it: its
 * decisions and flags, newest first, read over its API with the clinician's own token.
 */
@ApplicationScoped
public class PatientProgress {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    private final TimelineApi timelines;
    private final Caller caller;
    private final ClinicTime time;

    public PatientProgress(@RestClient TimelineApi timelines, Caller caller, ClinicTime time) {
        this.timelines = timelines;
        this.caller = caller;
        this.time = time;
    }

    public record DecisionLine(String date, String exercise, String outcome, String rule, String reason) {}

    public record FlagLine(
            UUID id,
            String severity,
            boolean stop,
            String status,
            String exercise,
            String rule,
            String evidence,
            String raised,
            String resolutionNote) {}

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

    /**
     * Decisions and flags, their exercises named from {@code names} (exercise id to name); the page
     * still shows planner's own data without them.
     */
    Progress of(String patientId, Map<String, String> names) {
        try {
            PatientTimeline timeline = timelines.of(patientId);
            List<DecisionLine> decisions = orEmpty(timeline.decisions()).stream()
                    .sorted((a, b) -> compare(b.decidedAt(), a.decidedAt()))
                    .map(d -> new DecisionLine(
                            d.sessionDate() == null ? "" : DAY.format(d.sessionDate()),
                            nameOf(d.exerciseId(), names),
                            d.outcome(),
                            d.rule(),
                            d.reason()))
                    .toList();
            List<FlagLine> flags = orEmpty(timeline.flags()).stream()
                    .sorted((a, b) -> compare(b.raisedAt(), a.raisedAt()))
                    .map(f -> new FlagLine(
                            f.id(),
                            f.severity(),
                            f.stop(),
                            f.status(),
                            nameOf(f.exerciseId(), names),
                            f.rule(),
                            f.evidence(),
                            time.format(f.raisedAt(), caller.clinic()),
                            f.resolutionNote()))
                    .toList();
            return new Progress("shown", decisions, flags);
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() == 404) {
                return new Progress("absent", List.of(), List.of());
            }
            Log.warnf(
                    "progress-service answered %d for patient %s's timeline",
                    e.getResponse().getStatus(), patientId);
            return new Progress("unavailable", List.of(), List.of());
        } catch (RuntimeException e) {
            Log.warnf("progress-service unavailable for patient %s's timeline: %s", patientId, e.getMessage());
            return new Progress("unavailable", List.of(), List.of());
        }
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
}

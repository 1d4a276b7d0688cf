package org.backstrong.planner.fhir;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.WebApplicationException;

import io.quarkus.logging.Log;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Resource;

import org.backstrong.planner.catalog.CatalogExercise;
import org.backstrong.planner.config.ExportConfig;
import org.backstrong.planner.progress.PatientTimeline;
import org.backstrong.planner.progress.TimelineApi;
import org.backstrong.planner.repository.ExportJobRepository;
import org.backstrong.planner.repository.ExportJobRepository.Job;
import org.backstrong.planner.service.NotFoundException;
import org.backstrong.planner.service.PatientRecords;

/**
 * The bulk export's jobs, a transaction each step: the kick-off stores a job, a runner exports it one
 * patient at a time (their resources appended to the job's files, the lease renewed in the same
 * commit), and any instance answers its status and files. Only clinicians of the job's clinic see it;
 * any other id answers 404.
 */
@ApplicationScoped
public class ExportJobs {

    /** The error file's type. */
    public static final String ERRORS = "OperationOutcome";

    /** What one step of a job did. */
    public enum Step {
        /** One more patient is in the files. */
        EXPORTED,
        /** No patient was left: the job is complete. */
        FINISHED,
        /** The job is gone (deleted) or another instance holds its lease now: this run stops. */
        LOST
    }

    /** A step's outcome, and whether progress-service refused the token (it expired: do not send it again). */
    public record StepResult(Step step, boolean tokenRefused) {}

    private final ExportJobRepository jobs;
    private final PatientRecords records;
    private final PatientEverything everything;
    private final TimelineApi timelines;
    private final FhirJson json;
    private final ExportConfig config;
    private final Clock clock;

    public ExportJobs(
            ExportJobRepository jobs,
            PatientRecords records,
            PatientEverything everything,
            @RestClient TimelineApi timelines,
            FhirJson json,
            ExportConfig config,
            Clock clock) {
        this.jobs = jobs;
        this.records = records;
        this.everything = everything;
        this.timelines = timelines;
        this.json = json;
        this.config = config;
        this.clock = clock;
    }

    /** Stores a new job of the clinic, leased by {@code owner} (the instance that took the kick-off). */
    @Transactional
    public UUID create(String clinicId, String requestedBy, String request, ExportRequest export, String owner) {
        UUID id = UUID.randomUUID();
        OffsetDateTime now = now();
        jobs.insert(
                new Job(
                        id,
                        clinicId,
                        requestedBy,
                        request,
                        List.copyOf(export.types()),
                        false,
                        now,
                        null,
                        0,
                        null,
                        owner,
                        null,
                        null),
                now.plus(config.lease()));
        return id;
    }

    /** The clinic's job with what its files hold; 404 for another clinic's, an unknown or an expired one. */
    @Transactional
    public JobStatus status(String clinicId, UUID id) {
        Job job = jobs.of(id, clinicId, now()).orElseThrow(() -> new NotFoundException("Export job " + id));
        return new JobStatus(
                id,
                job.request(),
                job.types(),
                job.transactionTime(),
                job.completed(),
                job.patientsTotal(),
                job.patientsDone(),
                job.expiresAt(),
                job.completed() ? jobs.counts(id) : Map.of());
    }

    /**
     * A job as its status answers it: {@code patientsTotal} is null until a run counted them, {@code
     * expiresAt} and the files' line {@code counts} by type (in the order written) are there once complete.
     */
    public record JobStatus(
            UUID id,
            String request,
            List<String> types,
            OffsetDateTime transactionTime,
            boolean completed,
            Integer patientsTotal,
            int patientsDone,
            OffsetDateTime expiresAt,
            Map<String, Long> counts) {}

    /** One line of a file and where it stands in it (to read on after it). */
    public record Line(long seq, String resource) {}

    /** Deletes the clinic's job and its files (a running one stops at its next step); 404 as for the status. */
    @Transactional
    public void delete(String clinicId, UUID id) {
        if (jobs.of(id, clinicId, now()).isEmpty() || !jobs.delete(id, clinicId)) {
            throw new NotFoundException("Export job " + id);
        }
    }

    /** Checks a finished job of the clinic has a file of this type: 404 otherwise. */
    @Transactional
    public void checkFile(String clinicId, UUID id, String type) {
        Optional<Job> job = jobs.of(id, clinicId, now());
        if (job.isEmpty() || !job.get().completed() || !jobs.counts(id).containsKey(type)) {
            throw new NotFoundException("Export file " + type + " of job " + id);
        }
    }

    /** Up to {@code limit} lines of a file after {@code afterSeq} (checked with {@link #checkFile} first). */
    @Transactional
    public List<Line> lines(UUID id, String type, long afterSeq, int limit) {
        return jobs.lines(id, type, afterSeq, limit).stream()
                .map(line -> new Line(line.seq(), line.resource()))
                .toList();
    }

    /** Takes a job whose lease ran out for {@code owner}, if there is one. */
    @Transactional
    public Optional<UUID> claimExpired(String owner) {
        OffsetDateTime now = now();
        return jobs.claimExpired(owner, now, now.plus(config.lease()));
    }

    /** Renews the lease as a run starts (counting the patients on the first): false when it is not ours. */
    @Transactional
    public boolean begin(UUID id, String owner) {
        OffsetDateTime now = now();
        if (!jobs.renew(id, owner, now.plus(config.lease()))) {
            return false;
        }
        Job job = jobs.byId(id).orElseThrow();
        if (job.patientsTotal() == null) {
            jobs.countPatients(id, jobs.countPatients(job.clinicId(), job.transactionTime()));
        }
        return true;
    }

    /** Deletes finished jobs whose files expired: how many. */
    @Transactional
    public int deleteExpired() {
        return jobs.deleteExpired(now());
    }

    /**
     * Exports the job's next patient (by id, enrolled by the kick-off) with {@code authorization} (the
     * kick-off's "Bearer …"; null when this instance has none: progress-service is then not asked), or
     * completes the job when none is left.
     */
    @Transactional
    public StepResult next(UUID id, String owner, String authorization) {
        Optional<Job> found = jobs.byId(id);
        if (found.isEmpty()
                || found.get().completed()
                || !owner.equals(found.get().owner())) {
            return new StepResult(Step.LOST, false);
        }
        Job job = found.get();
        OffsetDateTime now = now();
        Optional<String> next = jobs.nextPatient(job.clinicId(), job.lastPatientId(), job.transactionTime());
        if (next.isEmpty()) {
            if (!jobs.complete(id, owner, now, now.plus(config.expiry()))) {
                return new StepResult(Step.LOST, false);
            }
            Log.infof(
                    "FHIR $export job %s of clinic %s complete: %d patients, files kept until %s",
                    id, job.clinicId(), job.patientsDone(), now.plus(config.expiry()));
            return new StepResult(Step.FINISHED, false);
        }
        String patientId = next.get();
        if (!jobs.advance(id, owner, patientId, now.plus(config.lease()))) {
            return new StepResult(Step.LOST, false);
        }
        EverythingQuery query = new EverythingQuery(patientId, null, null, new LinkedHashSet<>(job.types()));
        PatientRecords.Record record = records.of(job.clinicId(), patientId);
        List<String> warnings = new ArrayList<>();
        Map<String, CatalogExercise> exercises = everything.exercises(record, job.clinicId(), authorization, warnings);
        boolean refused = false;
        PatientTimeline timeline = null;
        if (PatientEverything.needsProgress(query)) {
            if (authorization == null) {
                addNoTokenOutcome(id, patientId);
            } else {
                try {
                    timeline = timelines.of(patientId, authorization);
                } catch (WebApplicationException e) {
                    int status = e.getResponse().getStatus();
                    refused = status == 401;
                    if (status != 404) {
                        Log.warnf(
                                "progress-service answered %d for patient %s in FHIR $export job %s",
                                status, patientId, id);
                        warnings.add(
                                refused
                                        ? "progress-service refused the kick-off's access token (it expired during the"
                                                + " export): pain flags (Flag) and the decisions behind automatic changes are"
                                                + " left out"
                                        : "progress-service answered " + status
                                                + ": pain flags (Flag) and the decisions"
                                                + " behind automatic changes are left out");
                    }
                } catch (RuntimeException e) {
                    Log.warnf(
                            "progress-service unavailable for patient %s in FHIR $export job %s: %s",
                            patientId, id, e.getMessage());
                    warnings.add("progress-service could not be reached: pain flags (Flag) and the decisions"
                            + " behind automatic changes are left out");
                }
            }
        }
        Bundle bundle = EverythingBundle.of(
                new ExportSources(record, exercises, timeline, List.of()),
                query,
                base(job.request()),
                job.request(),
                Date.from(now.toInstant()));
        for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
            Resource resource = entry.getResource();
            jobs.addLine(id, resource.fhirType(), resource.getIdElement().getIdPart(), json.write(resource));
        }
        if (!warnings.isEmpty()) {
            addOutcome(
                    id,
                    UUID.randomUUID().toString(),
                    warnings.stream()
                            .map(warning -> "Patient/" + patientId + ": " + warning)
                            .toList());
        }
        return new StepResult(Step.EXPORTED, refused);
    }

    /** Once per job (its fixed id), naming the first patient: progress-service is not asked without a token. */
    private void addNoTokenOutcome(UUID id, String patientId) {
        addOutcome(
                id,
                "progress-not-asked",
                List.of("progress-service was not asked from Patient/" + patientId + " on: the kick-off's access"
                        + " token is not at hand (it expired during the export, or this job was taken up by another"
                        + " planner instance after the one that took its kick-off stopped, and a token is kept in"
                        + " that instance's memory only), so those patients' pain flags (Flag) and the decisions"
                        + " behind automatic changes are left out"));
    }

    private void addOutcome(UUID id, String outcomeId, List<String> warnings) {
        OperationOutcome outcome = new OperationOutcome();
        outcome.setId(outcomeId);
        warnings.forEach(warning -> outcome.addIssue()
                .setSeverity(OperationOutcome.IssueSeverity.WARNING)
                .setCode(OperationOutcome.IssueType.INCOMPLETE)
                .setDiagnostics(warning));
        jobs.addLine(id, ERRORS, outcomeId, json.write(outcome));
    }

    /** The FHIR base of the kick-off's URL (the part before /Patient/$export). */
    private static String base(String request) {
        int at = request.indexOf("/Patient/$export");
        return at < 0 ? request : request.substring(0, at);
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }
}

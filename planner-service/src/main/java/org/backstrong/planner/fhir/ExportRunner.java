package org.backstrong.planner.fhir;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

import org.backstrong.planner.config.ExportConfig;

/**
 * Runs bulk export jobs in this instance: the kick-offs it took, each with the caller's access token
 * kept here in memory only, and, found by a poll, jobs whose lease ran out because the instance
 * running them died (those have no token). The poll also deletes expired output.
 */
@ApplicationScoped
public class ExportRunner {

    /** This instance as a lease owner: unique per start, readable in the table. */
    private final String instance = System.getenv().getOrDefault("HOSTNAME", "planner") + "-"
            + UUID.randomUUID().toString().substring(0, 8);

    /** The kick-offs' tokens ("Bearer …") of jobs this instance runs; never stored. */
    private final Map<UUID, String> tokens = new ConcurrentHashMap<>();

    /** Jobs running here, so a job is never run twice at once by this instance. */
    private final Set<UUID> running = ConcurrentHashMap.newKeySet();

    private final ExportJobs jobs;
    private final ExportConfig config;
    private volatile ExecutorService workers;
    private volatile Thread poller;

    public ExportRunner(ExportJobs jobs, ExportConfig config) {
        this.jobs = jobs;
        this.config = config;
    }

    void onStart(@Observes StartupEvent start) {
        if (!config.enabled()) {
            return;
        }
        workers = Executors.newFixedThreadPool(config.threads(), work -> {
            Thread thread = new Thread(work, "fhir-export");
            thread.setDaemon(true);
            return thread;
        });
        poller = new Thread(this::poll, "fhir-export-poll");
        poller.setDaemon(true);
        poller.start();
    }

    void onStop(@Observes ShutdownEvent stop) {
        Thread stopping = poller;
        poller = null;
        if (stopping != null) {
            stopping.interrupt();
        }
        if (workers != null) {
            workers.shutdownNow();
        }
    }

    /** The lease owner this instance writes when it takes a kick-off. */
    public String instance() {
        return instance;
    }

    /** The Retry-After of a running job's status. */
    public int retryAfterSeconds() {
        return config.retryAfterSeconds();
    }

    /** Runs a job this instance just stored, with its kick-off's token ("Bearer …"). */
    public void start(UUID id, String authorization) {
        if (authorization != null) {
            tokens.put(id, authorization);
        }
        submit(id);
    }

    private void submit(UUID id) {
        ExecutorService pool = workers;
        if (pool == null) {
            // Runners are off here: the job waits for its lease to run out and another instance to take it.
            tokens.remove(id);
            return;
        }
        try {
            pool.execute(() -> run(id));
        } catch (RejectedExecutionException e) {
            // Stopping: the job's lease runs out and another instance takes it up.
            tokens.remove(id);
            Log.infof("FHIR $export job %s left to another instance: this one is stopping", id);
        }
    }

    private void run(UUID id) {
        if (!running.add(id)) {
            return;
        }
        try {
            if (!jobs.begin(id, instance)) {
                return;
            }
            ExportJobs.Step step;
            do {
                ExportJobs.StepResult result = jobs.next(id, instance, tokens.get(id));
                if (result.tokenRefused() && tokens.remove(id) != null) {
                    Log.infof("FHIR $export job %s: the kick-off's token expired, progress is no longer asked", id);
                }
                step = result.step();
            } while (step == ExportJobs.Step.EXPORTED && !Thread.currentThread().isInterrupted());
            if (step == ExportJobs.Step.LOST) {
                Log.infof("FHIR $export job %s stopped here: deleted, or taken up by another instance", id);
            }
        } catch (RuntimeException e) {
            // Its lease runs out and a poll (here or elsewhere) takes it up again from the patient it was at.
            Log.warnf("FHIR $export job %s failed at a patient and will be taken up again: %s", id, e.getMessage());
        } finally {
            running.remove(id);
            tokens.remove(id);
        }
    }

    private void poll() {
        while (poller != null) {
            try {
                int deleted = jobs.deleteExpired();
                if (deleted > 0) {
                    Log.infof("FHIR $export: %d expired jobs deleted with their files", deleted);
                }
                // One a poll, and only with a runner free: a job waiting here would let its new lease run out.
                Optional<UUID> claimed =
                        running.size() < config.threads() ? jobs.claimExpired(instance) : Optional.empty();
                if (claimed.isPresent()) {
                    Log.infof("FHIR $export job %s taken up by %s: its lease had run out", claimed.get(), instance);
                    submit(claimed.get());
                }
            } catch (RuntimeException e) {
                Log.warnf("FHIR $export poll failed, trying again: %s", e.getMessage());
            }
            try {
                TimeUnit.MILLISECONDS.sleep(config.pollInterval().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}

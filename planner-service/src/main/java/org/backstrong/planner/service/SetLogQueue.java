package org.backstrong.planner.service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;

import org.backstrong.operations.EventTraces;
import org.backstrong.planner.config.SetLogConfig;
import org.backstrong.planner.domain.LoggedSet;

/**
 * Group commit of logged sets, for speed (bench/log-sets.sh): requests queue their set; a writer thread takes
 * everything waiting (up to {@code max-batch}) and hands it to {@link SetLogBatch} as one batch, stored in one
 * transaction. Every request is answered only after that commit, so a 201 is as durable as a transaction of its
 * own. One patient's sets always go through the same writer, in the order they arrived.
 */
@ApplicationScoped
public class SetLogQueue {

    /** What a 503 (every queue full) tells the device: send it again after this many seconds. */
    static final long RETRY_AFTER_SECONDS = 1;

    private final SetLogBatch batches;
    private final SetLogConfig config;
    private final SetLogMetrics metrics;
    private final List<BlockingQueue<PendingSet>> queues = new ArrayList<>();
    private final List<Thread> writers = new ArrayList<>();
    private final AtomicInteger waiting = new AtomicInteger();
    /** Per writer, System.nanoTime() when its batch began, 0 while it waits for sets. */
    private volatile AtomicLongArray busySince = new AtomicLongArray(0);

    private volatile boolean accepting;

    public SetLogQueue(SetLogBatch batches, SetLogConfig config, SetLogMetrics metrics) {
        this.batches = batches;
        this.config = config;
        this.metrics = metrics;
    }

    void onStart(@Observes StartupEvent start) {
        busySince = new AtomicLongArray(config.writers());
        for (int i = 0; i < config.writers(); i++) {
            BlockingQueue<PendingSet> queue = new ArrayBlockingQueue<>(config.queueCapacity());
            queues.add(queue);
            int writerIndex = i;
            Thread writer = new Thread(() -> drain(writerIndex, queue), "set-log-writer-" + i);
            writer.setDaemon(true);
            writers.add(writer);
        }
        accepting = true;
        writers.forEach(Thread::start);
    }

    /** Stops taking sets; what is queued is still written and answered. */
    void onStop(@Observes ShutdownEvent stop) {
        accepting = false;
        for (Thread writer : writers) {
            try {
                writer.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Queues the set; the answer completes after the commit that stored it (or with the refusal). */
    public CompletionStage<Logged<LoggedSet>> submit(String patientId, SetInput input, LocalDate today) {
        CompletableFuture<Logged<LoggedSet>> answer = new CompletableFuture<>();
        BlockingQueue<PendingSet> queue =
                queues.isEmpty() ? null : queues.get(Math.floorMod(patientId.hashCode(), queues.size()));
        waiting.incrementAndGet();
        if (!accepting
                || queue == null
                || !queue.offer(new PendingSet(
                        patientId,
                        input,
                        today,
                        EventTraces.current(),
                        Vertx.currentContext(),
                        answer,
                        new AtomicBoolean(),
                        waiting::decrementAndGet))) {
            waiting.decrementAndGet();
            metrics.unavailable();
            answer.completeExceptionally(new SetLogUnavailable(
                    "Too many sets are waiting to be stored: send it again in a moment", RETRY_AFTER_SECONDS));
        }
        return answer;
    }

    /** Sets submitted and not yet answered: queued, or in a batch being written. */
    public int waiting() {
        return waiting.get();
    }

    /**
     * Why the writers cannot take sets now, or empty when they can: a writer thread that ended, or a
     * batch that has been in the database for longer than {@code stuck-after} (readiness is DOWN then).
     */
    public Optional<String> unhealthy() {
        for (int i = 0; i < writers.size(); i++) {
            if (!writers.get(i).isAlive() && accepting) {
                return Optional.of(writers.get(i).getName() + " has stopped");
            }
            long since = busySince.get(i);
            if (since != 0 && System.nanoTime() - since > config.stuckAfter().toNanos()) {
                return Optional.of(writers.get(i).getName() + " has been writing one batch for more than "
                        + config.stuckAfter().toSeconds() + " s");
            }
        }
        return Optional.empty();
    }

    /** A writer survives anything a batch throws (an Error too): its sets are answered, the next batch goes on. */
    private void drain(int writer, BlockingQueue<PendingSet> queue) {
        List<PendingSet> batch = new ArrayList<>(config.maxBatch());
        while (accepting || !queue.isEmpty()) {
            try {
                PendingSet first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, config.maxBatch() - 1);
                long began = System.nanoTime();
                busySince.set(writer, began);
                batches.write(batch);
                metrics.batch(batch.size(), System.nanoTime() - began);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Throwable e) {
                Log.error("Set-log writer failed on a batch", e);
                RuntimeException failure = e instanceof RuntimeException runtime
                        ? runtime
                        : new IllegalStateException("The set could not be stored", e);
                metrics.failed((int) batch.stream()
                        .filter(pending -> !pending.answered().get())
                        .count());
                batch.forEach(pending -> pending.answer(null, failure));
            } finally {
                busySince.set(writer, 0);
                batch.clear();
            }
        }
    }
}

package org.backstrong.planner.service;

import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
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

import org.backstrong.planner.config.SetLogConfig;
import org.backstrong.planner.domain.DoseKind;
import org.backstrong.planner.domain.LoggedSet;
import org.backstrong.planner.domain.OutboxEvent;
import org.backstrong.planner.event.EventTypes;
import org.backstrong.planner.event.SetCompleted;
import org.backstrong.planner.messaging.Outbox;
import org.backstrong.planner.messaging.OutboxRelay;
import org.backstrong.planner.messaging.Topics;
import org.backstrong.planner.repository.SetLogStore;
import org.backstrong.planner.repository.SetLogStore.Item;
import org.backstrong.planner.repository.SetLogStore.Key;
import org.backstrong.planner.repository.SetLogStore.NewSet;
import org.backstrong.planner.repository.SetLogStore.Target;
import org.backstrong.planner.service.SetLogging.Logged;

import io.agroal.api.AgroalDataSource;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Group commit of logged sets, for speed (bench/log-sets.sh). Requests queue their set; a writer thread takes
 * everything waiting (up to {@code max-batch}) and stores it in one transaction: one read of the
 * plans and items, the checks, one pipelined batch of inserts (each set with its outbox event), one
 * commit. Every request is answered only after that commit, so a 201 is as durable as before; a
 * refused set changes nothing. Per request the result is exactly what a transaction of its own would
 * give, in arrival order: a resend answers what was stored first, a taken slot is a 409.
 * If a batch fails in the database, each of its sets is tried again alone, so one set cannot fail
 * another. One patient's sets always go through the same writer, in the order they arrived.
 */
@ApplicationScoped
public class SetLogWriter {

    /** What a 503 (every queue full) tells the device: send it again after this many seconds. */
    static final long RETRY_AFTER_SECONDS = 1;

    /** A set waiting for its writer, and where its answer goes. */
    private record Pending(String patientId, SetInput input, LocalDate today, Context context,
            CompletableFuture<Logged<LoggedSet>> answer, AtomicBoolean answered) {
    }

    /** What the batch decided for one pending set: stored, resent, or refused. */
    private record Outcome(Logged<LoggedSet> logged, RuntimeException refused) {
    }

    private final AgroalDataSource dataSource;
    private final SetLogStore store;
    private final Outbox outbox;
    private final OutboxRelay relay;
    private final SetLogConfig config;
    private final List<BlockingQueue<Pending>> queues = new ArrayList<>();
    private final List<Thread> writers = new ArrayList<>();
    private final AtomicInteger waiting = new AtomicInteger();
    /** Per writer, System.nanoTime() when its batch began, 0 while it waits for sets. */
    private volatile AtomicLongArray busySince = new AtomicLongArray(0);
    private volatile boolean accepting;

    public SetLogWriter(AgroalDataSource dataSource, SetLogStore store, Outbox outbox, OutboxRelay relay,
            SetLogConfig config) {
        this.dataSource = dataSource;
        this.store = store;
        this.outbox = outbox;
        this.relay = relay;
        this.config = config;
    }

    void onStart(@Observes StartupEvent start) {
        busySince = new AtomicLongArray(config.writers());
        for (int i = 0; i < config.writers(); i++) {
            BlockingQueue<Pending> queue = new ArrayBlockingQueue<>(config.queueCapacity());
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
        BlockingQueue<Pending> queue = queues.isEmpty() ? null
                : queues.get(Math.floorMod(patientId.hashCode(), queues.size()));
        waiting.incrementAndGet();
        if (!accepting || queue == null
                || !queue.offer(new Pending(patientId, input, today, Vertx.currentContext(), answer, new AtomicBoolean()))) {
            waiting.decrementAndGet();
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

    /** A writer survives anything one batch throws (an Error too): the batch's sets are answered, the next batch goes on. */
    private void drain(int writer, BlockingQueue<Pending> queue) {
        List<Pending> batch = new ArrayList<>(config.maxBatch());
        while (accepting || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, config.maxBatch() - 1);
                busySince.set(writer, System.nanoTime());
                write(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Throwable e) {
                Log.error("Set-log writer failed on a batch", e);
                RuntimeException failure = e instanceof RuntimeException runtime ? runtime
                        : new IllegalStateException("The set could not be stored", e);
                batch.forEach(pending -> answer(pending, null, failure));
            } finally {
                busySince.set(writer, 0);
                batch.clear();
            }
        }
    }

    /** One transaction for the batch; when the database refuses it, each set alone. */
    private void write(List<Pending> batch) {
        List<Outcome> outcomes;
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                outcomes = apply(connection, batch);
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                rollback(connection);
                throw e;
            }
        } catch (SQLException | RuntimeException e) {
            if (batch.size() > 1) {
                Log.warnf("A batch of %d sets failed (%s); storing each alone", batch.size(), firstLine(e));
                batch.forEach(pending -> write(List.of(pending)));
            } else {
                Log.errorf(e, "Set %s could not be stored", batch.get(0).input().setId());
                answer(batch.get(0), null, new IllegalStateException("Set could not be stored", e));
            }
            return;
        }
        boolean stored = false;
        for (int i = 0; i < batch.size(); i++) {
            Outcome outcome = outcomes.get(i);
            stored |= outcome.logged() != null && outcome.logged().created();
            answer(batch.get(i), outcome.logged(), outcome.refused());
        }
        if (stored) {
            relay.wake();
        }
    }

    private List<Outcome> apply(Connection connection, List<Pending> batch) throws SQLException {
        Set<Key> keys = new LinkedHashSet<>();
        batch.forEach(pending -> keys.add(new Key(pending.input().planId(), pending.input().itemId())));
        Map<Key, Target> targets = store.targets(connection, keys);

        Outcome[] outcomes = new Outcome[batch.size()];
        RuntimeException[] refusals = new RuntimeException[batch.size()];
        Item[] items = new Item[batch.size()];
        List<NewSet> inserts = new ArrayList<>();
        List<Integer> inserted = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            Pending pending = batch.get(i);
            SetInput input = pending.input();
            try {
                Target target = targets.get(new Key(input.planId(), input.itemId()));
                LoggedSet set = accepted(target, pending.patientId(), input, pending.today());
                OutboxEvent event = outbox.event(Topics.SET_EVENTS, set.patientId, EventTypes.SET_COMPLETED,
                        SetCompleted.of(set, target.clinicId(), target.item().exerciseId()));
                items[i] = target.item();
                inserts.add(new NewSet(set, event));
                inserted.add(i);
            } catch (NotFoundException | ConflictException | InvalidInputException refused) {
                refusals[i] = refused;
            }
        }
        boolean[] stored = store.insertIfNew(connection, inserts);
        for (int n = 0; n < inserted.size(); n++) {
            if (stored[n]) {
                outcomes[inserted.get(n)] = new Outcome(new Logged<>(inserts.get(n).set(), true), null);
            }
        }

        // Not stored now: a resend (answered with what was stored first), a refusal, or a taken slot.
        Set<UUID> lookUp = new LinkedHashSet<>();
        for (int i = 0; i < batch.size(); i++) {
            if (outcomes[i] == null) {
                lookUp.add(batch.get(i).input().setId());
            }
        }
        Map<UUID, LoggedSet> earlier = store.find(connection, lookUp);
        for (int i = 0; i < batch.size(); i++) {
            if (outcomes[i] == null) {
                LoggedSet first = earlier.get(batch.get(i).input().setId());
                outcomes[i] = first != null ? resent(first, batch.get(i).patientId())
                        : refusals[i] != null ? new Outcome(null, refusals[i])
                        : slotTaken(batch.get(i).input(), items[i]);
            }
        }
        return List.of(outcomes);
    }

    /** The set as it will be stored, or the refusal, in the checks' order: a set with several faults gets the first. */
    private static LoggedSet accepted(Target target, String patientId, SetInput input, LocalDate today) {
        if (target == null || !target.patientId().equals(patientId)) {
            throw new NotFoundException("Plan " + input.planId());
        }
        SetLogging.requireActive(target.status(), target.statusReason());
        SetLogging.requireSessionDay(target.schedule(), input.date(), today, "date");
        Item item = target.item();
        if (item == null) {
            throw new InvalidInputException(422, "not-in-session", "itemId",
                    "Item " + input.itemId() + " is not part of this session");
        }
        if (item.paused()) {
            throw new ConflictException("exercise-paused", item.exerciseName() + " is paused: " + item.pauseReason());
        }
        requireMeasuredAsPrescribed(item, input);
        LoggedSet set = new LoggedSet();
        set.id = input.setId();
        set.patientId = patientId;
        set.planId = target.planId();
        set.itemId = item.id();
        set.sessionDate = input.date();
        set.setNumber = input.setNumber();
        set.side = input.side() == null ? null : LoggedSet.Side.valueOf(input.side().toUpperCase());
        set.reps = input.reps();
        set.seconds = input.seconds();
        // As PostgreSQL keeps them, so the first answer and every resend's are the same.
        set.loadKg = input.loadKg() == null ? null : input.loadKg().setScale(2, RoundingMode.HALF_UP);
        set.band = input.band();
        set.rir = input.rir();
        set.rpe = input.rpe() == null ? null : input.rpe().setScale(1, RoundingMode.HALF_UP);
        set.pain = input.pain();
        set.beyondNormalFatigue = input.beyondNormalFatigue();
        set.note = input.note();
        set.loggedAt = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        return set;
    }

    /** The insert stored nothing and the id is not stored: another set holds the slot. */
    private static Outcome slotTaken(SetInput input, Item item) {
        return new Outcome(null, new ConflictException("set-already-logged", "Set " + input.setNumber()
                + (input.side() == null ? "" : " (" + input.side() + ")") + " of " + item.exerciseName() + " on "
                + input.date() + " is already logged"));
    }

    private static Outcome resent(LoggedSet first, String patientId) {
        if (!first.patientId.equals(patientId)) {
            return new Outcome(null, new ConflictException("id-taken", "Set id " + first.id + " is taken"));
        }
        return new Outcome(new Logged<>(first, false), null);
    }

    /** Reps for a reps dose, seconds for a hold or duration; a side exactly when the item is per side. */
    private static void requireMeasuredAsPrescribed(Item item, SetInput input) {
        boolean reps = item.doseKind() == DoseKind.REPS;
        if (reps && input.reps() == null) {
            throw new InvalidInputException("reps", "is required: " + item.exerciseName() + " is counted in reps");
        }
        if (!reps && input.seconds() == null) {
            throw new InvalidInputException("seconds", "is required: " + item.exerciseName() + " is counted in seconds");
        }
        if (item.perSide() && input.side() == null) {
            throw new InvalidInputException("side", "is required: " + item.exerciseName() + " is done on each side");
        }
        if (!item.perSide() && input.side() != null) {
            throw new InvalidInputException("side", "must be left out: " + item.exerciseName() + " is not done per side");
        }
        if (input.setNumber() > item.setsMax()) {
            throw new InvalidInputException("setNumber", "must be at most " + item.setsMax() + " for " + item.exerciseName());
        }
    }

    /** Answers on the request's own event loop, so writing the response never holds up the writer. */
    private void answer(Pending pending, Logged<LoggedSet> logged, Throwable failure) {
        if (!pending.answered().compareAndSet(false, true)) {
            return;
        }
        waiting.decrementAndGet();
        Runnable complete = failure == null ? () -> pending.answer().complete(logged)
                : () -> pending.answer().completeExceptionally(failure);
        if (pending.context() != null) {
            pending.context().runOnContext(ignored -> complete.run());
        } else {
            complete.run();
        }
    }

    private static String firstLine(Exception e) {
        Throwable cause = e instanceof SQLException sql && sql.getNextException() != null ? sql.getNextException() : e;
        String message = String.valueOf(cause.getMessage());
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }

    private static void rollback(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            Log.warnf("Rollback failed: %s", e.getMessage());
        }
    }
}

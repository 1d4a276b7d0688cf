package org.backstrong.planner.messaging;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringSerializer;

import org.backstrong.operations.EventTraces;
import org.backstrong.operations.KafkaClients;
import org.backstrong.planner.config.OutboxConfig;
import org.backstrong.planner.event.EventTypes;
import org.backstrong.planner.repository.OutboxFeed;
import org.backstrong.planner.repository.OutboxFeed.Unpublished;

/**
 * Publishes the outbox to Kafka: woken in this service after each commit that wrote the outbox
 * (and polling as a fallback, for rows other instances wrote), it reads unpublished rows in commit
 * order, sends them with an idempotent producer (acks=all, keyed by patient, CloudEvents headers, and the
 * traceparent of the work that wrote each row when it had one),
 * waits for the broker's acknowledgement, then marks them published. A crash between send and mark
 * re-sends: consumers apply each event id once.
 *
 * <p>One instance publishes at a time, however many run: the relay that holds the PostgreSQL
 * advisory lock {@link #LEADER_LOCK} on its own connection, and publishes over that connection
 * only, so a relay that loses its connection loses the lead with it. Two relays publishing at once
 * could send one patient's events out of order.
 */
@ApplicationScoped
public class OutboxRelay {

    /** The advisory lock the publishing instance holds (a key of planner's database alone). */
    static final long LEADER_LOCK = 0x0B5_9A77_E501L;

    private final OutboxFeed feed;
    private final OutboxConfig config;
    private final KafkaClients kafka;
    private final Semaphore wakeUp = new Semaphore(0);
    private volatile Thread worker;
    private volatile boolean running;
    private volatile boolean leading;

    public OutboxRelay(OutboxFeed feed, OutboxConfig config, KafkaClients kafka) {
        this.feed = feed;
        this.config = config;
        this.kafka = kafka;
    }

    void onStart(@Observes StartupEvent start) {
        if (config.enabled()) {
            start();
        }
    }

    void onStop(@Observes ShutdownEvent stop) {
        stop();
    }

    /** A transaction wrote the outbox and committed: publish now rather than at the next poll. */
    void onCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) OutboxWritten written) {
        wake();
    }

    /** Something committed outbox rows outside JTA (the set-log writer): publish now. */
    public void wake() {
        wakeUp.release();
    }

    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        worker = new Thread(this::run, "outbox-relay");
        worker.setDaemon(true);
        worker.start();
    }

    /** Stops publishing; what is not yet published waits in the outbox for the next start. */
    public synchronized void stop() {
        running = false;
        Thread stopping = worker;
        if (stopping != null) {
            stopping.interrupt();
            try {
                stopping.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        worker = null;
    }

    private void run() {
        Log.infof("Outbox relay publishing to %s", kafka.bootstrapServers());
        while (running) {
            try (KafkaProducer<String, String> producer = producer();
                    OutboxFeed.Session connection = feed.open()) {
                try {
                    awaitLead(connection);
                    publishWhileRunning(connection, producer);
                } finally {
                    giveUpLead(connection);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    Log.warnf("Outbox relay failed (%s); retrying in %s", e.getMessage(), config.retryBackoff());
                    pause();
                }
            }
        }
        Log.info("Outbox relay stopped");
    }

    private void publishWhileRunning(OutboxFeed.Session connection, KafkaProducer<String, String> producer)
            throws SQLException, InterruptedException {
        while (running && leading) {
            wakeUp.drainPermits();
            while (running && publishBatch(connection, producer) == config.batchSize()) {
                // A full batch: there may be more waiting.
            }
            if (wakeUp.tryAcquire(config.pollInterval().toMillis(), TimeUnit.MILLISECONDS)
                    && !config.linger().isZero()) {
                // Let the commits right behind this one join its batch: fewer, fuller round trips.
                Thread.sleep(config.linger().toMillis());
            }
        }
    }

    /** Waits, on this connection, until this instance holds the lead (another instance's relay stopped). */
    private void awaitLead(OutboxFeed.Session connection) throws SQLException, InterruptedException {
        boolean told = false;
        while (running) {
            if (connection.tryLock(LEADER_LOCK)) {
                leading = true;
                Log.info("Outbox relay leads: this instance publishes the outbox");
                return;
            }
            if (!told) {
                Log.info("Outbox relay on standby: another instance publishes");
                told = true;
            }
            Thread.sleep(config.pollInterval().toMillis());
        }
    }

    /**
     * Releases the lock before the connection goes back to the pool: a pooled connection that kept
     * it would hold the lead for nobody.
     */
    private void giveUpLead(OutboxFeed.Session connection) {
        if (!leading) {
            return;
        }
        leading = false;
        connection.unlockAll();
    }

    /** Whether this relay holds the lead now (for tests and health). */
    public boolean leads() {
        return leading;
    }

    /** Publishes one batch in commit order over the leader's connection; returns how many events it published. */
    int publishBatch(OutboxFeed.Session connection, KafkaProducer<String, String> producer) throws SQLException {
        return connection.publishBatch(config.batchSize(), rows -> send(rows, producer));
    }

    /** Sends the rows and returns once the broker acknowledged every one of them. */
    private static void send(List<Unpublished> rows, KafkaProducer<String, String> producer) {
        List<Future<RecordMetadata>> acks = new ArrayList<>();
        for (Unpublished row : rows) {
            ProducerRecord<String, String> record =
                    record(row.id(), row.topic(), row.key(), row.type(), row.payload(), row.occurredAt());
            EventTraces.addHeader(record.headers(), row.traceparent());
            acks.add(producer.send(record));
        }
        for (Future<RecordMetadata> ack : acks) {
            try {
                ack.get(30, TimeUnit.SECONDS);
            } catch (ExecutionException | TimeoutException e) {
                throw new IllegalStateException("Kafka did not acknowledge an outbox event: " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while publishing the outbox", e);
            }
        }
        if (!rows.isEmpty()) {
            Log.debugf("Outbox relay published %d events", rows.size());
        }
    }

    /** A CloudEvents 1.0 record in Kafka's binary mode: attributes in ce_ headers, data as the value. */
    static ProducerRecord<String, String> record(
            String id, String topic, String key, String type, String payload, OffsetDateTime occurredAt) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, payload);
        header(record, "ce_specversion", "1.0");
        header(record, "ce_id", id);
        header(record, "ce_type", type);
        header(record, "ce_source", EventTypes.SOURCE);
        header(record, "ce_subject", key);
        header(record, "ce_time", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(occurredAt));
        header(record, "content-type", "application/json");
        return record;
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8)));
    }

    private KafkaProducer<String, String> producer() {
        return new KafkaProducer<>(
                kafka.producer(Map.of(
                        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                        true,
                        ProducerConfig.ACKS_CONFIG,
                        "all",
                        ProducerConfig.LINGER_MS_CONFIG,
                        2,
                        ProducerConfig.CLIENT_ID_CONFIG,
                        "planner-outbox-relay-" + Instant.now().toEpochMilli())),
                new StringSerializer(),
                new StringSerializer());
    }

    private void pause() {
        try {
            Thread.sleep(config.retryBackoff().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

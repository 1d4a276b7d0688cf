package org.backstrong.progress.messaging;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

import org.backstrong.operations.EventTraces;
import org.backstrong.operations.KafkaClients;
import org.backstrong.progress.config.ProgressConfig;
import org.backstrong.progress.event.Envelope;
import org.backstrong.progress.event.EventTypes;
import org.backstrong.progress.repository.OutboxRelayRepository;

/**
 * Publishes the outbox to Kafka: unsent events in the order they were written, with an idempotent
 * producer (acks=all), keyed by patient, CloudEvents in binary mode; an event is marked sent once
 * the broker acknowledged it, so a restart resends at most the last round (consumers drop
 * duplicates by ce_id). A commit's NOTIFY wakes it at once; a short poll covers a lost one. Only
 * one instance publishes at a time, however many run: the relay that holds the PostgreSQL advisory
 * lock {@link OutboxRelayRepository#LEADER_LOCK} on its own connection, and publishes over that
 * connection only, so a relay that loses its connection loses the lead with it and per-patient order
 * holds.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final long RETRY_AFTER_FAILURE_MILLIS = 1000;

    private final OutboxRelayRepository outbox;
    private final ProgressConfig.Outbox config;
    private final KafkaClients kafka;
    private volatile boolean running;
    private volatile boolean leading;
    private Thread worker;
    private KafkaProducer<String, String> producer;

    public OutboxRelay(OutboxRelayRepository outbox, ProgressConfig config, KafkaClients kafka) {
        this.outbox = outbox;
        this.config = config.outbox();
        this.kafka = kafka;
    }

    void onStart(@Observes StartupEvent started) {
        start();
    }

    void onStop(@Observes ShutdownEvent stopping) throws InterruptedException {
        stop();
    }

    public synchronized void start() {
        if (running) {
            return;
        }
        producer = new KafkaProducer<>(
                kafka.producer(Map.of(
                        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                        true,
                        ProducerConfig.ACKS_CONFIG,
                        "all",
                        ProducerConfig.LINGER_MS_CONFIG,
                        0,
                        ProducerConfig.CLIENT_ID_CONFIG,
                        "progress-service-outbox")),
                new StringSerializer(),
                new StringSerializer());
        running = true;
        worker = new Thread(this::run, "outbox-relay");
        worker.setDaemon(true);
        worker.start();
    }

    /** Stops publishing (and leading); what is not yet sent waits in the outbox. */
    public synchronized void stop() throws InterruptedException {
        running = false;
        if (worker != null) {
            worker.interrupt();
            worker.join(5000);
            worker = null;
        }
        if (producer != null) {
            producer.close();
            producer = null;
        }
    }

    private void run() {
        while (running) {
            try (OutboxRelayRepository.RelayConnection connection = outbox.open()) {
                try {
                    while (running && !(leading = connection.tryLead())) {
                        connection.awaitNotification((int) config.pollInterval().toMillis() * 10);
                    }
                    while (running) {
                        if (publishRound(connection) < config.batchSize()) {
                            connection.awaitNotification(
                                    (int) Math.max(1, config.pollInterval().toMillis()));
                        }
                    }
                } finally {
                    leading = false;
                    connection.giveUpLead();
                }
            } catch (SQLException | RuntimeException | ExecutionException | TimeoutException e) {
                if (running) {
                    Log.warnf(
                            "Outbox relay failed (%s); retrying in %d ms", e.getMessage(), RETRY_AFTER_FAILURE_MILLIS);
                    pause();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Whether this relay holds the lead now. */
    public boolean leads() {
        return leading;
    }

    /** Sends one batch of unsent events, waits for the broker, marks them sent; returns how many. */
    private int publishRound(OutboxRelayRepository.RelayConnection connection)
            throws SQLException, InterruptedException, ExecutionException, TimeoutException {
        List<OutboxRelayRepository.Unsent> unsent = connection.unsent(config.batchSize());
        if (unsent.isEmpty()) {
            return 0;
        }
        List<Future<RecordMetadata>> acks = new ArrayList<>(unsent.size());
        for (OutboxRelayRepository.Unsent event : unsent) {
            ProducerRecord<String, String> record = new ProducerRecord<>(event.topic(), event.key(), event.payload());
            header(record, Envelope.SPECVERSION, Envelope.SPEC_VERSION);
            header(record, Envelope.ID, event.id().toString());
            header(record, Envelope.TYPE, event.type());
            header(record, Envelope.SOURCE, EventTypes.SOURCE);
            header(record, Envelope.SUBJECT, event.key());
            header(
                    record,
                    Envelope.TIME,
                    event.createdAt()
                            .withOffsetSameInstant(ZoneOffset.UTC)
                            .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
            header(record, Envelope.CONTENT_TYPE, "application/json");
            EventTraces.addHeader(record.headers(), event.traceparent());
            acks.add(producer.send(record));
        }
        for (Future<RecordMetadata> ack : acks) {
            ack.get(config.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
        }
        connection.markSent(
                unsent.stream().map(OutboxRelayRepository.Unsent::id).toList());
        Log.debugf("Outbox relay published %d events", unsent.size());
        return unsent.size();
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private void pause() {
        try {
            Thread.sleep(RETRY_AFTER_FAILURE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}

package org.backstrong.progress.messaging;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.backstrong.progress.config.ProgressConfig;
import org.backstrong.progress.event.Envelope;
import org.backstrong.progress.event.EventTypes;
import org.backstrong.progress.repository.OutboxRepository;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.postgresql.PGConnection;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Publishes the outbox to Kafka: unsent events in the order they were written, with an idempotent
 * producer (acks=all), keyed by patient, CloudEvents in binary mode; an event is marked sent once
 * the broker acknowledged it, so a restart resends at most the last round (consumers drop
 * duplicates by ce_id). A commit's NOTIFY wakes it at once; a short poll covers a lost one. Only
 * one instance publishes at a time, however many run: the relay that holds the PostgreSQL advisory
 * lock {@link #LEADER_LOCK} on its own connection, and publishes over that connection only, so a
 * relay that loses its connection loses the lead with it and per-patient order holds.
 */
@ApplicationScoped
public class OutboxRelay {

    /** The advisory lock the publishing instance holds. */
    static final long LEADER_LOCK = 0x0B5_0B0C_4E1AL;
    private static final long RETRY_AFTER_FAILURE_MILLIS = 1000;

    private final DataSource dataSource;
    private final ProgressConfig.Outbox config;
    private final String bootstrapServers;
    private volatile boolean running;
    private volatile boolean leading;
    private Thread worker;
    private KafkaProducer<String, String> producer;

    public OutboxRelay(DataSource dataSource, ProgressConfig config,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.dataSource = dataSource;
        this.config = config.outbox();
        this.bootstrapServers = bootstrapServers;
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
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 0,
                ProducerConfig.CLIENT_ID_CONFIG, "progress-service-outbox"),
                new StringSerializer(), new StringSerializer());
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
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(true);
                PGConnection notifications = connection.unwrap(PGConnection.class);
                try (Statement listen = connection.createStatement()) {
                    listen.execute("LISTEN " + OutboxRepository.CHANNEL);
                }
                try {
                    while (running && !(leading = leader(connection))) {
                        notifications.getNotifications((int) config.pollInterval().toMillis() * 10);
                    }
                    while (running) {
                        if (publishRound(connection) < config.batchSize()) {
                            notifications.getNotifications((int) Math.max(1, config.pollInterval().toMillis()));
                        }
                    }
                } finally {
                    giveUpLead(connection);
                }
            } catch (SQLException | RuntimeException | ExecutionException | TimeoutException e) {
                if (running) {
                    Log.warnf("Outbox relay failed (%s); retrying in %d ms", e.getMessage(), RETRY_AFTER_FAILURE_MILLIS);
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

    /**
     * Releases the lock before the connection goes back to the pool: a pooled connection that kept
     * it would hold the lead for nobody.
     */
    private void giveUpLead(Connection connection) {
        if (!leading) {
            return;
        }
        leading = false;
        try (Statement unlock = connection.createStatement()) {
            unlock.execute("SELECT pg_advisory_unlock_all()");
        } catch (SQLException e) {
            // A connection that failed is closed by the pool, and its session's lock ends with it.
            Log.debugf("Outbox relay could not release its lock (%s)", e.getMessage());
        }
    }

    private static boolean leader(Connection connection) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
            lock.setLong(1, LEADER_LOCK);
            try (ResultSet result = lock.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }

    /** Sends one batch of unsent events, waits for the broker, marks them sent; returns how many. */
    private int publishRound(Connection connection)
            throws SQLException, InterruptedException, ExecutionException, TimeoutException {
        List<UUID> ids = new ArrayList<>();
        List<Future<RecordMetadata>> acks = new ArrayList<>();
        try (PreparedStatement unsent = connection.prepareStatement("SELECT id, topic, event_key, event_type, payload, "
                + "created_at FROM outbox_event WHERE sent_at IS NULL ORDER BY position LIMIT ?")) {
            unsent.setInt(1, config.batchSize());
            try (ResultSet rows = unsent.executeQuery()) {
                while (rows.next()) {
                    UUID id = rows.getObject(1, UUID.class);
                    ProducerRecord<String, String> record = new ProducerRecord<>(rows.getString(2), rows.getString(3),
                            rows.getString(5));
                    OffsetDateTime createdAt = rows.getObject(6, OffsetDateTime.class);
                    header(record, Envelope.SPECVERSION, Envelope.SPEC_VERSION);
                    header(record, Envelope.ID, id.toString());
                    header(record, Envelope.TYPE, rows.getString(4));
                    header(record, Envelope.SOURCE, EventTypes.SOURCE);
                    header(record, Envelope.SUBJECT, rows.getString(3));
                    header(record, Envelope.TIME,
                            createdAt.withOffsetSameInstant(ZoneOffset.UTC).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
                    header(record, Envelope.CONTENT_TYPE, "application/json");
                    ids.add(id);
                    acks.add(producer.send(record));
                }
            }
        }
        if (ids.isEmpty()) {
            return 0;
        }
        for (Future<RecordMetadata> ack : acks) {
            ack.get(config.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
        }
        try (PreparedStatement sent = connection.prepareStatement(
                "UPDATE outbox_event SET sent_at = now() WHERE id = ANY (?)")) {
            sent.setArray(1, connection.createArrayOf("uuid", ids.toArray()));
            sent.executeUpdate();
        }
        Log.debugf("Outbox relay published %d events", ids.size());
        return ids.size();
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

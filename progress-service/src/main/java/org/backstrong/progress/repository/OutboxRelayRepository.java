package org.backstrong.progress.repository;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import org.postgresql.PGConnection;

/**
 * The outbox as the relay reads it: a connection of its own ({@link RelayConnection}) that holds the
 * leader's advisory lock, listens for commits, reads unsent events in order and marks them sent.
 */
@ApplicationScoped
public class OutboxRelayRepository {

    /** The advisory lock the publishing instance holds. */
    public static final long LEADER_LOCK = 0x0B5_0B0C_4E1AL;

    private final DataSource dataSource;

    public OutboxRelayRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** An event of the outbox not sent yet. */
    public record Unsent(
            UUID id,
            String topic,
            String key,
            String type,
            String payload,
            OffsetDateTime createdAt,
            String traceparent) {}

    /** A connection of the relay's own, listening on {@link OutboxRepository#CHANNEL}, autocommit. */
    public RelayConnection open() throws SQLException {
        Connection connection = dataSource.getConnection();
        try {
            connection.setAutoCommit(true);
            try (Statement listen = connection.createStatement()) {
                listen.execute("LISTEN " + OutboxRepository.CHANNEL);
            }
            return new RelayConnection(connection);
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    /**
     * One session of the relay: the lead is held on it and publishing reads over it only, so a relay
     * that loses its connection loses the lead with it.
     */
    public static final class RelayConnection implements AutoCloseable {

        private final Connection connection;
        private final PGConnection notifications;
        private boolean leading;

        private RelayConnection(Connection connection) throws SQLException {
            this.connection = connection;
            this.notifications = connection.unwrap(PGConnection.class);
        }

        /** Takes the lead when no other session holds it; true while this one holds it. */
        public boolean tryLead() throws SQLException {
            try (PreparedStatement lock = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
                lock.setLong(1, LEADER_LOCK);
                try (ResultSet result = lock.executeQuery()) {
                    leading = result.next() && result.getBoolean(1);
                    return leading;
                }
            }
        }

        /** Waits up to {@code millis} for a commit's notification (or returns at once with those pending). */
        public void awaitNotification(int millis) throws SQLException {
            notifications.getNotifications(millis);
        }

        /** Up to {@code limit} unsent events, in the order they were written. */
        public List<Unsent> unsent(int limit) throws SQLException {
            List<Unsent> events = new ArrayList<>();
            try (PreparedStatement unsent = connection.prepareStatement(
                    "SELECT id, topic, event_key, event_type, "
                            + "payload, created_at, traceparent FROM outbox_event WHERE sent_at IS NULL ORDER BY position LIMIT ?")) {
                unsent.setInt(1, limit);
                try (ResultSet rows = unsent.executeQuery()) {
                    while (rows.next()) {
                        events.add(new Unsent(
                                rows.getObject(1, UUID.class),
                                rows.getString(2),
                                rows.getString(3),
                                rows.getString(4),
                                rows.getString(5),
                                rows.getObject(6, OffsetDateTime.class),
                                rows.getString(7)));
                    }
                }
            }
            return events;
        }

        public void markSent(List<UUID> ids) throws SQLException {
            try (PreparedStatement sent =
                    connection.prepareStatement("UPDATE outbox_event SET sent_at = now() WHERE id = ANY (?)")) {
                sent.setArray(1, connection.createArrayOf("uuid", ids.toArray()));
                sent.executeUpdate();
            }
        }

        /**
         * Releases the lock before the connection goes back to the pool: a pooled connection that kept
         * it would hold the lead for nobody.
         */
        public void giveUpLead() {
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

        @Override
        public void close() throws SQLException {
            connection.close();
        }
    }
}

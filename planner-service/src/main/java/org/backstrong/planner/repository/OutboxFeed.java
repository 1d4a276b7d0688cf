package org.backstrong.planner.repository;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalDataSource;
import io.quarkus.logging.Log;

/**
 * The outbox as its relay reads it, in plain JDBC over a connection of the relay's own: the leader's
 * advisory lock belongs to that connection's session, so a relay that loses its connection loses the
 * lead with it, and it publishes over that connection only.
 */
@ApplicationScoped
public class OutboxFeed {

    /** An outbox row not yet published, in commit order. */
    public record Unpublished(
            long seq,
            String id,
            String topic,
            String key,
            String type,
            String payload,
            OffsetDateTime occurredAt,
            String traceparent) {}

    private final AgroalDataSource dataSource;

    public OutboxFeed(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A connection of the relay's own; closing it ends its lock too. */
    public Session open() throws SQLException {
        return new Session(dataSource.getConnection());
    }

    /** One relay's connection: the lock, and the batches read and marked published over it. */
    public static final class Session implements AutoCloseable {

        private final Connection connection;

        private Session(Connection connection) {
            this.connection = connection;
        }

        /** Takes the advisory lock {@code lock} if no other session holds it; true when this one holds it now. */
        public boolean tryLock(long lock) throws SQLException {
            try (PreparedStatement query = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
                query.setLong(1, lock);
                try (ResultSet result = query.executeQuery()) {
                    return result.next() && result.getBoolean(1);
                }
            }
        }

        /**
         * Releases every advisory lock of this session, before the connection goes back to the pool: a
         * pooled connection that kept one would hold the lead for nobody.
         */
        public void unlockAll() {
            try (Statement unlock = connection.createStatement()) {
                unlock.execute("SELECT pg_advisory_unlock_all()");
            } catch (SQLException e) {
                // A connection that failed is closed by the pool, and its session's lock ends with it.
                Log.debugf("Outbox relay could not release its lock (%s)", e.getMessage());
            }
        }

        /**
         * In one transaction: reads up to {@code limit} unpublished rows in commit order, hands them to
         * {@code publish} (which returns once the broker acknowledged them all, or throws), then marks
         * them published. Returns how many it published.
         */
        public int publishBatch(int limit, Consumer<List<Unpublished>> publish) throws SQLException {
            connection.setAutoCommit(false);
            try {
                List<Unpublished> rows = unpublished(limit);
                publish.accept(rows);
                if (!rows.isEmpty()) {
                    try (PreparedStatement mark = connection.prepareStatement(
                            "UPDATE outbox_event SET published_at = now() WHERE seq = ANY(?)")) {
                        Array seqs = connection.createArrayOf(
                                "bigint", rows.stream().map(Unpublished::seq).toArray());
                        mark.setArray(1, seqs);
                        mark.executeUpdate();
                    }
                }
                connection.commit();
                return rows.size();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        }

        private List<Unpublished> unpublished(int limit) throws SQLException {
            List<Unpublished> rows = new ArrayList<>();
            try (PreparedStatement claim = connection.prepareStatement(
                    "SELECT seq, id, topic, event_key, type, payload::text, occurred_at, traceparent FROM outbox_event"
                            + " WHERE published_at IS NULL ORDER BY seq LIMIT ?")) {
                claim.setInt(1, limit);
                try (ResultSet row = claim.executeQuery()) {
                    while (row.next()) {
                        rows.add(new Unpublished(
                                row.getLong(1),
                                row.getString(2),
                                row.getString(3),
                                row.getString(4),
                                row.getString(5),
                                row.getString(6),
                                row.getObject(7, OffsetDateTime.class),
                                row.getString(8)));
                    }
                }
            }
            return rows;
        }

        @Override
        public void close() throws SQLException {
            connection.close();
        }
    }
}

package org.backstrong.planner.repository;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalDataSource;

/** How far the outbox is behind: the events not yet sent and the age of the oldest, for the gauges. */
@ApplicationScoped
public class OutboxBacklog {

    /** The events waiting, and how long the oldest of them has waited (zero when none waits). */
    public record Waiting(long events, Duration oldest) {}

    // The partial index on unsent rows keeps this cheap however long the outbox's history grows.
    private static final String SQL = "SELECT count(*), COALESCE(EXTRACT(EPOCH FROM now() - min(occurred_at)), 0)"
            + " FROM outbox_event WHERE published_at IS NULL";

    private final AgroalDataSource dataSource;

    public OutboxBacklog(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Waiting read() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(SQL);
                ResultSet result = query.executeQuery()) {
            result.next();
            return new Waiting(result.getLong(1), Duration.ofMillis(Math.round(result.getDouble(2) * 1000)));
        }
    }
}

package org.backstrong.planner.repository;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.backstrong.planner.domain.DoseKind;
import org.backstrong.planner.domain.LoggedSet;
import org.backstrong.planner.domain.OutboxEvent;
import org.backstrong.planner.domain.PlanStatus;
import org.backstrong.planner.domain.Schedule;

import io.agroal.api.AgroalDataSource;

/**
 * The hot path of logging a set in plain JDBC (issue 4, "Speed"): one read of what the checks need,
 * one statement storing the set and its outbox event. It runs in the caller's JTA transaction (Agroal
 * enlists the connection), so the event still commits with the set; no Hibernate session is opened.
 */
@ApplicationScoped
public class SetLogStore {

    /** What the checks need of a plan, and of the logged item (null when the item is not in that plan). */
    public record Target(UUID planId, String patientId, String clinicId, PlanStatus status, String statusReason,
            Schedule schedule, Item item) {
    }

    /** The logged item's name, pause and how it is measured. */
    public record Item(UUID id, String exerciseId, String exerciseName, boolean paused, String pauseReason,
            DoseKind doseKind, boolean perSide, int setsMax) {
    }

    private static final String TARGET = """
            SELECT p.patient_id, p.clinic_id, p.status, p.status_reason, p.start_date, p.weeks, p.weekdays,
                i.id, i.exercise_id, i.exercise_name, i.paused, i.pause_reason, i.dose_kind, i.per_side, i.sets_max
            FROM plan p LEFT JOIN plan_item i ON i.plan_id = p.id AND i.id = ?
            WHERE p.id = ?""";

    // The outbox row is inserted only when the set was: a taken id or slot stores neither.
    private static final String INSERT_WITH_EVENT = """
            WITH stored AS (
                INSERT INTO logged_set (id, patient_id, plan_id, item_id, session_date, set_number, side, reps, seconds,
                    load_kg, band, rir, rpe, pain, beyond_normal_fatigue, note, logged_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT DO NOTHING
                RETURNING id)
            INSERT INTO outbox_event (id, topic, event_key, type, payload, occurred_at)
            SELECT ?, ?, ?, ?, ?::jsonb, ? FROM stored""";

    private final AgroalDataSource dataSource;

    public SetLogStore(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The plan and the item, in one round trip; empty when there is no such plan. */
    public Optional<Target> target(UUID planId, UUID itemId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(TARGET)) {
            query.setObject(1, itemId);
            query.setObject(2, planId);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                Integer[] weekdays = (Integer[]) row.getArray(7).getArray();
                Schedule schedule = new Schedule(row.getObject(5, LocalDate.class), row.getInt(6),
                        List.copyOf(Arrays.asList(weekdays)));
                UUID id = row.getObject(8, UUID.class);
                Item item = id == null ? null
                        : new Item(id, row.getString(9), row.getString(10), row.getBoolean(11), row.getString(12),
                                DoseKind.valueOf(row.getString(13)), row.getBoolean(14), row.getInt(15));
                return Optional.of(new Target(planId, row.getString(1), row.getString(2),
                        PlanStatus.valueOf(row.getString(3)), row.getString(4), schedule, item));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read plan " + planId, e);
        }
    }

    /**
     * Stores the set and its outbox event unless the set's id (or its slot: item, day, set number,
     * side) is already stored; true when this call stored them. One statement, so two resends racing
     * each other store it once.
     */
    public boolean insertIfNew(LoggedSet set, OutboxEvent event) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(INSERT_WITH_EVENT)) {
            insert.setObject(1, set.id);
            insert.setString(2, set.patientId);
            insert.setObject(3, set.planId);
            insert.setObject(4, set.itemId);
            insert.setObject(5, set.sessionDate);
            insert.setInt(6, set.setNumber);
            insert.setString(7, set.side == null ? null : set.side.name());
            setInteger(insert, 8, set.reps);
            setInteger(insert, 9, set.seconds);
            insert.setBigDecimal(10, set.loadKg);
            insert.setString(11, set.band);
            setInteger(insert, 12, set.rir);
            insert.setBigDecimal(13, set.rpe);
            insert.setInt(14, set.pain);
            insert.setBoolean(15, set.beyondNormalFatigue);
            insert.setString(16, set.note);
            insert.setObject(17, set.loggedAt);
            insert.setObject(18, event.id);
            insert.setString(19, event.topic);
            insert.setString(20, event.eventKey);
            insert.setString(21, event.type);
            insert.setString(22, event.payload);
            insert.setObject(23, event.occurredAt);
            return insert.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot store set " + set.id, e);
        }
    }

    private static void setInteger(PreparedStatement statement, int index, Integer value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.INTEGER);
        } else {
            statement.setInt(index, value);
        }
    }
}

package org.backstrong.planner.repository;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalDataSource;
import io.quarkus.logging.Log;

import org.backstrong.planner.domain.DoseKind;
import org.backstrong.planner.domain.LoggedSet;
import org.backstrong.planner.domain.OutboxEvent;
import org.backstrong.planner.domain.PlanStatus;
import org.backstrong.planner.domain.Schedule;
import org.backstrong.planner.domain.SetTarget;

/**
 * Stores logged sets in batches, in plain JDBC (for speed: bench/log-sets.sh): one transaction per batch, in which
 * the caller's work costs one read of what the checks need, one statement storing the sets with their outbox
 * events, and one look-up of the ids that were not stored (only when there are such). If the database refuses a
 * batch, each of its sets is stored again alone, so one set cannot fail another.
 */
@ApplicationScoped
public class SetLogStore {

    /** A plan and the item a set is logged against. */
    public record Key(UUID planId, UUID itemId) {}

    /** A set to store with the event that reports it. */
    public record NewSet(LoggedSet set, OutboxEvent event) {}

    /** What one transaction does with its batch, with the statements of that transaction: a result per element. */
    @FunctionalInterface
    public interface Work<T, R> {
        List<R> apply(Statements statements, List<T> batch);
    }

    /** Where the results go: after the commit that stored them, or for an element that could not be stored at all. */
    public interface Answers<T, R> {
        void committed(List<T> batch, List<R> results);

        void failed(T element, Exception cause);
    }

    /** A statement of the batch's transaction failed in the database; the transaction rolls back. */
    public static final class StatementFailed extends RuntimeException {
        StatementFailed(SQLException cause) {
            super(cause.getMessage(), cause);
        }
    }

    private static final String TARGETS = """
            SELECT k.plan_id, k.item_id, p.patient_id, p.clinic_id, p.status, p.status_reason, p.start_date, p.weeks,
                p.weekdays, i.id, i.exercise_id, i.exercise_name, i.paused, i.pause_reason, i.dose_kind, i.per_side,
                i.sets_max
            FROM unnest(?::uuid[], ?::uuid[]) AS k(plan_id, item_id)
            JOIN plan p ON p.id = k.plan_id
            LEFT JOIN plan_item i ON i.plan_id = p.id AND i.id = k.item_id""";

    // All sets of a batch in one statement, in arrival order. The outbox row is inserted only for a set
    // that was: a taken id or slot stores neither, and an id sent twice in one batch gets one event.
    private static final String INSERT_WITH_EVENTS = """
            WITH input AS (
                SELECT * FROM unnest(?::uuid[], ?::text[], ?::uuid[], ?::uuid[], ?::text[], ?::int4[], ?::text[],
                        ?::int4[], ?::int4[], ?::numeric[], ?::text[], ?::int4[], ?::numeric[], ?::int4[], ?::bool[],
                        ?::text[], ?::text[], ?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                    WITH ORDINALITY AS t(id, patient_id, plan_id, item_id, session_date, set_number, side, reps,
                        seconds, load_kg, band, rir, rpe, pain, beyond_normal_fatigue, note, logged_at, event_id,
                        topic, event_key, type, payload, occurred_at, traceparent, ord)),
            stored AS (
                INSERT INTO logged_set (id, patient_id, plan_id, item_id, session_date, set_number, side, reps, seconds,
                    load_kg, band, rir, rpe, pain, beyond_normal_fatigue, note, logged_at)
                SELECT id, patient_id, plan_id, item_id, session_date::date, set_number, side, reps, seconds, load_kg,
                    band, rir, rpe, pain, beyond_normal_fatigue, note, logged_at::timestamptz
                FROM input ORDER BY ord
                ON CONFLICT DO NOTHING
                RETURNING id)
            INSERT INTO outbox_event (id, topic, event_key, type, payload, occurred_at, traceparent)
            SELECT first.event_id, first.topic, first.event_key, first.type, first.payload::jsonb,
                first.occurred_at::timestamptz, first.traceparent
            FROM stored
            CROSS JOIN LATERAL (SELECT * FROM input WHERE input.id = stored.id ORDER BY ord LIMIT 1) first
            ORDER BY first.ord
            RETURNING id""";

    private static final String FIND = """
            SELECT id, patient_id, plan_id, item_id, session_date, set_number, side, reps, seconds, load_kg, band, rir,
                rpe, pain, beyond_normal_fatigue, note, logged_at
            FROM logged_set WHERE id = ANY(?)""";

    private final AgroalDataSource dataSource;

    public SetLogStore(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** One transaction for the batch; when the database refuses it, each element alone. */
    public <T, R> void write(List<T> batch, Work<T, R> work, Answers<T, R> answers) {
        List<R> results;
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                results = work.apply(new Statements(connection), batch);
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                rollback(connection);
                throw e;
            }
        } catch (SQLException | RuntimeException e) {
            Exception cause = e instanceof StatementFailed failed ? (SQLException) failed.getCause() : e;
            if (batch.size() > 1) {
                Log.warnf("A batch of %d sets failed (%s); storing each alone", batch.size(), firstLine(cause));
                batch.forEach(element -> write(List.of(element), work, answers));
            } else {
                answers.failed(batch.get(0), cause);
            }
            return;
        }
        answers.committed(batch, results);
    }

    /** The statements of one batch's transaction, on its connection. */
    public final class Statements {

        private final Connection connection;

        private Statements(Connection connection) {
            this.connection = connection;
        }

        /** The plans and items of the keys, in one round trip; a key whose plan does not exist is left out. */
        public Map<Key, SetTarget> targets(Collection<Key> keys) {
            try {
                return SetLogStore.this.targets(connection, keys);
            } catch (SQLException e) {
                throw new StatementFailed(e);
            }
        }

        /**
         * Stores each set and its outbox event unless the set's id (or its slot: item, day, set number,
         * side) is already stored, in order, in one statement; element i is true when set i was stored.
         */
        public boolean[] insertIfNew(List<NewSet> sets) {
            try {
                return SetLogStore.this.insertIfNew(connection, sets);
            } catch (SQLException e) {
                throw new StatementFailed(e);
            }
        }

        /** The stored sets of these ids, by id. */
        public Map<UUID, LoggedSet> find(Collection<UUID> ids) {
            try {
                return SetLogStore.this.find(connection, ids);
            } catch (SQLException e) {
                throw new StatementFailed(e);
            }
        }
    }

    /** The plans and items of the keys, in one round trip; a key whose plan does not exist is left out. */
    Map<Key, SetTarget> targets(Connection connection, Collection<Key> keys) throws SQLException {
        UUID[] plans = keys.stream().map(Key::planId).toArray(UUID[]::new);
        UUID[] items = keys.stream().map(Key::itemId).toArray(UUID[]::new);
        Map<Key, SetTarget> targets = new HashMap<>();
        try (PreparedStatement query = connection.prepareStatement(TARGETS)) {
            query.setArray(1, connection.createArrayOf("uuid", plans));
            query.setArray(2, connection.createArrayOf("uuid", items));
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    UUID planId = row.getObject(1, UUID.class);
                    Integer[] weekdays = (Integer[]) row.getArray(9).getArray();
                    Schedule schedule = new Schedule(
                            row.getObject(7, LocalDate.class), row.getInt(8), List.copyOf(Arrays.asList(weekdays)));
                    UUID itemId = row.getObject(10, UUID.class);
                    SetTarget.Item item = itemId == null
                            ? null
                            : new SetTarget.Item(
                                    itemId,
                                    row.getString(11),
                                    row.getString(12),
                                    row.getBoolean(13),
                                    row.getString(14),
                                    DoseKind.valueOf(row.getString(15)),
                                    row.getBoolean(16),
                                    row.getInt(17));
                    targets.put(
                            new Key(planId, row.getObject(2, UUID.class)),
                            new SetTarget(
                                    planId,
                                    row.getString(3),
                                    row.getString(4),
                                    PlanStatus.valueOf(row.getString(5)),
                                    row.getString(6),
                                    schedule,
                                    item));
                }
            }
        }
        return targets;
    }

    /**
     * Stores each set and its outbox event unless the set's id (or its slot: item, day, set number,
     * side) is already stored, in order, in one statement; element i is true when set i was stored.
     */
    boolean[] insertIfNew(Connection connection, List<NewSet> sets) throws SQLException {
        int n = sets.size();
        if (n == 0) {
            return new boolean[0];
        }
        UUID[] ids = new UUID[n], plans = new UUID[n], items = new UUID[n], events = new UUID[n];
        String[] patients = new String[n],
                dates = new String[n],
                sides = new String[n],
                bands = new String[n],
                notes = new String[n],
                loggedAt = new String[n],
                topics = new String[n],
                keys = new String[n],
                types = new String[n],
                payloads = new String[n],
                occurredAt = new String[n],
                traceparents = new String[n];
        Integer[] numbers = new Integer[n],
                reps = new Integer[n],
                seconds = new Integer[n],
                rir = new Integer[n],
                pain = new Integer[n];
        BigDecimal[] loads = new BigDecimal[n], rpe = new BigDecimal[n];
        Boolean[] beyond = new Boolean[n];
        for (int i = 0; i < n; i++) {
            LoggedSet set = sets.get(i).set();
            OutboxEvent event = sets.get(i).event();
            ids[i] = set.id;
            patients[i] = set.patientId;
            plans[i] = set.planId;
            items[i] = set.itemId;
            dates[i] = set.sessionDate.toString();
            numbers[i] = set.setNumber;
            sides[i] = set.side == null ? null : set.side.name();
            reps[i] = set.reps;
            seconds[i] = set.seconds;
            loads[i] = set.loadKg;
            bands[i] = set.band;
            rir[i] = set.rir;
            rpe[i] = set.rpe;
            pain[i] = set.pain;
            beyond[i] = set.beyondNormalFatigue;
            notes[i] = set.note;
            loggedAt[i] = set.loggedAt.toString();
            events[i] = event.id;
            topics[i] = event.topic;
            keys[i] = event.eventKey;
            types[i] = event.type;
            payloads[i] = event.payload;
            occurredAt[i] = event.occurredAt.toString();
            traceparents[i] = event.traceparent;
        }
        Object[][] columns = {
            ids,
            patients,
            plans,
            items,
            dates,
            numbers,
            sides,
            reps,
            seconds,
            loads,
            bands,
            rir,
            rpe,
            pain,
            beyond,
            notes,
            loggedAt,
            events,
            topics,
            keys,
            types,
            payloads,
            occurredAt,
            traceparents
        };
        String[] sqlTypes = {
            "uuid", "text", "uuid", "uuid", "text", "int4", "text", "int4", "int4", "numeric", "text", "int4",
            "numeric", "int4", "bool", "text", "text", "uuid", "text", "text", "text", "text", "text", "text"
        };
        Set<UUID> published = new HashSet<>();
        try (PreparedStatement insert = connection.prepareStatement(INSERT_WITH_EVENTS)) {
            for (int c = 0; c < columns.length; c++) {
                insert.setArray(c + 1, connection.createArrayOf(sqlTypes[c], columns[c]));
            }
            try (ResultSet row = insert.executeQuery()) {
                while (row.next()) {
                    published.add(row.getObject(1, UUID.class));
                }
            }
        }
        boolean[] stored = new boolean[n];
        for (int i = 0; i < n; i++) {
            stored[i] = published.contains(events[i]);
        }
        return stored;
    }

    /** The stored sets of these ids, by id. */
    Map<UUID, LoggedSet> find(Connection connection, Collection<UUID> ids) throws SQLException {
        Map<UUID, LoggedSet> found = new HashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        try (PreparedStatement query = connection.prepareStatement(FIND)) {
            query.setArray(1, connection.createArrayOf("uuid", ids.toArray(UUID[]::new)));
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    LoggedSet set = new LoggedSet();
                    set.id = row.getObject(1, UUID.class);
                    set.patientId = row.getString(2);
                    set.planId = row.getObject(3, UUID.class);
                    set.itemId = row.getObject(4, UUID.class);
                    set.sessionDate = row.getObject(5, LocalDate.class);
                    set.setNumber = row.getInt(6);
                    String side = row.getString(7);
                    set.side = side == null ? null : LoggedSet.Side.valueOf(side);
                    set.reps = row.getObject(8, Integer.class);
                    set.seconds = row.getObject(9, Integer.class);
                    set.loadKg = row.getBigDecimal(10);
                    set.band = row.getString(11);
                    set.rir = row.getObject(12, Integer.class);
                    set.rpe = row.getBigDecimal(13);
                    set.pain = row.getInt(14);
                    set.beyondNormalFatigue = row.getBoolean(15);
                    set.note = row.getString(16);
                    set.loggedAt = row.getObject(17, OffsetDateTime.class);
                    found.put(set.id, set);
                }
            }
        }
        return found;
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

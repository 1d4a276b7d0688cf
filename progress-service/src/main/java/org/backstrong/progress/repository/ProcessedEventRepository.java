package org.backstrong.progress.repository;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;

import org.backstrong.progress.event.Envelope;

/** The ids of applied events: the idempotent consumer's memory. */
@ApplicationScoped
public class ProcessedEventRepository {

    private final EntityManager em;

    public ProcessedEventRepository(EntityManager em) {
        this.em = em;
    }

    /**
     * Records a batch of events (ids distinct) in one statement; returns the ids recorded now, the
     * others were recorded before (redeliveries) and change nothing. Each row gets the time it was
     * written, not the transaction's start.
     */
    public Set<String> recordFirstTime(List<Envelope> events) {
        if (events.isEmpty()) {
            return Set.of();
        }
        Set<String> fresh = new HashSet<>();
        em.unwrap(Session.class).doWork(connection -> {
            String[] ids = new String[events.size()];
            String[] topics = new String[events.size()];
            String[] types = new String[events.size()];
            for (int i = 0; i < events.size(); i++) {
                ids[i] = events.get(i).id();
                topics[i] = events.get(i).topic();
                types[i] = events.get(i).type();
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO processed_event (event_id, topic, event_type, processed_at) "
                            + "SELECT id, topic, type, clock_timestamp() FROM unnest(?::text[], ?::text[], ?::text[]) "
                            + "AS e (id, topic, type) ON CONFLICT (event_id) DO NOTHING RETURNING event_id")) {
                Array idArray = connection.createArrayOf("text", ids);
                insert.setArray(1, idArray);
                insert.setArray(2, connection.createArrayOf("text", topics));
                insert.setArray(3, connection.createArrayOf("text", types));
                try (ResultSet rows = insert.executeQuery()) {
                    while (rows.next()) {
                        fresh.add(rows.getString(1));
                    }
                }
            }
        });
        return fresh;
    }

    /**
     * One patient's events apply one at a time, whichever topic or instance they come through: every
     * patient of a batch is locked, in one statement and in the order of the lock keys, so two
     * batches sharing patients cannot deadlock.
     */
    public void lockPatients(Collection<String> patientIds) {
        if (patientIds.isEmpty()) {
            return;
        }
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement lock = connection.prepareStatement(
                    "SELECT count(pg_advisory_xact_lock(k)) FROM (SELECT DISTINCT hashtext(p) AS k "
                            + "FROM unnest(?::text[]) AS p ORDER BY k) AS keys")) {
                lock.setArray(1, connection.createArrayOf("text", patientIds.toArray(String[]::new)));
                try (ResultSet done = lock.executeQuery()) {
                    done.next();
                }
            }
        });
    }

    /** Takes back an id recorded in this transaction, for an event that was refused and changed nothing. */
    public void forget(String eventId) {
        em.createNativeQuery("DELETE FROM processed_event WHERE event_id = ?1")
                .setParameter(1, eventId)
                .executeUpdate();
    }
}

package org.backstrong.progress.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

import org.backstrong.progress.domain.OutboxEvent;

@ApplicationScoped
public class OutboxRepository implements PanacheRepositoryBase<OutboxEvent, UUID> {

    /** The channel the relay listens on; a notification is delivered when the writing transaction commits. */
    public static final String CHANNEL = "progress_outbox";

    /** Wakes the relay once this transaction commits (PostgreSQL holds NOTIFY until then). */
    public void notifyRelay() {
        getEntityManager()
                .createNativeQuery("SELECT pg_notify('" + CHANNEL + "', '')")
                .getSingleResult();
    }
}

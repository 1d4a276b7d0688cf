package org.backstrong.progress.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/** The ids of applied events: the idempotent consumer's memory. */
@ApplicationScoped
public class ProcessedEventRepository {

    private final EntityManager em;

    public ProcessedEventRepository(EntityManager em) {
        this.em = em;
    }

    /** Records the event; false when it was recorded before (a redelivery), which then changes nothing. */
    public boolean recordFirstTime(String eventId, String topic, String type) {
        return em.createNativeQuery("INSERT INTO processed_event (event_id, topic, event_type) VALUES (?1, ?2, ?3) "
                + "ON CONFLICT (event_id) DO NOTHING")
                .setParameter(1, eventId).setParameter(2, topic).setParameter(3, type)
                .executeUpdate() == 1;
    }

    /** One patient's events apply one at a time, whichever topic or instance they come through. */
    public void lockPatient(String patientId) {
        em.createNativeQuery("SELECT pg_advisory_xact_lock(hashtext(?1))").setParameter(1, patientId).getSingleResult();
    }
}

package org.backstrong.planner.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/** The ids of the consumed events already applied: recorded in the transaction of their effect. */
@ApplicationScoped
public class ProcessedEventRepository {

    private final EntityManager entityManager;

    public ProcessedEventRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Records the event id; false when it was recorded before (a redelivery). */
    public boolean recordFirst(UUID eventId, String type) {
        return entityManager
                        .createNativeQuery(
                                "INSERT INTO processed_event (event_id, type) VALUES (:id, :type) ON CONFLICT DO NOTHING")
                        .setParameter("id", eventId)
                        .setParameter("type", type)
                        .executeUpdate()
                == 1;
    }
}

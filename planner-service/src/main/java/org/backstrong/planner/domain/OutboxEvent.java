package org.backstrong.planner.domain;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.ColumnTransformer;

/** An event waiting to be published: written in the same transaction as the change it reports. */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent {

    /** Commit order; the relay publishes in this order. */
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long seq;

    /** The CloudEvents id: consumers apply each id once. */
    @Column(nullable = false, unique = true)
    public UUID id;

    @Column(nullable = false)
    public String topic;

    /** The Kafka key: the patient id, so one patient's events stay in order. */
    @Column(name = "event_key", nullable = false)
    public String eventKey;

    /** The CloudEvents type, e.g. backstrong.set.completed.v1. */
    @Column(nullable = false)
    public String type;

    @ColumnTransformer(write = "?::jsonb")
    @Column(nullable = false, columnDefinition = "jsonb")
    public String payload;

    @Column(name = "occurred_at", nullable = false)
    public OffsetDateTime occurredAt;

    @Column(name = "published_at")
    public OffsetDateTime publishedAt;

    /** The W3C trace context of the work that wrote it (sent as the record's traceparent header); null outside a trace. */
    @Column(name = "traceparent")
    public String traceparent;
}

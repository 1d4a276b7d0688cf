package org.backstrong.progress.domain;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An event waiting to be published: it commits with the rows that caused it; the relay sends it. */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent {

    /** The event id, published as ce_id. */
    @Id
    public UUID id;

    @Column(nullable = false)
    public String topic;

    /** The record key: the patient id. */
    @Column(name = "event_key", nullable = false)
    public String key;

    @Column(name = "event_type", nullable = false)
    public String type;

    @Column(nullable = false)
    public String payload;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "sent_at")
    public OffsetDateTime sentAt;

    /** The W3C trace context of the span that wrote it, sent as the record's traceparent header. */
    @Column(name = "traceparent")
    public String traceparent;
}

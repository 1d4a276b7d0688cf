package org.backstrong.planner.messaging;

/** Fired when a transaction writes to the outbox; the relay wakes once that transaction commits. */
public record OutboxWritten() {}

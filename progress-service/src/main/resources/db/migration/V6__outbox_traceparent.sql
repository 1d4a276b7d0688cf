-- The W3C trace context of each event: the span that wrote it, a child of the trace of the event that
-- caused it (or of the request), so the relay sends it as the record's traceparent header and one trace runs
-- request -> planner -> Kafka -> progress -> Kafka -> planner. NULL for events before this column.
ALTER TABLE outbox_event ADD COLUMN traceparent text;

-- The W3C trace context of the work that wrote each event (the request's span), so the relay sends it as
-- the record's traceparent header and one trace runs request -> planner -> Kafka -> progress -> planner.
-- NULL for an event written outside any trace (and for every event before this column).
ALTER TABLE outbox_event ADD COLUMN traceparent text;

-- A NOTIFY in every logging transaction makes PostgreSQL commit those transactions one at a
-- time (a database-wide lock held through each commit's flush), which capped set logging near
-- the disk's flush rate (planner-service/bench/README.md). The relay is now woken inside the
-- service after each commit that wrote the outbox, and polls as a fallback.
DROP TRIGGER outbox_event_inserted ON outbox_event;
DROP FUNCTION notify_outbox();

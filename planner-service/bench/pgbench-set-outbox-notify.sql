-- pgbench, for context: pgbench-set-and-outbox.sql plus the NOTIFY that outbox_event's trigger
-- (V2__plans.sql, notify_outbox) sends at every insert, on a channel nobody listens to. PostgreSQL
-- serialises committing transactions that notified (PreCommit_Notify takes a database-wide lock and
-- holds it through the commit's WAL flush), so this shows what the trigger alone costs.
BEGIN;
INSERT INTO bench_logged_set (id, patient_id, plan_id, item_id, session_date, set_number, side, reps, seconds,
    load_kg, band, rir, rpe, pain, beyond_normal_fatigue, note, logged_at)
VALUES (gen_random_uuid(), 'bench-p-000001', gen_random_uuid(), gen_random_uuid(), CURRENT_DATE, 1, NULL, 10, NULL,
    15.00, NULL, 2, NULL, 1, false, NULL, now());
INSERT INTO bench_outbox_event (id, topic, event_key, type, payload, occurred_at)
VALUES (gen_random_uuid(), 'set-events', 'bench-p-000001', 'backstrong.set.completed.v1',
    jsonb_build_object('setId', gen_random_uuid(), 'patientId', 'bench-p-000001', 'clinicId', 'bench-clinic',
        'planId', gen_random_uuid(), 'itemId', gen_random_uuid(), 'exerciseId', 'lat-pulldown',
        'sessionDate', CURRENT_DATE, 'setNumber', 1, 'side', NULL, 'reps', 10, 'seconds', NULL, 'loadKg', 15.00,
        'band', NULL, 'rir', 2, 'rpe', NULL, 'pain', 1, 'beyondNormalFatigue', false, 'loggedAt', now()),
    now());
SELECT pg_notify('bench_outbox_event', '');
COMMIT;

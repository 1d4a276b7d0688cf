-- pgbench baseline: one durable single-row INSERT per transaction, a row as wide as a logged set
-- (into bench_logged_set: logged_set's columns, constraints and indexes). Autocommit.
INSERT INTO bench_logged_set (id, patient_id, plan_id, item_id, session_date, set_number, side, reps, seconds,
    load_kg, band, rir, rpe, pain, beyond_normal_fatigue, note, logged_at)
VALUES (gen_random_uuid(), 'bench-p-000001', gen_random_uuid(), gen_random_uuid(), CURRENT_DATE, 1, NULL, 10, NULL,
    15.00, NULL, 2, NULL, 1, false, NULL, now());

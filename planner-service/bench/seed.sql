-- Benchmark patients for log-sets.sh, straight into the planner database (after Flyway ran).
-- psql variables: patients (how many), today (YYYY-MM-DD, the service's "today"),
-- weekdays (a PostgreSQL int array literal holding today's ISO weekday, e.g. {2,4,6}).
-- Each patient bench-p-NNNNNN (clinic bench-clinic) gets an active plan of the built-in
-- "Back strength — 4 weeks" template, started a week ago, items copied from template_item
-- exactly as an assignment copies them.
\set ON_ERROR_STOP on
BEGIN;

INSERT INTO patient (id, clinic_id, display_name, enrolled_by)
SELECT format('bench-p-%s', lpad(n::text, 6, '0')), 'bench-clinic', format('Bench patient %s', n), 'bench'
FROM generate_series(1, :patients) AS n;

CREATE TEMP TABLE bench_plan ON COMMIT DROP AS
SELECT gen_random_uuid() AS id, p.id AS patient_id
FROM patient p
WHERE p.id LIKE 'bench-p-%';

INSERT INTO plan (id, patient_id, clinic_id, template_id, name, goal, start_date, weeks, weekdays, status,
        created_by)
SELECT b.id, b.patient_id, 'bench-clinic', t.id, t.name, t.goal, :'today'::date - 7, t.weeks,
       :'weekdays'::integer[], 'ACTIVE', 'bench'
FROM bench_plan b
CROSS JOIN template t
WHERE t.id = '00000000-0000-4000-8000-000000000b04';

INSERT INTO plan_item (id, plan_id, block, position, exercise_id, exercise_version, exercise_name, dose_kind,
        sets, sets_max, reps_min, reps_max, seconds_min, seconds_max, hold_seconds, per_side, load_kind, load_kg,
        band, rest_seconds, load_step_percent, harder_variant_id, notes)
SELECT gen_random_uuid(), b.id, ti.block, ti.position, ti.exercise_id, ti.exercise_version, ti.exercise_name,
       ti.dose_kind, ti.sets, ti.sets_max, ti.reps_min, ti.reps_max, ti.seconds_min, ti.seconds_max,
       ti.hold_seconds, ti.per_side, ti.load_kind, ti.load_kg, ti.band, ti.rest_seconds, ti.load_step_percent,
       ti.harder_variant_id, ti.notes
FROM bench_plan b
CROSS JOIN template_item ti
WHERE ti.template_id = '00000000-0000-4000-8000-000000000b04';

COMMIT;

-- pgbench's baseline tables: the same columns, constraints and indexes as the real ones, no
-- trigger (the relay must not see pgbench's rows).
CREATE TABLE bench_logged_set (LIKE logged_set INCLUDING ALL);
CREATE TABLE bench_outbox_event (LIKE outbox_event INCLUDING ALL);

-- As the database's owner (no superuser), the shared catalogs are skipped: no warning for each.
SET client_min_messages = error;
VACUUM ANALYZE;

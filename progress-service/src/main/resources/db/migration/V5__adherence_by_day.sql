-- Adherence counts only what was due: a query counts the weeks up to its end or today, whichever is
-- earlier, and the week that day falls in only up to it (a session later that week is neither
-- scheduled nor missed). adherence_day keeps what the weekly tables keep, day by day: a row per
-- patient, day and exercise for the sets and pain, and a row with exercise_id '' for the day's
-- sessions (and template). Whole weeks are still read from the weekly tables. Pages keep room
-- (fillfactor 70), so adding a batch's sets to a day's row is a HOT update, without an index entry.
CREATE TABLE adherence_day (
    patient_id         text    NOT NULL,
    day                date    NOT NULL,
    exercise_id        text    NOT NULL,
    clinic_id          text    NOT NULL,
    template_id        text    NOT NULL DEFAULT '',
    sessions_scheduled integer NOT NULL DEFAULT 0,
    sessions_completed integer NOT NULL DEFAULT 0,
    sets_prescribed    integer NOT NULL DEFAULT 0,
    sets_logged        integer NOT NULL DEFAULT 0,
    pain_sum           integer NOT NULL DEFAULT 0,
    pain_count         integer NOT NULL DEFAULT 0,
    pain_peak          integer,
    PRIMARY KEY (patient_id, day, exercise_id)
) WITH (fillfactor = 70);

CREATE INDEX adherence_day_clinic ON adherence_day (clinic_id, day);

-- The days before this migration, from what is known: logged sets and completed sessions exactly;
-- the schedule from each active plan as it stands now. Pauses and changes before this migration are
-- not known day by day, so a query ending inside a week before it counts that week's schedule as the
-- plan stands now; whole weeks keep their exact weekly rows.
INSERT INTO adherence_day (patient_id, day, exercise_id, clinic_id, template_id, sessions_scheduled)
SELECT p.patient_id, d.day::date, '', min(p.clinic_id), coalesce(max(p.template_id), ''), count(*)
FROM patient_plan p
CROSS JOIN LATERAL generate_series(p.start_date, p.start_date + 7 * p.weeks - 1, interval '1 day') AS d (day)
WHERE p.status = 'active'
  AND extract(isodow FROM d.day)::integer = ANY (string_to_array(p.weekdays, ',')::integer[])
GROUP BY p.patient_id, d.day::date;

INSERT INTO adherence_day (patient_id, day, exercise_id, clinic_id, template_id, sets_prescribed)
SELECT p.patient_id, d.day::date, i.item ->> 'exerciseId', min(p.clinic_id), coalesce(max(p.template_id), ''),
       sum((i.item ->> 'sets')::integer * CASE WHEN (i.item ->> 'perSide')::boolean THEN 2 ELSE 1 END)
FROM patient_plan p
CROSS JOIN LATERAL generate_series(p.start_date, p.start_date + 7 * p.weeks - 1, interval '1 day') AS d (day)
CROSS JOIN LATERAL jsonb_array_elements(p.items::jsonb) AS i (item)
WHERE p.status = 'active'
  AND extract(isodow FROM d.day)::integer = ANY (string_to_array(p.weekdays, ',')::integer[])
  AND NOT coalesce((i.item ->> 'paused')::boolean, false)
GROUP BY p.patient_id, d.day::date, i.item ->> 'exerciseId';

INSERT INTO adherence_day (patient_id, day, exercise_id, clinic_id, sets_logged, pain_sum, pain_count, pain_peak)
SELECT patient_id, session_date, exercise_id, min(clinic_id), count(*), sum(pain), count(*), max(pain)
FROM logged_set
GROUP BY patient_id, session_date, exercise_id
ON CONFLICT (patient_id, day, exercise_id) DO UPDATE SET
    sets_logged = EXCLUDED.sets_logged,
    pain_sum = EXCLUDED.pain_sum,
    pain_count = EXCLUDED.pain_count,
    pain_peak = EXCLUDED.pain_peak;

INSERT INTO adherence_day (patient_id, day, exercise_id, clinic_id, sessions_completed)
SELECT patient_id, session_date, '', min(clinic_id), count(*)
FROM session_completion
WHERE counted
GROUP BY patient_id, session_date
ON CONFLICT (patient_id, day, exercise_id) DO UPDATE SET sessions_completed = EXCLUDED.sessions_completed;

-- Two transactions adding to the same clinic and week no longer wait for each other's commit: each
-- adds to its own stripe of the clinic's week, picked by its database connection (the backend's pid
-- modulo 16), and readers sum the stripes. So two consumers of set-events (two instances, or the
-- channel's concurrent copies) apply their batches side by side instead of taking turns on a clinic's
-- weekly rows; two connections that share a stripe wait as before. A stripe's sums may be negative
-- (a row added through one stripe and removed through another); only a clinic's week summed over its
-- stripes means anything. The rows kept so far are stripe 0.
ALTER TABLE adherence_clinic_week ADD COLUMN stripe smallint NOT NULL DEFAULT 0;
ALTER TABLE adherence_clinic_week DROP CONSTRAINT adherence_clinic_week_pkey;
ALTER TABLE adherence_clinic_week ADD PRIMARY KEY (clinic_id, week_start, stripe);

CREATE OR REPLACE FUNCTION adherence_clinic_week_add() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    s smallint := pg_backend_pid() % 16;
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO adherence_clinic_week AS r (clinic_id, week_start, stripe, patients, sessions_scheduled,
                sessions_completed, sets_prescribed, sets_logged, pain_sum, pain_count, pain_peak)
        SELECT clinic_id, week_start, s, count(*), sum(sessions_scheduled), sum(sessions_completed),
               sum(sets_prescribed), sum(sets_logged), sum(pain_sum), sum(pain_count), max(pain_peak)
        FROM added GROUP BY clinic_id, week_start ORDER BY clinic_id, week_start
        ON CONFLICT (clinic_id, week_start, stripe) DO UPDATE SET
            patients = r.patients + EXCLUDED.patients,
            sessions_scheduled = r.sessions_scheduled + EXCLUDED.sessions_scheduled,
            sessions_completed = r.sessions_completed + EXCLUDED.sessions_completed,
            sets_prescribed = r.sets_prescribed + EXCLUDED.sets_prescribed,
            sets_logged = r.sets_logged + EXCLUDED.sets_logged,
            pain_sum = r.pain_sum + EXCLUDED.pain_sum,
            pain_count = r.pain_count + EXCLUDED.pain_count,
            pain_peak = greatest(r.pain_peak, EXCLUDED.pain_peak);
    ELSIF TG_OP = 'UPDATE' THEN
        INSERT INTO adherence_clinic_week AS r (clinic_id, week_start, stripe, patients, sessions_scheduled,
                sessions_completed, sets_prescribed, sets_logged, pain_sum, pain_count, pain_peak)
        SELECT clinic_id, week_start, s, sum(n), sum(sessions_scheduled), sum(sessions_completed),
               sum(sets_prescribed), sum(sets_logged), sum(pain_sum), sum(pain_count), max(pain_peak)
        FROM (SELECT clinic_id, week_start, 1 AS n, sessions_scheduled, sessions_completed, sets_prescribed,
                     sets_logged, pain_sum, pain_count, pain_peak
              FROM added
              UNION ALL
              SELECT clinic_id, week_start, -1, -sessions_scheduled, -sessions_completed, -sets_prescribed,
                     -sets_logged, -pain_sum, -pain_count, NULL
              FROM removed) AS d
        GROUP BY clinic_id, week_start ORDER BY clinic_id, week_start
        ON CONFLICT (clinic_id, week_start, stripe) DO UPDATE SET
            patients = r.patients + EXCLUDED.patients,
            sessions_scheduled = r.sessions_scheduled + EXCLUDED.sessions_scheduled,
            sessions_completed = r.sessions_completed + EXCLUDED.sessions_completed,
            sets_prescribed = r.sets_prescribed + EXCLUDED.sets_prescribed,
            sets_logged = r.sets_logged + EXCLUDED.sets_logged,
            pain_sum = r.pain_sum + EXCLUDED.pain_sum,
            pain_count = r.pain_count + EXCLUDED.pain_count,
            pain_peak = greatest(r.pain_peak, EXCLUDED.pain_peak);
    ELSE
        INSERT INTO adherence_clinic_week AS r (clinic_id, week_start, stripe, patients, sessions_scheduled,
                sessions_completed, sets_prescribed, sets_logged, pain_sum, pain_count)
        SELECT clinic_id, week_start, s, -count(*), -sum(sessions_scheduled), -sum(sessions_completed),
               -sum(sets_prescribed), -sum(sets_logged), -sum(pain_sum), -sum(pain_count)
        FROM removed GROUP BY clinic_id, week_start ORDER BY clinic_id, week_start
        ON CONFLICT (clinic_id, week_start, stripe) DO UPDATE SET
            patients = r.patients + EXCLUDED.patients,
            sessions_scheduled = r.sessions_scheduled + EXCLUDED.sessions_scheduled,
            sessions_completed = r.sessions_completed + EXCLUDED.sessions_completed,
            sets_prescribed = r.sets_prescribed + EXCLUDED.sets_prescribed,
            sets_logged = r.sets_logged + EXCLUDED.sets_logged,
            pain_sum = r.pain_sum + EXCLUDED.pain_sum,
            pain_count = r.pain_count + EXCLUDED.pain_count;
    END IF;
    RETURN NULL;
END
$$;

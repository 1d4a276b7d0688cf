-- The analysts' weekly adherence reads one row per clinic and week instead of one per patient and
-- week: at 10,000 patients a year of a clinic's weekly rows is 520,000 rows to sum, here 52.
-- adherence_clinic_week holds adherence_week's sums per clinic and week, and in `patients` how many
-- patient rows the week has (what the query's count(*) counted). Statement-level triggers keep it:
-- each INSERT, UPDATE or DELETE of adherence_week adds its rows' difference, summed per clinic and
-- week, in one upsert per statement (an upsert of adherence_week fires both the INSERT trigger, for
-- the rows it inserted, and the UPDATE trigger, for the rows it changed). The rows are locked in
-- (clinic, week) order. pain_peak only rises (a deleted row's peak stays), as no write lowers one.
-- Two transactions adding to the same clinic and week wait for each other's commit; the consumer
-- retries a batch that PostgreSQL aborts for a deadlock, as for any other database failure.
CREATE TABLE adherence_clinic_week (
    clinic_id          text   NOT NULL,
    week_start         date   NOT NULL,
    patients           bigint NOT NULL DEFAULT 0,
    sessions_scheduled bigint NOT NULL DEFAULT 0,
    sessions_completed bigint NOT NULL DEFAULT 0,
    sets_prescribed    bigint NOT NULL DEFAULT 0,
    sets_logged        bigint NOT NULL DEFAULT 0,
    pain_sum           bigint NOT NULL DEFAULT 0,
    pain_count         bigint NOT NULL DEFAULT 0,
    pain_peak          integer,
    PRIMARY KEY (clinic_id, week_start)
) WITH (fillfactor = 70);

CREATE FUNCTION adherence_clinic_week_add() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO adherence_clinic_week AS r (clinic_id, week_start, patients, sessions_scheduled,
                sessions_completed, sets_prescribed, sets_logged, pain_sum, pain_count, pain_peak)
        SELECT clinic_id, week_start, count(*), sum(sessions_scheduled), sum(sessions_completed),
               sum(sets_prescribed), sum(sets_logged), sum(pain_sum), sum(pain_count), max(pain_peak)
        FROM added GROUP BY clinic_id, week_start ORDER BY clinic_id, week_start
        ON CONFLICT (clinic_id, week_start) DO UPDATE SET
            patients = r.patients + EXCLUDED.patients,
            sessions_scheduled = r.sessions_scheduled + EXCLUDED.sessions_scheduled,
            sessions_completed = r.sessions_completed + EXCLUDED.sessions_completed,
            sets_prescribed = r.sets_prescribed + EXCLUDED.sets_prescribed,
            sets_logged = r.sets_logged + EXCLUDED.sets_logged,
            pain_sum = r.pain_sum + EXCLUDED.pain_sum,
            pain_count = r.pain_count + EXCLUDED.pain_count,
            pain_peak = greatest(r.pain_peak, EXCLUDED.pain_peak);
    ELSIF TG_OP = 'UPDATE' THEN
        INSERT INTO adherence_clinic_week AS r (clinic_id, week_start, patients, sessions_scheduled,
                sessions_completed, sets_prescribed, sets_logged, pain_sum, pain_count, pain_peak)
        SELECT clinic_id, week_start, sum(n), sum(sessions_scheduled), sum(sessions_completed),
               sum(sets_prescribed), sum(sets_logged), sum(pain_sum), sum(pain_count), max(pain_peak)
        FROM (SELECT clinic_id, week_start, 1 AS n, sessions_scheduled, sessions_completed, sets_prescribed,
                     sets_logged, pain_sum, pain_count, pain_peak
              FROM added
              UNION ALL
              SELECT clinic_id, week_start, -1, -sessions_scheduled, -sessions_completed, -sets_prescribed,
                     -sets_logged, -pain_sum, -pain_count, NULL
              FROM removed) AS d
        GROUP BY clinic_id, week_start ORDER BY clinic_id, week_start
        ON CONFLICT (clinic_id, week_start) DO UPDATE SET
            patients = r.patients + EXCLUDED.patients,
            sessions_scheduled = r.sessions_scheduled + EXCLUDED.sessions_scheduled,
            sessions_completed = r.sessions_completed + EXCLUDED.sessions_completed,
            sets_prescribed = r.sets_prescribed + EXCLUDED.sets_prescribed,
            sets_logged = r.sets_logged + EXCLUDED.sets_logged,
            pain_sum = r.pain_sum + EXCLUDED.pain_sum,
            pain_count = r.pain_count + EXCLUDED.pain_count,
            pain_peak = greatest(r.pain_peak, EXCLUDED.pain_peak);
    ELSE
        INSERT INTO adherence_clinic_week AS r (clinic_id, week_start, patients, sessions_scheduled,
                sessions_completed, sets_prescribed, sets_logged, pain_sum, pain_count)
        SELECT clinic_id, week_start, -count(*), -sum(sessions_scheduled), -sum(sessions_completed),
               -sum(sets_prescribed), -sum(sets_logged), -sum(pain_sum), -sum(pain_count)
        FROM removed GROUP BY clinic_id, week_start ORDER BY clinic_id, week_start
        ON CONFLICT (clinic_id, week_start) DO UPDATE SET
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

-- The triggers first: creating them locks adherence_week against writes until this migration
-- commits, so the sums below miss nothing that another instance writes meanwhile.
CREATE TRIGGER adherence_clinic_week_inserted AFTER INSERT ON adherence_week
    REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION adherence_clinic_week_add();
CREATE TRIGGER adherence_clinic_week_updated AFTER UPDATE ON adherence_week
    REFERENCING OLD TABLE AS removed NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION adherence_clinic_week_add();
CREATE TRIGGER adherence_clinic_week_deleted AFTER DELETE ON adherence_week
    REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION adherence_clinic_week_add();

INSERT INTO adherence_clinic_week (clinic_id, week_start, patients, sessions_scheduled, sessions_completed,
        sets_prescribed, sets_logged, pain_sum, pain_count, pain_peak)
SELECT clinic_id, week_start, count(*), sum(sessions_scheduled), sum(sessions_completed), sum(sets_prescribed),
       sum(sets_logged), sum(pain_sum), sum(pain_count), max(pain_peak)
FROM adherence_week
GROUP BY clinic_id, week_start;

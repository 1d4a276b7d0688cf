-- Templates, patients' plans and schedules, logged sets, the outbox and processed events.

ALTER TABLE patient
    ADD COLUMN pre_existing_condition boolean NOT NULL DEFAULT false,
    ADD COLUMN cleared_on             date,
    ADD COLUMN cleared_by             text,
    ADD COLUMN enrolled_by            text NOT NULL DEFAULT 'system';

-- The prescription columns are the same on template and plan items (a plan copies its template).
CREATE TABLE template (
    id                 uuid        PRIMARY KEY,
    clinic_id          text,       -- null: built in, offered to every clinic
    name               text        NOT NULL CHECK (length(trim(name)) > 0),
    goal               text        NOT NULL,
    weeks              integer     NOT NULL CHECK (weeks BETWEEN 1 AND 52),
    sessions_per_week  integer     NOT NULL CHECK (sessions_per_week BETWEEN 1 AND 7),
    created_by         text        NOT NULL,
    created_at         timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE template_item (
    id                 uuid        PRIMARY KEY,
    template_id        uuid        NOT NULL REFERENCES template (id),
    block              text        NOT NULL CHECK (block IN ('WARM_UP', 'MAIN')),
    position           integer     NOT NULL,
    exercise_id        text        NOT NULL,
    exercise_version   integer     NOT NULL,
    exercise_name      text        NOT NULL,
    dose_kind          text        NOT NULL CHECK (dose_kind IN ('REPS', 'HOLD', 'DURATION')),
    sets               integer     NOT NULL CHECK (sets BETWEEN 1 AND 10),
    sets_max           integer     NOT NULL CHECK (sets_max BETWEEN 1 AND 10),
    reps_min           integer,
    reps_max           integer,
    seconds_min        integer,
    seconds_max        integer,
    hold_seconds       integer,
    per_side           boolean     NOT NULL,
    load_kind          text        NOT NULL CHECK (load_kind IN ('KG', 'BAND', 'BODYWEIGHT')),
    load_kg            numeric(6, 2),
    band               text,
    rest_seconds       integer     NOT NULL DEFAULT 60,
    load_step_percent  numeric(4, 1) NOT NULL DEFAULT 5,
    harder_variant_id  text,
    notes              text,
    UNIQUE (template_id, position)
);

CREATE TABLE plan (
    id                 uuid        PRIMARY KEY,
    patient_id         text        NOT NULL REFERENCES patient (id),
    clinic_id          text        NOT NULL,
    template_id        uuid        REFERENCES template (id),
    name               text        NOT NULL,
    goal               text        NOT NULL,
    start_date         date        NOT NULL,
    weeks              integer     NOT NULL,
    weekdays           integer[]   NOT NULL,
    status             text        NOT NULL CHECK (status IN ('ACTIVE', 'PAUSED', 'COMPLETED')),
    status_reason      text,
    created_by         text        NOT NULL,
    created_at         timestamptz NOT NULL DEFAULT now(),
    version            integer     NOT NULL DEFAULT 0
);

CREATE INDEX plan_patient ON plan (patient_id, status);
CREATE INDEX plan_clinic ON plan (clinic_id);

CREATE TABLE plan_item (
    id                 uuid        PRIMARY KEY,
    plan_id            uuid        NOT NULL REFERENCES plan (id),
    block              text        NOT NULL CHECK (block IN ('WARM_UP', 'MAIN')),
    position           integer     NOT NULL,
    exercise_id        text        NOT NULL,
    exercise_version   integer     NOT NULL,
    exercise_name      text        NOT NULL,
    dose_kind          text        NOT NULL CHECK (dose_kind IN ('REPS', 'HOLD', 'DURATION')),
    sets               integer     NOT NULL CHECK (sets BETWEEN 1 AND 10),
    sets_max           integer     NOT NULL CHECK (sets_max BETWEEN 1 AND 10),
    reps_min           integer,
    reps_max           integer,
    seconds_min        integer,
    seconds_max        integer,
    hold_seconds       integer,
    per_side           boolean     NOT NULL,
    load_kind          text        NOT NULL CHECK (load_kind IN ('KG', 'BAND', 'BODYWEIGHT')),
    load_kg            numeric(6, 2),
    band               text,
    rest_seconds       integer     NOT NULL DEFAULT 60,
    load_step_percent  numeric(4, 1) NOT NULL DEFAULT 5,
    harder_variant_id  text,
    notes              text,
    -- Paused by an open STOP flag until a clinician resolves it.
    paused             boolean     NOT NULL DEFAULT false,
    pause_reason       text,
    pause_flag_id      uuid,
    UNIQUE (plan_id, position)
);

-- The audit trail of every prescription change: who (a clinician's subject, or automatic) and why.
CREATE TABLE prescription_change (
    id           uuid        PRIMARY KEY,
    plan_id      uuid        NOT NULL REFERENCES plan (id),
    item_id      uuid        REFERENCES plan_item (id),
    changed_at   timestamptz NOT NULL,
    changed_by   text        NOT NULL,
    rule         text,
    reason       text        NOT NULL,
    before       jsonb,
    after        jsonb
);

CREATE INDEX prescription_change_plan ON prescription_change (plan_id, changed_at);

-- A set as the patient logged it; the id is generated by the client, so a resend is harmless.
CREATE TABLE logged_set (
    id                    uuid        PRIMARY KEY,
    patient_id            text        NOT NULL,
    plan_id               uuid        NOT NULL,
    item_id               uuid        NOT NULL,
    session_date          date        NOT NULL,
    set_number            integer     NOT NULL CHECK (set_number BETWEEN 1 AND 20),
    side                  text        CHECK (side IN ('LEFT', 'RIGHT')),
    reps                  integer     CHECK (reps BETWEEN 0 AND 100),
    seconds               integer     CHECK (seconds BETWEEN 0 AND 3600),
    load_kg               numeric(6, 2) CHECK (load_kg >= 0),
    band                  text,
    rir                   integer     CHECK (rir BETWEEN 0 AND 10),
    rpe                   numeric(3, 1) CHECK (rpe BETWEEN 0 AND 10),
    pain                  integer     NOT NULL CHECK (pain BETWEEN 0 AND 10),
    beyond_normal_fatigue boolean     NOT NULL,
    note                  text,
    logged_at             timestamptz NOT NULL,
    UNIQUE NULLS NOT DISTINCT (item_id, session_date, set_number, side)
);

CREATE INDEX logged_set_session ON logged_set (plan_id, session_date);

CREATE TABLE session_completion (
    plan_id          uuid        NOT NULL REFERENCES plan (id),
    session_date     date        NOT NULL,
    sets_prescribed  integer     NOT NULL,
    sets_logged      integer     NOT NULL,
    completed_at     timestamptz NOT NULL,
    PRIMARY KEY (plan_id, session_date)
);

CREATE TABLE morning_check_in (
    id          uuid        PRIMARY KEY,
    patient_id  text        NOT NULL,
    plan_id     uuid        NOT NULL,
    date        date        NOT NULL,
    pain        integer     NOT NULL CHECK (pain BETWEEN 0 AND 10),
    logged_at   timestamptz NOT NULL,
    UNIQUE (patient_id, date)
);

-- Transactional outbox: each event row commits with the business rows; the relay publishes it.
CREATE TABLE outbox_event (
    seq           bigserial   PRIMARY KEY,
    id            uuid        NOT NULL UNIQUE,
    topic         text        NOT NULL,
    event_key     text        NOT NULL,
    type          text        NOT NULL,
    payload       jsonb       NOT NULL,
    occurred_at   timestamptz NOT NULL,
    published_at  timestamptz
);

CREATE INDEX outbox_unpublished ON outbox_event (seq) WHERE published_at IS NULL;

-- Wake the relay at commit instead of letting it poll.
CREATE FUNCTION notify_outbox() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('outbox_event', '');
    RETURN NULL;
END;
$$;

CREATE TRIGGER outbox_event_inserted AFTER INSERT ON outbox_event
    FOR EACH STATEMENT EXECUTE FUNCTION notify_outbox();

-- Consumed events, recorded in the transaction of their effect: a redelivery changes nothing.
CREATE TABLE processed_event (
    event_id      uuid        PRIMARY KEY,
    type          text        NOT NULL,
    processed_at  timestamptz NOT NULL DEFAULT now()
);

-- The event stream applied: what was processed, each patient's plan, logged sets, sessions,
-- morning check-ins, progression decisions, the outbox and the adherence projections.

-- Idempotent consumption: an event id is recorded in the same transaction as its effect.
CREATE TABLE processed_event (
    event_id     text        PRIMARY KEY,
    topic        text        NOT NULL,
    event_type   text        NOT NULL,
    processed_at timestamptz NOT NULL DEFAULT now()
);

-- The latest snapshot of each plan (PlanAssigned / PlanChanged), with its status.
CREATE TABLE patient_plan (
    plan_id     uuid        PRIMARY KEY,
    patient_id  text        NOT NULL,
    clinic_id   text        NOT NULL,
    template_id text,
    name        text,
    start_date  date        NOT NULL,
    weeks       integer     NOT NULL,
    weekdays    text        NOT NULL,
    status      text        NOT NULL,
    -- The plan items with their prescriptions, as the events carry them (JSON array).
    items       text        NOT NULL,
    updated_at  timestamptz NOT NULL
);

CREATE INDEX patient_plan_patient ON patient_plan (patient_id);

CREATE TABLE logged_set (
    set_id                uuid        PRIMARY KEY,
    patient_id            text        NOT NULL,
    clinic_id             text        NOT NULL,
    plan_id               uuid        NOT NULL,
    item_id               uuid        NOT NULL,
    exercise_id           text        NOT NULL,
    session_date          date        NOT NULL,
    set_number            integer     NOT NULL,
    side                  text,
    reps                  integer,
    seconds               integer,
    load_kg               numeric(7, 2),
    band                  text,
    rir                   integer,
    rpe                   numeric(4, 1),
    pain                  integer     NOT NULL CHECK (pain BETWEEN 0 AND 10),
    beyond_normal_fatigue boolean     NOT NULL,
    logged_at             timestamptz NOT NULL
);

CREATE INDEX logged_set_session ON logged_set (patient_id, session_date, item_id);

CREATE TABLE session_completion (
    plan_id        uuid        NOT NULL,
    session_date   date        NOT NULL,
    patient_id     text        NOT NULL,
    clinic_id      text        NOT NULL,
    sets_prescribed integer    NOT NULL,
    sets_logged    integer     NOT NULL,
    -- At least 80 % of the prescribed sets logged: the session counts for adherence.
    counted        boolean     NOT NULL,
    completed_at   timestamptz NOT NULL,
    PRIMARY KEY (plan_id, session_date)
);

CREATE INDEX session_completion_patient ON session_completion (patient_id, session_date);

CREATE TABLE morning_checkin (
    checkin_id   uuid        PRIMARY KEY,
    patient_id   text        NOT NULL,
    clinic_id    text        NOT NULL,
    checkin_date date        NOT NULL,
    pain         integer     NOT NULL CHECK (pain BETWEEN 0 AND 10),
    -- The level the morning pain is compared with (the session's first set), null when unknown.
    pre_session_pain integer,
    settled      boolean     NOT NULL,
    logged_at    timestamptz NOT NULL
);

CREATE INDEX morning_checkin_patient ON morning_checkin (patient_id, checkin_date);

-- Every progression decision, with the rule and the numbers behind it.
CREATE TABLE decision (
    id                   uuid        PRIMARY KEY,
    patient_id           text        NOT NULL,
    clinic_id            text        NOT NULL,
    plan_id              uuid        NOT NULL,
    item_id              uuid        NOT NULL,
    exercise_id          text        NOT NULL,
    session_date         date        NOT NULL,
    outcome              text        NOT NULL CHECK (outcome IN ('PROGRESS', 'HOLD')),
    rule                 text        NOT NULL,
    -- The numbers the rule looked at (JSON object).
    inputs               text        NOT NULL,
    reason               text        NOT NULL,
    before_prescription  text        NOT NULL,
    after_prescription   text        NOT NULL,
    suggested_variant_id text,
    source_event_id      text        NOT NULL,
    decided_at           timestamptz NOT NULL
);

CREATE INDEX decision_patient ON decision (patient_id, decided_at);

ALTER TABLE pain_flag
    ADD COLUMN plan_id         uuid,
    ADD COLUMN item_id         uuid,
    ADD COLUMN acknowledged_by text,
    ADD COLUMN acknowledged_at timestamptz,
    ADD COLUMN resolved_by     text,
    ADD COLUMN resolved_at     timestamptz,
    ADD COLUMN resolution_note text;

CREATE INDEX pain_flag_patient ON pain_flag (patient_id, status);

-- Transactional outbox: events commit with the rows that caused them; the relay publishes them.
CREATE TABLE outbox_event (
    id          uuid        PRIMARY KEY,
    position    bigserial   NOT NULL UNIQUE,
    topic       text        NOT NULL,
    event_key   text        NOT NULL,
    event_type  text        NOT NULL,
    payload     text        NOT NULL,
    created_at  timestamptz NOT NULL,
    sent_at     timestamptz
);

CREATE INDEX outbox_event_unsent ON outbox_event (position) WHERE sent_at IS NULL;

-- Adherence per patient and ISO week (week_start is the Monday).
CREATE TABLE adherence_week (
    patient_id         text    NOT NULL,
    week_start         date    NOT NULL,
    clinic_id          text    NOT NULL,
    template_id        text    NOT NULL DEFAULT '',
    sessions_scheduled integer NOT NULL DEFAULT 0,
    sessions_completed integer NOT NULL DEFAULT 0,
    sets_prescribed    integer NOT NULL DEFAULT 0,
    sets_logged        integer NOT NULL DEFAULT 0,
    pain_sum           integer NOT NULL DEFAULT 0,
    pain_count         integer NOT NULL DEFAULT 0,
    pain_peak          integer,
    PRIMARY KEY (patient_id, week_start)
);

CREATE INDEX adherence_week_clinic ON adherence_week (clinic_id, week_start) INCLUDE
    (patient_id, template_id, sessions_scheduled, sessions_completed, sets_prescribed, sets_logged, pain_sum,
     pain_count, pain_peak);

-- The same per exercise (sets and pain only: sessions are not per exercise).
CREATE TABLE adherence_exercise_week (
    patient_id      text    NOT NULL,
    week_start      date    NOT NULL,
    exercise_id     text    NOT NULL,
    clinic_id       text    NOT NULL,
    sets_prescribed integer NOT NULL DEFAULT 0,
    sets_logged     integer NOT NULL DEFAULT 0,
    pain_sum        integer NOT NULL DEFAULT 0,
    pain_count      integer NOT NULL DEFAULT 0,
    pain_peak       integer,
    PRIMARY KEY (patient_id, week_start, exercise_id)
);

CREATE INDEX adherence_exercise_week_clinic ON adherence_exercise_week (clinic_id, week_start);

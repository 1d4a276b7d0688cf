-- Patient-reported outcome measures (OutcomeRecorded): one row per response, keyed by the response's id,
-- so a resend of the same response is stored once. Scores only, never the answers. The baseline, the
-- change and the verdict are worked out from these rows when read (domain/outcome/OutcomeChange).
CREATE TABLE outcome_response (
    outcome_id     uuid        PRIMARY KEY,
    patient_id     text        NOT NULL,
    clinic_id      text        NOT NULL,
    plan_id        uuid        NOT NULL,
    measure        text        NOT NULL CHECK (measure IN ('NPRS', 'PSFS', 'RMDQ', 'ODI')),
    occasion       text        NOT NULL CHECK (occasion IN ('BASELINE', 'FOLLOW_UP', 'END_OF_PLAN')),
    due_on         date        NOT NULL,
    completed_on   date        NOT NULL,
    score          numeric     NOT NULL CHECK (score >= 0 AND score <= 100),
    items_answered integer     NOT NULL,
    items_total    integer     NOT NULL,
    questionnaire  text        NOT NULL,
    logged_at      timestamptz NOT NULL,
    -- The event that stored it (ce_id), to trace a row to its record.
    event_id       text        NOT NULL
);

CREATE INDEX outcome_response_patient ON outcome_response (patient_id, measure, completed_on);
CREATE INDEX outcome_response_clinic ON outcome_response (clinic_id, patient_id);

-- Patient-reported outcome measures (NPRS, PSFS, RMDQ, ODI): one scored response per plan, measure and
-- occasion of the schedule. The id comes from the patient's device, so a resend finds the row it stored.
-- The answers are kept as sent (keyed by the Questionnaire's linkIds) for the FHIR QuestionnaireResponse;
-- basis says in words what the score was computed from.
CREATE TABLE outcome_response (
    id              uuid         PRIMARY KEY,
    patient_id      text         NOT NULL REFERENCES patient (id),
    plan_id         uuid         NOT NULL REFERENCES plan (id),
    measure         text         NOT NULL CHECK (measure IN ('NPRS', 'PSFS', 'RMDQ', 'ODI')),
    occasion        text         NOT NULL CHECK (occasion IN ('BASELINE', 'FOLLOW_UP', 'END_OF_PLAN')),
    due_on          date         NOT NULL,
    completed_on    date         NOT NULL,
    answers         jsonb        NOT NULL,
    score           numeric(4,1) NOT NULL CHECK (score BETWEEN 0 AND 100),
    items_answered  integer      NOT NULL CHECK (items_answered >= 1),
    items_total     integer      NOT NULL CHECK (items_total >= items_answered),
    basis           text         NOT NULL,
    questionnaire   text         NOT NULL,
    logged_at       timestamptz  NOT NULL,
    UNIQUE (plan_id, measure, due_on)
);

CREATE INDEX outcome_response_patient ON outcome_response (patient_id, due_on);

-- The ODI wording a clinic holds a licence for (Backstrong never ships it): the Questionnaire as loaded,
-- and its 10 sections' linkIds in order. ODI is scheduled for a clinic's plans only once this row exists.
CREATE TABLE clinic_questionnaire (
    clinic_id      text        NOT NULL,
    measure        text        NOT NULL CHECK (measure = 'ODI'),
    questionnaire  jsonb       NOT NULL,
    canonical      text        NOT NULL,
    sections       text[]      NOT NULL CHECK (cardinality(sections) = 10),
    loaded_by      text        NOT NULL,
    loaded_at      timestamptz NOT NULL,
    PRIMARY KEY (clinic_id, measure)
);

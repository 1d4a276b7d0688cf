-- Pain flags raised from the event stream, for clinicians to review.
CREATE TABLE pain_flag (
    id           uuid        PRIMARY KEY,
    clinic_id    text        NOT NULL,
    patient_id   text        NOT NULL,
    exercise_id  text,
    severity     text        NOT NULL CHECK (severity IN ('STOP', 'WATCH')),
    status       text        NOT NULL CHECK (status IN ('OPEN', 'ACKNOWLEDGED', 'RESOLVED')),
    rule         text        NOT NULL,
    evidence     text        NOT NULL,
    raised_at    timestamptz NOT NULL
);

CREATE INDEX pain_flag_inbox ON pain_flag (clinic_id, status, raised_at DESC);

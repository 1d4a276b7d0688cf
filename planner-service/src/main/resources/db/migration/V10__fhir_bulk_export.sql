-- FHIR bulk export ($export): a clinic's job and what it has written so far, so that any instance answers
-- its status and files. The instance running a job holds a lease (owner, lease_until) and renews it after
-- each patient; a job whose lease ran out (its instance died) is taken up by another one, from the patient
-- after last_patient_id (patients go in id order). A finished job's output is kept until expires_at.
-- types: the resource types asked for (_type), comma-separated.
-- The kick-off's access token is never stored: it stays in the memory of the instance that ran the kick-off.
CREATE TABLE fhir_export_job (
    id                uuid        PRIMARY KEY,
    clinic_id         text        NOT NULL,
    requested_by      text        NOT NULL,
    request           text        NOT NULL,
    types             text        NOT NULL CHECK (types ~ '^[A-Za-z]+(,[A-Za-z]+)*$'),
    status            text        NOT NULL CHECK (status IN ('RUNNING', 'COMPLETED')),
    transaction_time  timestamptz NOT NULL,
    patients_total    integer     CHECK (patients_total >= 0),
    patients_done     integer     NOT NULL DEFAULT 0 CHECK (patients_done >= 0),
    last_patient_id   text,
    owner             text,
    lease_until       timestamptz,
    finished_at       timestamptz,
    expires_at        timestamptz,
    CHECK (status <> 'COMPLETED' OR (finished_at IS NOT NULL AND expires_at IS NOT NULL))
);

CREATE INDEX fhir_export_job_lease ON fhir_export_job (lease_until) WHERE status = 'RUNNING';
CREATE INDEX fhir_export_job_expiry ON fhir_export_job (expires_at) WHERE status = 'COMPLETED';

-- One line of an NDJSON file: a resource as FHIR JSON, once per job and type however many patients share it
-- (the primary key); seq keeps the order it was written in. OperationOutcome lines make the error file.
CREATE TABLE fhir_export_line (
    job_id         uuid   NOT NULL REFERENCES fhir_export_job (id) ON DELETE CASCADE,
    resource_type  text   NOT NULL,
    resource_id    text   NOT NULL,
    seq            bigint GENERATED ALWAYS AS IDENTITY,
    resource       text   NOT NULL,
    PRIMARY KEY (job_id, resource_type, resource_id)
);

CREATE INDEX fhir_export_line_file ON fhir_export_line (job_id, resource_type, seq);

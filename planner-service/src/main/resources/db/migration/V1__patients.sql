-- A clinic's patients. id is the patient's Keycloak subject (the token's sub claim).
CREATE TABLE patient (
    id            text        PRIMARY KEY,
    clinic_id     text        NOT NULL,
    display_name  text        NOT NULL CHECK (length(trim(display_name)) > 0),
    enrolled_at   timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX patient_clinic ON patient (clinic_id, display_name);

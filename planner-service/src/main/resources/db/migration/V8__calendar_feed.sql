-- A patient's private calendar feed of their session days (for their phone's reminders). The token in
-- its address is the only credential, so only its SHA-256 is kept: the database never holds a working
-- address. Turning the feed off deletes the row; a new address replaces the hash.
CREATE TABLE calendar_feed (
    patient_id  text        PRIMARY KEY REFERENCES patient (id),
    token_hash  bytea       NOT NULL UNIQUE CHECK (length(token_hash) = 32),
    created_at  timestamptz NOT NULL
);

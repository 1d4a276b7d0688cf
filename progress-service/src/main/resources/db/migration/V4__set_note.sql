-- What the patient wrote about a set (SetCompleted's note), shown to their clinician; null when nothing.
-- A nullable column without a default: PostgreSQL adds it without rewriting the table.
ALTER TABLE logged_set ADD COLUMN note text;

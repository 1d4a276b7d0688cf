-- The name of whoever made a change, as their token gave it at the time (shown on the pages
-- instead of a subject id); empty for the automatic rules and for entries written before.
ALTER TABLE prescription_change ADD COLUMN changed_by_name text;

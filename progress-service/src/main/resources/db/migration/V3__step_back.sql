-- A decision may step a prescription back (REGRESS), as well as progress or hold it.
ALTER TABLE decision DROP CONSTRAINT decision_outcome_check;
ALTER TABLE decision ADD CONSTRAINT decision_outcome_check CHECK (outcome IN ('PROGRESS', 'HOLD', 'REGRESS'));

-- Each item as it first entered the plan (JSON list of PlanItemData): the floor of a step back.
-- Plans known before this migration only know their items as they stand now, so they never step back below that.
ALTER TABLE patient_plan ADD COLUMN starting_items text;
UPDATE patient_plan SET starting_items = items;
ALTER TABLE patient_plan ALTER COLUMN starting_items SET NOT NULL;

-- An item's decisions, newest first: the engine looks back at them after each session.
CREATE INDEX decision_item ON decision (plan_id, item_id, session_date);

-- An exercise stays paused while ANY STOP flag on it is open: one row per open flag, instead of
-- the single pause_flag_id that a second flag overwrote (resolving either one un-paused it).
CREATE TABLE plan_item_stop_flag (
    item_id uuid NOT NULL REFERENCES plan_item (id) ON DELETE CASCADE,
    flag_id uuid NOT NULL,
    PRIMARY KEY (item_id, flag_id)
);

INSERT INTO plan_item_stop_flag (item_id, flag_id)
SELECT id, pause_flag_id FROM plan_item WHERE pause_flag_id IS NOT NULL;

ALTER TABLE plan_item DROP COLUMN pause_flag_id;

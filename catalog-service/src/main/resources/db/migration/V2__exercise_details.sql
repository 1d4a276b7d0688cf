-- The full exercise model: controlled vocabularies for regions, muscles and equipment; dose
-- ranges; how-to steps, cues and safety notes; variants; and every version kept as a document,
-- so a plan that refers to version n never changes under a patient.

CREATE TABLE body_region (
    id    text PRIMARY KEY,
    name  text NOT NULL
);

CREATE TABLE muscle (
    id    text PRIMARY KEY,
    name  text NOT NULL
);

CREATE TABLE equipment (
    id    text PRIMARY KEY,
    name  text NOT NULL
);

INSERT INTO body_region (id, name) VALUES
    ('upper-back', 'Upper back'),
    ('mid-back', 'Mid back'),
    ('lower-back', 'Lower back'),
    ('posterior-chain', 'Posterior chain'),
    ('core', 'Core'),
    ('full-body', 'Full body');

INSERT INTO muscle (id, name) VALUES
    ('latissimus-dorsi', 'Latissimus dorsi (lats)'),
    ('trapezius', 'Trapezius (traps)'),
    ('rhomboids', 'Rhomboids'),
    ('erector-spinae', 'Erector spinae'),
    ('rear-deltoids', 'Rear deltoids'),
    ('rotator-cuff', 'Rotator cuff'),
    ('biceps', 'Biceps'),
    ('triceps', 'Triceps'),
    ('forearms', 'Forearms'),
    ('core', 'Core'),
    ('obliques', 'Obliques'),
    ('glutes', 'Glutes'),
    ('hamstrings', 'Hamstrings'),
    ('quadriceps', 'Quadriceps'),
    ('calves', 'Calves');

-- "none" is an equipment of its own: an option of ["none"] means bodyweight only.
INSERT INTO equipment (id, name) VALUES
    ('none', 'No equipment'),
    ('resistance-band', 'Resistance band'),
    ('lat-pulldown-machine', 'Lat pulldown machine'),
    ('suspension-trainer', 'Suspension trainer (TRX)'),
    ('gymnastic-rings', 'Gymnastic rings'),
    ('dumbbells', 'Dumbbells'),
    ('barbell', 'Barbell'),
    ('stability-ball', 'Stability ball'),
    ('back-extension-bench', 'Back extension bench'),
    ('exercise-bike', 'Bicycle or exercise bike'),
    ('exercise-mat', 'Exercise mat');

ALTER TABLE exercise
    ADD COLUMN regions            text[]  NOT NULL DEFAULT '{}',
    ADD COLUMN primary_muscles    text[]  NOT NULL DEFAULT '{}',
    ADD COLUMN secondary_muscles  text[]  NOT NULL DEFAULT '{}',
    -- Alternatives: any one inner list is enough, e.g. [["suspension-trainer"], ["gymnastic-rings"]].
    ADD COLUMN equipment_options  jsonb   NOT NULL DEFAULT '[["none"]]',
    ADD COLUMN steps              text[]  NOT NULL DEFAULT '{}',
    ADD COLUMN cues               text[]  NOT NULL DEFAULT '{}',
    ADD COLUMN safety_notes       text[]  NOT NULL DEFAULT '{}',
    -- REPS: reps per set; HOLD: seconds held per set; DURATION: seconds of continuous activity.
    ADD COLUMN dose_kind          text    NOT NULL DEFAULT 'REPS' CHECK (dose_kind IN ('REPS', 'HOLD', 'DURATION')),
    ADD COLUMN sets_min           integer NOT NULL DEFAULT 1,
    ADD COLUMN sets_max           integer NOT NULL DEFAULT 3,
    ADD COLUMN reps_min           integer,
    ADD COLUMN reps_max           integer,
    ADD COLUMN seconds_min        integer,
    ADD COLUMN seconds_max        integer,
    -- A brief pause held at the top of each rep (the superman hold's "hold for a second").
    ADD COLUMN hold_seconds       integer,
    ADD COLUMN per_side           boolean NOT NULL DEFAULT false,
    ADD COLUMN difficulty         integer NOT NULL DEFAULT 1 CHECK (difficulty BETWEEN 1 AND 5),
    ADD COLUMN easier_variants    text[]  NOT NULL DEFAULT '{}',
    ADD COLUMN harder_variants    text[]  NOT NULL DEFAULT '{}',
    ADD COLUMN media_links        text[]  NOT NULL DEFAULT '{}',
    ADD CONSTRAINT exercise_sets CHECK (sets_min >= 1 AND sets_max >= sets_min AND sets_max <= 10),
    ADD CONSTRAINT exercise_reps CHECK (reps_min IS NULL OR (reps_min >= 1 AND reps_max >= reps_min)),
    ADD CONSTRAINT exercise_seconds CHECK (seconds_min IS NULL OR (seconds_min >= 1 AND seconds_max >= seconds_min));

CREATE INDEX exercise_primary_muscles ON exercise USING gin (primary_muscles);
CREATE INDEX exercise_regions ON exercise USING gin (regions);

CREATE TABLE exercise_version (
    exercise_id  text        NOT NULL REFERENCES exercise (id),
    version      integer     NOT NULL,
    document     jsonb       NOT NULL,
    recorded_at  timestamptz NOT NULL DEFAULT now(),
    recorded_by  text        NOT NULL,
    PRIMARY KEY (exercise_id, version)
);

-- The article's tips, on every exercise it describes.
CREATE TEMPORARY TABLE article_tips (notes text[]);
INSERT INTO article_tips VALUES (ARRAY[
    'Start light and build slowly.',
    'Focus on form over reps.',
    'Stop if you feel pain beyond normal muscle fatigue.',
    'If you have pre-existing back issues, consult a professional before starting.']);

UPDATE exercise SET
    name = 'Light Cardio Warm-Up',
    regions = '{full-body}',
    primary_muscles = '{}',
    secondary_muscles = '{quadriceps,hamstrings,glutes,calves}',
    equipment_options = '[["none"], ["exercise-bike"]]',
    steps = ARRAY[
        'Choose walking, cycling or jumping jacks.',
        'Keep the effort light: enough to increase blood flow, not to tire you.',
        'Follow with dynamic stretching or gentle mobility work to prepare your spine and shoulders.'],
    cues = ARRAY['Warm up before every back workout.'],
    dose_kind = 'DURATION', sets_min = 1, sets_max = 1, seconds_min = 300, seconds_max = 600,
    difficulty = 1
WHERE id = 'light-cardio';

UPDATE exercise SET
    regions = '{upper-back,mid-back}',
    primary_muscles = '{rhomboids,trapezius,rear-deltoids,rotator-cuff}',
    equipment_options = '[["resistance-band"]]',
    steps = ARRAY[
        'Stand tall, arms extended in front of you with a resistance band taut between your hands.',
        'Pull the band apart until it touches your chest.',
        'Squeeze your shoulder blades together and return to start.'],
    cues = ARRAY['Squeeze your shoulder blades together.', 'Stand tall.'],
    dose_kind = 'REPS', sets_min = 2, sets_max = 2, reps_min = 15, reps_max = 20,
    difficulty = 1
WHERE id = 'band-pull-apart';

UPDATE exercise SET
    regions = '{upper-back,mid-back}',
    primary_muscles = '{latissimus-dorsi}',
    secondary_muscles = '{trapezius,biceps,forearms}',
    equipment_options = '[["lat-pulldown-machine"]]',
    steps = ARRAY[
        'Grab the bar wider than shoulder-width and pull it down to your chest.',
        'Focus on pulling with your back, not your arms.',
        'Keep your torso upright and avoid leaning back.'],
    cues = ARRAY['Pull with your back, not your arms.', 'Keep your torso upright; avoid leaning back.'],
    dose_kind = 'REPS', sets_min = 1, sets_max = 3, reps_min = 8, reps_max = 12,
    difficulty = 2, harder_variants = '{suspended-row}'
WHERE id = 'lat-pulldown';

UPDATE exercise SET
    regions = '{upper-back,mid-back,core}',
    primary_muscles = '{latissimus-dorsi,trapezius,rhomboids}',
    secondary_muscles = '{core}',
    equipment_options = '[["suspension-trainer"], ["gymnastic-rings"]]',
    steps = ARRAY[
        'Hold TRX handles with arms extended, body at an angle.',
        'Pull yourself upward by retracting your shoulder blades.',
        'Keep your core tight and body straight.'],
    cues = ARRAY['Retract your shoulder blades first.', 'Keep your core tight and your body straight.'],
    dose_kind = 'REPS', sets_min = 1, sets_max = 3, reps_min = 8, reps_max = 12,
    difficulty = 3, easier_variants = '{lat-pulldown}'
WHERE id = 'suspended-row';

UPDATE exercise SET
    regions = '{upper-back,mid-back}',
    primary_muscles = '{rhomboids,trapezius,rear-deltoids}',
    secondary_muscles = '{latissimus-dorsi,erector-spinae,biceps}',
    equipment_options = '[["dumbbells"]]',
    steps = ARRAY[
        'Hold a dumbbell in each hand and hinge at the hips.',
        'Pull the weights toward your ribs with elbows flared slightly.',
        'Squeeze your shoulder blades at the top.'],
    cues = ARRAY['Hinge at the hips with a flat back.', 'Squeeze your shoulder blades at the top.'],
    dose_kind = 'REPS', sets_min = 1, sets_max = 3, reps_min = 8, reps_max = 12,
    difficulty = 3, easier_variants = '{quadruped-single-arm-dumbbell-row}', harder_variants = '{renegade-row}'
WHERE id = 'wide-dumbbell-bent-over-row';

UPDATE exercise SET
    regions = '{mid-back,core}',
    primary_muscles = '{latissimus-dorsi,rhomboids}',
    secondary_muscles = '{trapezius,biceps,core}',
    equipment_options = '[["dumbbells"]]',
    steps = ARRAY[
        'Start on hands and knees, holding a dumbbell in one hand.',
        'Row the dumbbell to your side without twisting your torso.',
        'Focus on control and symmetry.'],
    cues = ARRAY['Do not twist your torso.', 'Control and symmetry: match both sides.'],
    dose_kind = 'REPS', sets_min = 1, sets_max = 3, reps_min = 8, reps_max = 12, per_side = true,
    difficulty = 2, harder_variants = '{wide-dumbbell-bent-over-row}'
WHERE id = 'quadruped-single-arm-dumbbell-row';

UPDATE exercise SET
    regions = '{lower-back,posterior-chain}',
    primary_muscles = '{erector-spinae,glutes,hamstrings}',
    equipment_options = '[["stability-ball"], ["back-extension-bench"]]',
    steps = ARRAY[
        'Lie facedown on a stability ball.',
        'Extend your torso upward by squeezing your lower back and glutes.',
        'Pause briefly at the top, then lower slowly.'],
    cues = ARRAY['Squeeze your lower back and glutes.', 'Pause at the top; lower slowly.'],
    dose_kind = 'REPS', sets_min = 1, sets_max = 3, reps_min = 8, reps_max = 12,
    difficulty = 2, easier_variants = '{superman-hold}', harder_variants = '{good-morning}'
WHERE id = 'back-extension';

UPDATE exercise SET
    regions = '{lower-back,posterior-chain}',
    primary_muscles = '{hamstrings,glutes,erector-spinae}',
    secondary_muscles = '{core}',
    equipment_options = '[["none"], ["barbell"]]',
    steps = ARRAY[
        'With or without a barbell, hinge at your hips and lower your torso to parallel.',
        'Keep your back flat and return to standing.'],
    cues = ARRAY['Hinge at the hips like a bow.', 'Keep your back flat.'],
    dose_kind = 'REPS', sets_min = 1, sets_max = 3, reps_min = 8, reps_max = 12,
    difficulty = 3, easier_variants = '{back-extension}'
WHERE id = 'good-morning';

UPDATE exercise SET
    regions = '{lower-back,posterior-chain}',
    primary_muscles = '{erector-spinae,glutes,hamstrings}',
    secondary_muscles = '{trapezius,rear-deltoids}',
    equipment_options = '[["none"]]',
    steps = ARRAY[
        'Lie face down, arms extended overhead.',
        'Simultaneously lift arms, chest, and legs off the floor.',
        'Hold for a second, then release slowly.'],
    cues = ARRAY['Lift arms, chest and legs together.', 'Release slowly.'],
    dose_kind = 'REPS', sets_min = 1, sets_max = 3, reps_min = 8, reps_max = 12, hold_seconds = 1,
    difficulty = 1, harder_variants = '{back-extension}'
WHERE id = 'superman-hold';

UPDATE exercise SET
    regions = '{mid-back,core}',
    primary_muscles = '{latissimus-dorsi,rhomboids,core}',
    secondary_muscles = '{trapezius,obliques,triceps}',
    equipment_options = '[["dumbbells"]]',
    steps = ARRAY[
        'Get into a high plank with hands on dumbbells.',
        'Row one dumbbell while stabilizing your body with the other arm.',
        'Keep hips square and alternate sides.'],
    cues = ARRAY['Keep your hips square.', 'Stabilize with the other arm.'],
    dose_kind = 'REPS', sets_min = 1, sets_max = 3, reps_min = 10, reps_max = 10, per_side = true,
    difficulty = 4, easier_variants = '{wide-dumbbell-bent-over-row}'
WHERE id = 'renegade-row';

UPDATE exercise SET safety_notes = (SELECT notes FROM article_tips);
UPDATE exercise SET safety_notes = safety_notes || ARRAY['Keep the lifting effort light; this is preparation, not training.']
WHERE id = 'light-cardio';
UPDATE exercise SET safety_notes = safety_notes || ARRAY['Learn the hinge with bodyweight before adding a barbell.']
WHERE id = 'good-morning';

ALTER TABLE exercise ALTER COLUMN equipment_options DROP DEFAULT;
-- Checked once every row has its real dose.
ALTER TABLE exercise ADD CONSTRAINT exercise_dose CHECK (
    (dose_kind = 'REPS' AND reps_min IS NOT NULL AND seconds_min IS NULL)
    OR (dose_kind IN ('HOLD', 'DURATION') AND seconds_min IS NOT NULL AND reps_min IS NULL));

-- Version 1 of each seeded exercise, as plans will refer to it.
INSERT INTO exercise_version (exercise_id, version, document, recorded_by)
SELECT id, version, jsonb_build_object(
        'id', id, 'name', name, 'summary', summary, 'category', category,
        'regions', to_jsonb(regions), 'primaryMuscles', to_jsonb(primary_muscles),
        'secondaryMuscles', to_jsonb(secondary_muscles), 'equipment', equipment_options,
        'steps', to_jsonb(steps), 'cues', to_jsonb(cues), 'safetyNotes', to_jsonb(safety_notes),
        'dose', jsonb_strip_nulls(jsonb_build_object(
            'kind', lower(dose_kind), 'setsMin', sets_min, 'setsMax', sets_max,
            'repsMin', reps_min, 'repsMax', reps_max, 'secondsMin', seconds_min, 'secondsMax', seconds_max,
            'holdSeconds', hold_seconds, 'perSide', per_side)),
        'difficulty', difficulty, 'easierVariants', to_jsonb(easier_variants),
        'harderVariants', to_jsonb(harder_variants), 'mediaLinks', to_jsonb(media_links),
        'status', lower(status), 'version', version, 'clinicOwned', clinic_id IS NOT NULL),
    'seed'
FROM exercise;

-- The exercise library. clinic_id is null for global exercises (curated by admins) and set
-- for a clinic's own ones, which only that clinic sees.
CREATE TABLE exercise (
    id          text        PRIMARY KEY CHECK (id ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    clinic_id   text,
    name        text        NOT NULL CHECK (length(trim(name)) > 0),
    summary     text        NOT NULL,
    category    text        NOT NULL,
    status      text        NOT NULL CHECK (status IN ('DRAFT', 'PUBLISHED', 'RETIRED')),
    version     integer     NOT NULL DEFAULT 1 CHECK (version > 0),
    updated_at  timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX exercise_visibility ON exercise (clinic_id, status, name);

-- The warm-up and the nine exercises of the source article, in its order.
INSERT INTO exercise (id, name, summary, category, status) VALUES
    ('light-cardio', 'Light cardio warm-up',
     '5–10 minutes of walking, cycling or jumping jacks to increase blood flow before a back workout.',
     'warm-up', 'PUBLISHED'),
    ('band-pull-apart', 'Resistance Band Pull-Apart',
     'Pull a taut band apart to the chest and squeeze the shoulder blades: a warm-up for rhomboids, traps, rear delts and rotator cuff.',
     'warm-up', 'PUBLISHED'),
    ('lat-pulldown', 'Lat Pulldown',
     'A gym staple that targets the lats while also working the traps, biceps and forearms.',
     'strength', 'PUBLISHED'),
    ('suspended-row', 'Suspended Row (TRX or Rings)',
     'A bodyweight row on a suspension trainer or rings that hits the lats, traps, rhomboids and core.',
     'strength', 'PUBLISHED'),
    ('wide-dumbbell-bent-over-row', 'Wide Dumbbell Bent-Over Row',
     'A hip-hinged dumbbell row with elbows flared, for balancing muscular imbalances and range of motion.',
     'strength', 'PUBLISHED'),
    ('quadruped-single-arm-dumbbell-row', 'Quadruped Single-Arm Dumbbell Row',
     'A one-arm row from hands and knees, for form, balance and symmetry in rowing movements.',
     'strength', 'PUBLISHED'),
    ('back-extension', 'Back Extension (on Stability Ball or Bench)',
     'Extending the torso face-down over a ball or bench strengthens the erector spinae, glutes and hamstrings.',
     'strength', 'PUBLISHED'),
    ('good-morning', 'Good Morning (Bodyweight or Barbell)',
     'A hip hinge that mimics a bow and trains the entire posterior chain.',
     'strength', 'PUBLISHED'),
    ('superman-hold', 'Superman Hold',
     'A floor-based hold that works the entire posterior chain without equipment.',
     'strength', 'PUBLISHED'),
    ('renegade-row', 'Renegade Row',
     'A plank-row combo that strengthens the back and core together.',
     'strength', 'PUBLISHED');

-- "Back strength — 4 weeks": the article's warm-up and nine exercises, starting light
-- (the minimum number of sets; a first week at the bottom of each range), three sessions a week.
-- Exercise versions are catalog version 1 of the shipped library.
INSERT INTO template (id, clinic_id, name, goal, weeks, sessions_per_week, created_by) VALUES
    ('00000000-0000-4000-8000-000000000b04', NULL, 'Back strength — 4 weeks',
     'Strengthen the upper, mid and lower back and the posterior chain; start light and build slowly.',
     4, 3, 'system');

INSERT INTO template_item (id, template_id, block, position, exercise_id, exercise_version, exercise_name,
        dose_kind, sets, sets_max, reps_min, reps_max, seconds_min, seconds_max, hold_seconds, per_side,
        load_kind, load_kg, band, rest_seconds, load_step_percent, harder_variant_id, notes) VALUES
    ('00000000-0000-4000-8000-000000000b41', '00000000-0000-4000-8000-000000000b04', 'WARM_UP', 1,
     'light-cardio', 1, 'Light Cardio Warm-Up', 'DURATION', 1, 1, NULL, NULL, 300, 600, NULL, false,
     'BODYWEIGHT', NULL, NULL, 0, 5, NULL, 'Walking, cycling or jumping jacks, then gentle mobility work.'),
    ('00000000-0000-4000-8000-000000000b42', '00000000-0000-4000-8000-000000000b04', 'WARM_UP', 2,
     'band-pull-apart', 1, 'Resistance Band Pull-Apart', 'REPS', 2, 2, 15, 20, NULL, NULL, NULL, false,
     'BAND', NULL, 'yellow', 30, 5, NULL, NULL),
    ('00000000-0000-4000-8000-000000000b43', '00000000-0000-4000-8000-000000000b04', 'MAIN', 3,
     'lat-pulldown', 1, 'Lat Pulldown', 'REPS', 1, 3, 8, 12, NULL, NULL, NULL, false,
     'KG', 15, NULL, 90, 5, 'suspended-row', NULL),
    ('00000000-0000-4000-8000-000000000b44', '00000000-0000-4000-8000-000000000b04', 'MAIN', 4,
     'suspended-row', 1, 'Suspended Row (TRX or Rings)', 'REPS', 1, 3, 8, 12, NULL, NULL, NULL, false,
     'BODYWEIGHT', NULL, NULL, 90, 5, NULL, NULL),
    ('00000000-0000-4000-8000-000000000b45', '00000000-0000-4000-8000-000000000b04', 'MAIN', 5,
     'wide-dumbbell-bent-over-row', 1, 'Wide Dumbbell Bent-Over Row', 'REPS', 1, 3, 8, 12, NULL, NULL, NULL, false,
     'KG', 4, NULL, 90, 5, 'renegade-row', NULL),
    ('00000000-0000-4000-8000-000000000b46', '00000000-0000-4000-8000-000000000b04', 'MAIN', 6,
     'quadruped-single-arm-dumbbell-row', 1, 'Quadruped Single-Arm Dumbbell Row', 'REPS', 1, 3, 8, 12, NULL, NULL, NULL, true,
     'KG', 4, NULL, 60, 5, 'wide-dumbbell-bent-over-row', NULL),
    ('00000000-0000-4000-8000-000000000b47', '00000000-0000-4000-8000-000000000b04', 'MAIN', 7,
     'back-extension', 1, 'Back Extension (on Stability Ball or Bench)', 'REPS', 1, 3, 8, 12, NULL, NULL, NULL, false,
     'BODYWEIGHT', NULL, NULL, 90, 5, 'good-morning', NULL),
    ('00000000-0000-4000-8000-000000000b48', '00000000-0000-4000-8000-000000000b04', 'MAIN', 8,
     'good-morning', 1, 'Good Morning (Bodyweight or Barbell)', 'REPS', 1, 3, 8, 12, NULL, NULL, NULL, false,
     'BODYWEIGHT', NULL, NULL, 90, 5, NULL, 'Bodyweight until the hinge is solid; a barbell only with a clinician''s go-ahead.'),
    ('00000000-0000-4000-8000-000000000b49', '00000000-0000-4000-8000-000000000b04', 'MAIN', 9,
     'superman-hold', 1, 'Superman Hold', 'REPS', 1, 3, 8, 12, NULL, NULL, 1, false,
     'BODYWEIGHT', NULL, NULL, 60, 5, 'back-extension', NULL),
    ('00000000-0000-4000-8000-000000000b4a', '00000000-0000-4000-8000-000000000b04', 'MAIN', 10,
     'renegade-row', 1, 'Renegade Row', 'REPS', 1, 3, 10, 10, NULL, NULL, NULL, true,
     'KG', 3, NULL, 90, 5, NULL, NULL);

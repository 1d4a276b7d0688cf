-- Demo patients matching the demo users of deploy/local/realm (fixed Keycloak subjects).
-- Loaded at start-up by DemoData when backstrong.demo-data=true; idempotent.
INSERT INTO patient (id, clinic_id, display_name) VALUES
    ('22222222-2222-4222-8222-000000000001', 'clinic-a', 'Paul Patient'),
    ('22222222-2222-4222-8222-000000000002', 'clinic-a', 'Petra Patient'),
    ('22222222-2222-4222-8222-000000000003', 'clinic-b', 'Pia Patient'),
    -- Three more of clinic-a with plans, so the analysts' groups reach five patients.
    ('22222222-2222-4222-8222-000000000004', 'clinic-a', 'Pete Patient'),
    ('22222222-2222-4222-8222-000000000005', 'clinic-a', 'Priya Patient'),
    ('22222222-2222-4222-8222-000000000006', 'clinic-a', 'Pablo Patient')
ON CONFLICT (id) DO NOTHING;

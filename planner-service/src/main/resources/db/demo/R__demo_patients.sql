-- Demo patients matching the demo users of deploy/local/realm (fixed Keycloak subjects).
-- Applied only when deploy/local adds db/demo to the Flyway locations.
INSERT INTO patient (id, clinic_id, display_name) VALUES
    ('22222222-2222-4222-8222-000000000001', 'clinic-a', 'Paul Patient'),
    ('22222222-2222-4222-8222-000000000002', 'clinic-a', 'Petra Patient'),
    ('22222222-2222-4222-8222-000000000003', 'clinic-b', 'Pia Patient')
ON CONFLICT (id) DO NOTHING;

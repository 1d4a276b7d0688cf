package org.backstrong.planner.repository;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/** The demo patients of a running system that asks for demo data: one script, safe to run again. */
@ApplicationScoped
public class DemoPatientRepository {

    static final String PATIENTS = "demo/patients.sql";

    private final EntityManager entityManager;

    public DemoPatientRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Adds the demo patients that do not exist yet; returns how many it added. */
    public int addMissing() {
        return entityManager.createNativeQuery(read(PATIENTS)).executeUpdate();
    }

    private static String read(String resource) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the application");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

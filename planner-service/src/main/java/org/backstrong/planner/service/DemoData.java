package org.backstrong.planner.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.backstrong.planner.config.PlannerConfig;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;

/** Loads the demo patients at start-up when the running system asks for demo data; idempotent. */
@ApplicationScoped
public class DemoData {

    static final String PATIENTS = "demo/patients.sql";

    private final PlannerConfig config;
    private final EntityManager entityManager;

    public DemoData(PlannerConfig config, EntityManager entityManager) {
        this.config = config;
        this.entityManager = entityManager;
    }

    @Transactional
    void load(@Observes StartupEvent startup) {
        if (!config.demoData()) {
            return;
        }
        int rows = entityManager.createNativeQuery(read(PATIENTS)).executeUpdate();
        Log.infof("Demo data: %d demo patients added", rows);
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

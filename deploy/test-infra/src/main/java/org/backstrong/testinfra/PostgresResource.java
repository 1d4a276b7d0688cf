package org.backstrong.testinfra;

import java.nio.file.Path;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Quarkus test resource: a throwaway PostgreSQL for the service under test, its database named
 * by the {@code database} init argument and owned by a role of that name. Configures the default
 * datasource with that role, no superuser, as the service connects in deploy/local.
 */
public class PostgresResource implements QuarkusTestResourceLifecycleManager {

    private String database = "test";
    private PostgresServer server;

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
    }

    @Override
    public Map<String, String> start() {
        server = PostgresServer.start(Path.of("target"));
        PostgresServer.Login owner = server.createOwnedDatabase(database);
        return Map.of(
                "quarkus.datasource.jdbc.url", server.jdbcUrl(database),
                "quarkus.datasource.username", owner.username(),
                "quarkus.datasource.password", owner.password());
    }

    @Override
    public void stop() {
        if (server != null) {
            server.close();
        }
    }
}

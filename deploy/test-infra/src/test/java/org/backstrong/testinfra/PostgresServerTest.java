package org.backstrong.testinfra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import org.junit.jupiter.api.Test;

class PostgresServerTest {

    @Test
    void storesRowsInARealClusterAndStopsIt() throws Exception {
        int port;
        try (PostgresServer server = PostgresServer.start(Path.of("target"))) {
            port = server.port();
            server.createDatabase("infra_check");
            server.createDatabase("infra_check");
            try (Connection connection = DriverManager.getConnection(
                            server.jdbcUrl("infra_check"), server.username(), server.password());
                    Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE note (id int PRIMARY KEY, text text NOT NULL)");
                statement.execute("INSERT INTO note VALUES (1, 'form over reps')");
                try (ResultSet rows = statement.executeQuery("SELECT text, version() FROM note")) {
                    assertTrue(rows.next());
                    assertEquals("form over reps", rows.getString(1));
                    assertTrue(rows.getString(2).startsWith("PostgreSQL"));
                }
            }
            assertTrue(FreePort.accepts(port));
        }
        assertFalse(FreePort.accepts(port), "the server is stopped on close");
    }

    /** A test cluster skips durable commits; a benchmark's keeps PostgreSQL's defaults. */
    @Test
    void aDurableClusterKeepsPostgresqlsDefaultDurability() throws Exception {
        try (PostgresServer quick = PostgresServer.start(Path.of("target"));
                PostgresServer durable = PostgresServer.startDurable(Path.of("target"))) {
            assertEquals("off off off", durability(quick));
            assertEquals("on on on", durability(durable));
        }
    }

    private static String durability(PostgresServer server) throws Exception {
        try (Connection connection =
                        DriverManager.getConnection(server.jdbcUrl("postgres"), server.username(), server.password());
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT current_setting('fsync') || ' ' "
                        + "|| current_setting('synchronous_commit') || ' ' || current_setting('full_page_writes')")) {
            rows.next();
            return rows.getString(1);
        }
    }

    /** What the services connect as: the owner of its one database, no superuser, kept out of the others. */
    @Test
    void anOwnedDatabasesRoleOwnsOnlyItAndIsNoSuperuser() throws Exception {
        try (PostgresServer server = PostgresServer.start(Path.of("target"))) {
            PostgresServer.Login planner = server.createOwnedDatabase("planner");
            PostgresServer.Login progress = server.createOwnedDatabase("progress");
            try (Connection connection = DriverManager.getConnection(
                            server.jdbcUrl("planner"), planner.username(), planner.password());
                    Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE note (id int PRIMARY KEY, text text NOT NULL)");
                statement.execute(
                        "CREATE FUNCTION no_op() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$");
                try (ResultSet rows = statement.executeQuery("SELECT current_user, usesuper, usecreatedb,"
                        + " (SELECT string_agg(datname, ',') FROM pg_database WHERE datdba = usesysid)"
                        + " FROM pg_user WHERE usename = current_user")) {
                    assertTrue(rows.next());
                    assertEquals("planner", rows.getString(1));
                    assertFalse(rows.getBoolean(2), "superuser");
                    assertFalse(rows.getBoolean(3), "may create databases");
                    assertEquals("planner", rows.getString(4));
                }
            }
            java.sql.SQLException refused = org.junit.jupiter.api.Assertions.assertThrows(
                    java.sql.SQLException.class,
                    () -> DriverManager.getConnection(
                                    server.jdbcUrl("planner"), progress.username(), progress.password())
                            .close());
            assertTrue(refused.getMessage().contains("permission denied"), refused.getMessage());
        }
    }

    /** A clone at a deep path: a unix socket there would exceed its 107-byte limit, so it listens on TCP only. */
    @Test
    void startsBelowAPathTooLongForAUnixSocket() throws Exception {
        Path deep = Path.of(
                        "target",
                        "a-clone-in-a-folder-whose-path-is-much-longer-than-a-unix-socket-may-be",
                        "because-ci-chooses-the-folder-and-it-can-be-deep",
                        "x".repeat(40))
                .toAbsolutePath();
        assertTrue(deep.toString().length() > 150, deep.toString());
        java.nio.file.Files.createDirectories(deep);
        try (PostgresServer server = PostgresServer.start(deep);
                Connection connection =
                        DriverManager.getConnection(server.jdbcUrl("postgres"), server.username(), server.password());
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT current_setting('unix_socket_directories')")) {
            assertTrue(rows.next());
            assertEquals("", rows.getString(1));
        }
    }
}

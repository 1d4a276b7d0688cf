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
            try (Connection connection = DriverManager.getConnection(server.jdbcUrl("infra_check"),
                    server.username(), server.password());
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
}

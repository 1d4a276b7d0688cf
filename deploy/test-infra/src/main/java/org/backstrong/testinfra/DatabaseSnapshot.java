package org.backstrong.testinfra;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * What a service's tables hold, as one comparable string: each table's row count and a hash of
 * its rows, so a request that stored, changed or deleted anything shows as a difference. Outbox and
 * processed-event tables count rows only: their relay marks rows sent in the background.
 */
public final class DatabaseSnapshot {

    private DatabaseSnapshot() {}

    public static String of(Connection connection) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT table_name FROM information_schema.tables"
                        + " WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'"
                        + " AND table_name <> 'flyway_schema_history' ORDER BY table_name")) {
            while (rows.next()) {
                tables.add(rows.getString(1));
            }
        }
        List<String> parts = new ArrayList<>();
        for (String table : tables) {
            boolean countOnly = table.contains("outbox") || table.startsWith("processed_");
            parts.add("SELECT '" + table + "=' || count(*) || '/' || "
                    + (countOnly ? "''" : "md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), ''))")
                    + " FROM \"" + table + "\" t");
        }
        StringBuilder snapshot = new StringBuilder();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "SELECT * FROM (" + String.join(" UNION ALL ", parts) + ") s ORDER BY 1")) {
            while (rows.next()) {
                snapshot.append(rows.getString(1)).append('\n');
            }
        }
        return snapshot.toString();
    }
}

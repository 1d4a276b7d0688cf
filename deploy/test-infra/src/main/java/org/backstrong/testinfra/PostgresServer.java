package org.backstrong.testinfra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throwaway PostgreSQL cluster from the machine's server binaries: initdb into a fresh
 * directory, a free loopback port, removed on close. PostgreSQL refuses to run as root, so
 * under root every command runs as the {@code postgres} system user.
 */
public final class PostgresServer implements AutoCloseable {

    private static final String SUPERUSER = "backstrong";
    private static final String SYSTEM_USER = "postgres";
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);

    private final Path binDir;
    private final Path dir;
    private final String runAs;
    private final int port;
    private final String password;
    private final Process process;

    private PostgresServer(Path binDir, Path dir, String runAs, int port, String password, Process process) {
        this.binDir = binDir;
        this.dir = dir;
        this.runAs = runAs;
        this.port = port;
        this.password = password;
        this.process = process;
    }

    /**
     * Creates and starts a cluster in a new directory below {@code parent} (for instance the module's
     * target/), with durability off: it lives for one test run.
     */
    public static PostgresServer start(Path parent) {
        return start(parent, false);
    }

    /**
     * Creates and starts a cluster at PostgreSQL's default durability (fsync, synchronous_commit and
     * full_page_writes on), for benchmarks whose figures must include durable commits.
     */
    public static PostgresServer startDurable(Path parent) {
        return start(parent, true);
    }

    private static PostgresServer start(Path parent, boolean durable) {
        Path binDir = findBinaries();
        String runAs = ChildProcess.isRoot() ? SYSTEM_USER : null;
        Path dir = clusterDirectory(parent, runAs);
        Path data = dir.resolve("data");
        Path log = dir.resolve("postgres.log");
        String password = UUID.randomUUID().toString();
        try {
            Path pwfile = dir.resolve("pwfile");
            Files.writeString(pwfile, password + "\n");
            handOver(pwfile, runAs);
            handOver(log, runAs);
            ChildProcess.run(
                    ChildProcess.as(
                            runAs,
                            List.of(
                                    binDir.resolve("initdb").toString(),
                                    "-D",
                                    data.toString(),
                                    "-U",
                                    SUPERUSER,
                                    "--pwfile=" + pwfile,
                                    "--auth=scram-sha-256",
                                    "-E",
                                    "UTF8",
                                    "--no-locale",
                                    "--no-sync")),
                    log,
                    120);
            Files.delete(pwfile);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare PostgreSQL in " + dir, e);
        }
        int port = FreePort.pick();
        // TCP only: a unix socket's path must fit in 107 bytes, which a clone in a deep folder exceeds;
        // every client connects by TCP.
        List<String> command = new ArrayList<>(List.of(
                binDir.resolve("postgres").toString(),
                "-D",
                data.toString(),
                "-p",
                Integer.toString(port),
                "-c",
                "listen_addresses=127.0.0.1",
                "-c",
                "unix_socket_directories=",
                "-c",
                "max_connections=200"));
        if (!durable) {
            command.addAll(List.of("-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"));
        }
        Process process = ChildProcess.start(ChildProcess.as(runAs, command), log);
        PostgresServer server = new PostgresServer(binDir, dir, runAs, port, password, process);
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "postgres-shutdown"));
        server.awaitReady(log);
        return server;
    }

    /** The cluster's superuser, for a test's own administration; services connect as a database's owner ({@link #createOwnedDatabase}). */
    public String username() {
        return SUPERUSER;
    }

    public String password() {
        return password;
    }

    public int port() {
        return port;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** A login role and its password. */
    public record Login(String username, String password) {}

    /** Creates a database unless it exists. */
    public void createDatabase(String name) {
        requireSafeName(name);
        try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), SUPERUSER, password);
                Statement statement = connection.createStatement()) {
            if (!databaseExists(statement, name)) {
                statement.execute("CREATE DATABASE " + name);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create database " + name + ": " + e.getMessage(), e);
        }
    }

    /**
     * Creates a database owned by a role of the same name, as deploy/local does for each service: a
     * login role that is no superuser, may create neither databases nor roles, and owns only this
     * database, which no other role but the superuser may connect to. Returns the role's login (a
     * fresh password each call).
     */
    public Login createOwnedDatabase(String name) {
        requireSafeName(name);
        String ownerPassword = UUID.randomUUID().toString();
        try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), SUPERUSER, password);
                Statement statement = connection.createStatement()) {
            boolean roleExists;
            try (var rows = statement.executeQuery("SELECT 1 FROM pg_roles WHERE rolname = '" + name + "'")) {
                roleExists = rows.next();
            }
            statement.execute((roleExists ? "ALTER ROLE " : "CREATE ROLE ") + name
                    + " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD '" + ownerPassword
                    + "'");
            if (!databaseExists(statement, name)) {
                statement.execute("CREATE DATABASE " + name + " OWNER " + name);
            }
            statement.execute("REVOKE ALL ON DATABASE " + name + " FROM PUBLIC");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create database " + name + " and its owner: " + e.getMessage(), e);
        }
        return new Login(name, ownerPassword);
    }

    private static void requireSafeName(String name) {
        if (!name.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("Unsafe database name: " + name);
        }
    }

    private static boolean databaseExists(Statement statement, String name) throws SQLException {
        try (var rows = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + name + "'")) {
            return rows.next();
        }
    }

    @Override
    public synchronized void close() {
        if (!process.isAlive()) {
            deleteQuietly();
            return;
        }
        Path log = dir.resolve("stop.log");
        try {
            ChildProcess.run(
                    ChildProcess.as(
                            runAs,
                            List.of(
                                    binDir.resolve("pg_ctl").toString(),
                                    "stop",
                                    "-D",
                                    dir.resolve("data").toString(),
                                    "-m",
                                    "fast",
                                    "-w")),
                    log,
                    60);
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (RuntimeException e) {
            process.destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        deleteQuietly();
    }

    private void awaitReady(Path log) {
        Instant deadline = Instant.now().plus(STARTUP_TIMEOUT);
        SQLException last = null;
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("PostgreSQL exited at start-up:\n" + ChildProcess.tail(log));
            }
            try (Connection ignored = DriverManager.getConnection(jdbcUrl("postgres"), SUPERUSER, password)) {
                return;
            } catch (SQLException e) {
                last = e;
            }
            pause();
        }
        close();
        throw new IllegalStateException("PostgreSQL not ready after " + STARTUP_TIMEOUT.toSeconds() + " s ("
                + (last == null ? "" : last.getMessage()) + "):\n" + ChildProcess.tail(log));
    }

    /** Debian keeps server binaries in /usr/lib/postgresql/VERSION/bin, off the PATH; PG_BIN overrides. */
    static Path findBinaries() {
        String override = System.getenv("PG_BIN");
        if (override != null && !override.isBlank()) {
            return requireBinaries(Path.of(override));
        }
        List<Path> candidates = new ArrayList<>();
        Path debian = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(debian)) {
            try (Stream<Path> versions = Files.list(debian)) {
                versions.map(version -> version.resolve("bin"))
                        .sorted(Comparator.comparing(PostgresServer::majorVersion)
                                .reversed())
                        .forEach(candidates::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        Optional.ofNullable(System.getenv("PATH")).stream()
                .flatMap(path -> Stream.of(path.split(":")))
                .map(Path::of)
                .forEach(candidates::add);
        return candidates.stream()
                .filter(bin -> Files.isExecutable(bin.resolve("initdb")) && Files.isExecutable(bin.resolve("postgres")))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(
                        "PostgreSQL server binaries (initdb, postgres) not found. Install Debian's 'postgresql'"
                                + " package (apt-get install postgresql) or set PG_BIN to their directory."));
    }

    private static Path requireBinaries(Path bin) {
        if (!Files.isExecutable(bin.resolve("initdb")) || !Files.isExecutable(bin.resolve("postgres"))) {
            throw new IllegalStateException("PG_BIN=" + bin + " holds no initdb and postgres executables");
        }
        return bin;
    }

    private static int majorVersion(Path bin) {
        try {
            return Integer.parseInt(bin.getParent().getFileName().toString());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** A fresh directory the server's user can write; falls back to the temp dir when {@code parent} is not reachable for it. */
    private static Path clusterDirectory(Path parent, String runAs) {
        try {
            Files.createDirectories(parent);
            Path dir = Files.createTempDirectory(parent.toAbsolutePath(), "postgres-");
            if (runAs == null) {
                return dir;
            }
            handOver(dir, runAs);
            if (reachable(dir, runAs)) {
                return dir;
            }
            Files.delete(dir);
            Path fallback = Files.createTempDirectory("backstrong-postgres-");
            handOver(fallback, runAs);
            if (!reachable(fallback, runAs)) {
                throw new IllegalStateException("Neither " + parent + " nor " + fallback + " is writable by the '"
                        + runAs + "' user, which must run PostgreSQL under root");
            }
            return fallback;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a PostgreSQL directory below " + parent, e);
        }
    }

    private static boolean reachable(Path dir, String runAs) {
        try {
            Path probe = dir.resolve("probe.log");
            ChildProcess.run(ChildProcess.as(runAs, List.of("test", "-w", dir.toString())), probe, 10);
            Files.deleteIfExists(probe);
            return true;
        } catch (RuntimeException | IOException e) {
            return false;
        }
    }

    private static void handOver(Path path, String runAs) throws IOException {
        if (runAs == null) {
            return;
        }
        if (!Files.exists(path)) {
            Files.writeString(path, "", StandardCharsets.UTF_8);
        }
        UserPrincipal owner =
                path.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(runAs);
        Files.setOwner(path, owner);
    }

    private void deleteQuietly() {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // Best effort: a leftover directory in target/ is removed by the next clean.
        }
    }

    static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for a server", e);
        }
    }
}

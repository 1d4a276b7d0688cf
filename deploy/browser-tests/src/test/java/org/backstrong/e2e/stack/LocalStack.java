package org.backstrong.e2e.stack;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * The whole system on loopback for the browser tests: deploy/local/backstrong run with its own
 * state folder (under this module's target/) and free ports, so a developer's stack on the
 * default ports is left alone. Uses the packaged jars the reactor built (BACKSTRONG_SKIP_BUILD=1).
 */
public final class LocalStack implements AutoCloseable {

    public static final String REALM = "backstrong";

    /** Components whose logs are worth reading when a test fails, most telling first. */
    private static final List<String> LOGS_ON_FAILURE =
            List.of("planner-service", "catalog-service", "progress-service", "keycloak");

    /** What survives between runs in the state folder: the unpacked and built Keycloak. */
    private static final Set<String> KEPT_BETWEEN_RUNS = Set.of("downloads", "keycloak.version");

    private static final Duration UP_TIMEOUT = Duration.ofMinutes(15);
    private static final Duration DOWN_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration FAULT_TIMEOUT = Duration.ofMinutes(1);

    private final Path root;
    private final Path state;
    private final Ports ports;
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final Thread shutdownHook = new Thread(this::down, "backstrong-stack-down");

    /**
     * The seventeen ports of one stack (each service instance has its API and its management
     * interface; the second instances run only after {@link #scaleOut}).
     */
    public record Ports(
            int postgres,
            int kafka,
            int kafkaController,
            int keycloak,
            int keycloakManagement,
            int catalog,
            int planner,
            int progress,
            int catalogManagement,
            int plannerManagement,
            int progressManagement,
            int catalog2,
            int planner2,
            int progress2,
            int catalog2Management,
            int planner2Management,
            int progress2Management) {

        private static final int COUNT = 17;

        /**
         * Free loopback ports below the kernel's ephemeral range: `up` binds the last of them
         * minutes after they are chosen, and ports handed out for port 0 (other builds' tests,
         * outgoing connections) come from that range, so they cannot take ours meanwhile.
         */
        static Ports free() {
            int highest = ephemeralRangeStart() - 1;
            int lowest = Math.max(1024, highest - 12_000);
            List<Integer> chosen = new ArrayList<>();
            for (int attempt = 0; chosen.size() < COUNT && attempt < 10_000; attempt++) {
                int port = ThreadLocalRandom.current().nextInt(lowest, highest + 1);
                if (!chosen.contains(port) && isFree(port)) {
                    chosen.add(port);
                }
            }
            if (chosen.size() < COUNT) {
                throw new IllegalStateException(
                        "no " + COUNT + " free loopback ports between " + lowest + " and " + highest);
            }
            return new Ports(
                    chosen.get(0),
                    chosen.get(1),
                    chosen.get(2),
                    chosen.get(3),
                    chosen.get(4),
                    chosen.get(5),
                    chosen.get(6),
                    chosen.get(7),
                    chosen.get(8),
                    chosen.get(9),
                    chosen.get(10),
                    chosen.get(11),
                    chosen.get(12),
                    chosen.get(13),
                    chosen.get(14),
                    chosen.get(15),
                    chosen.get(16));
        }

        private static boolean isFree(int port) {
            try (ServerSocket socket = new ServerSocket()) {
                socket.setReuseAddress(false);
                socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
                return true;
            } catch (IOException taken) {
                return false;
            }
        }

        /** The first port Linux hands out for port 0 (32768 unless configured otherwise). */
        private static int ephemeralRangeStart() {
            try {
                String range = Files.readString(Path.of("/proc/sys/net/ipv4/ip_local_port_range"))
                        .trim();
                int start = Integer.parseInt(range.split("\\s+")[0]);
                return start > 5_000 ? start : 32_768;
            } catch (IOException | RuntimeException e) {
                return 32_768;
            }
        }
    }

    private LocalStack(Path root, Path state, Ports ports) {
        this.root = root;
        this.state = state;
        this.ports = ports;
    }

    /**
     * Starts the stack and returns once `backstrong up` says every service is ready. On
     * failure the stack is stopped again and the exception carries the tail of `up`'s output.
     */
    public static LocalStack start(Path root, Path state) {
        LocalStack stack = new LocalStack(root, state, Ports.free());
        stack.up();
        return stack;
    }

    public Ports ports() {
        return ports;
    }

    /** The repository's root folder. */
    public Path root() {
        return root;
    }

    public String plannerUrl() {
        return "http://127.0.0.1:" + ports.planner();
    }

    /** The second planner instance (planner-service-2), running after {@link #scaleOut}. */
    public String planner2Url() {
        return "http://127.0.0.1:" + ports.planner2();
    }

    /** The second progress instance (progress-service-2), running after {@link #scaleOut}. */
    public String progress2Url() {
        return "http://127.0.0.1:" + ports.progress2();
    }

    /** The second catalog instance (catalog-service-2), running after {@link #scaleOut}. */
    public String catalog2Url() {
        return "http://127.0.0.1:" + ports.catalog2();
    }

    public String catalogUrl() {
        return "http://127.0.0.1:" + ports.catalog();
    }

    public String progressUrl() {
        return "http://127.0.0.1:" + ports.progress();
    }

    /**
     * Where a service instance (catalog-service, planner-service or progress-service, or its second
     * instance, e.g. planner-service-2) serves /q/health and /q/metrics.
     */
    public String managementUrl(String service) {
        return "http://127.0.0.1:"
                + switch (service) {
                    case "catalog-service" -> ports.catalogManagement();
                    case "planner-service" -> ports.plannerManagement();
                    case "progress-service" -> ports.progressManagement();
                    case "catalog-service-2" -> ports.catalog2Management();
                    case "planner-service-2" -> ports.planner2Management();
                    case "progress-service-2" -> ports.progress2Management();
                    default -> throw new IllegalArgumentException("no such service: " + service);
                };
    }

    /** The stack's PostgreSQL, database {@code database}, for JDBC (its superuser is backstrong, password DB_PASSWORD). */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + ports.postgres() + "/" + database;
    }

    /** The broker, for tests that read the dead-letter topics or send a record the pages cannot. */
    public String kafkaBootstrap() {
        return "127.0.0.1:" + ports.kafka();
    }

    public String keycloakUrl() {
        return "http://127.0.0.1:" + ports.keycloak();
    }

    /** The token issuer every service checks, on this stack's Keycloak port. */
    public String issuer() {
        return keycloakUrl() + "/realms/" + REALM;
    }

    public Path logs() {
        return state.resolve("logs");
    }

    /** The last lines of one component's log (e.g. planner-service, keycloak), or a note why not. */
    public String logTail(String component, int lines) {
        return tail(logs().resolve(component + ".log"), lines);
    }

    /** The tails of the services' and Keycloak's logs, for a failed test's report. */
    public String logTailsForFailure(int lines) {
        StringBuilder out = new StringBuilder();
        for (String component : LOGS_ON_FAILURE) {
            out.append("----- last ")
                    .append(lines)
                    .append(" lines of ")
                    .append(logs().resolve(component + ".log"))
                    .append('\n')
                    .append(logTail(component, lines))
                    .append('\n');
        }
        return out.toString();
    }

    /** A value of the stack's generated secrets file (e.g. KEYCLOAK_ADMIN_PASSWORD, PSEUDONYM_KEY). */
    public String secret(String key) {
        try {
            return Files.readAllLines(state.resolve("secrets"), StandardCharsets.UTF_8).stream()
                    .filter(line -> line.startsWith(key + "="))
                    .map(line -> line.substring(key.length() + 1))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("no " + key + " in " + state.resolve("secrets")));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the stack's secrets", e);
        }
    }

    /** A crash of one component (postgres, kafka, keycloak or a service): kill -9 of it and its children. */
    public void kill(String component) {
        run(FAULT_TIMEOUT, "kill", component);
    }

    /** Starts one component that is not running (after {@link #kill}) and returns once it is ready. */
    public void start(String component) {
        run(UP_TIMEOUT, "start", component);
    }

    /**
     * Starts the second instance of each service (`up --instances 2`: what runs already is left
     * alone) and returns once they are ready.
     */
    public void scaleOut() {
        run(UP_TIMEOUT, "up", "--instances", "2");
    }

    /** Stops one service instance gracefully (e.g. planner-service-2): it leaves its consumer group at once. */
    public void stop(String instance) {
        run(DOWN_TIMEOUT, "stop", instance);
    }

    /** One database takes no new connections and its open sessions are ended, until {@link #allowConnections}. */
    public void refuseConnections(String database) {
        run(FAULT_TIMEOUT, "refuse-connections", database);
    }

    public void allowConnections(String database) {
        run(FAULT_TIMEOUT, "allow-connections", database);
    }

    @Override
    public void close() {
        down();
    }

    /**
     * Runs one command of deploy/local/backstrong against this stack (e.g. "dlq", "replay", "set-events")
     * and returns what it printed; a command that fails fails the caller.
     */
    public String command(String... args) {
        Path log = state.resolve("backstrong-" + args[0] + ".log");
        long before = log.toFile().length();
        run(Duration.ofMinutes(3), args);
        try {
            byte[] all = Files.readAllBytes(log);
            return new String(
                    all,
                    (int) Math.min(before, all.length),
                    (int) Math.max(0, all.length - before),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + log, e);
        }
    }

    private void run(Duration timeout, String... args) {
        int rc = script(timeout, args);
        if (rc != 0) {
            throw new IllegalStateException("deploy/local/backstrong " + String.join(" ", args) + " failed (exit " + rc
                    + "); its last lines:\n" + tail(state.resolve("backstrong-" + args[0] + ".log"), 30));
        }
    }

    private void up() {
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        // A run killed before its `down` leaves processes behind in this state folder: stop them.
        script(DOWN_TIMEOUT, "down");
        clearStateOfEarlierRun();
        log("starting the stack in " + state + " on " + ports);
        long t0 = System.nanoTime();
        int rc = script(UP_TIMEOUT, "up");
        if (rc != 0) {
            String tail = tail(state.resolve("backstrong-up.log"), 60);
            down();
            throw new IllegalStateException("deploy/local/backstrong up failed (exit " + rc + "); its last lines:\n"
                    + tail + "\nlogs: " + logs());
        }
        log("stack up in " + Duration.ofNanos(System.nanoTime() - t0).toSeconds() + "s");
    }

    /** Stops everything `up` started; safe to call twice (close, then the shutdown hook). */
    private void down() {
        if (!stopped.compareAndSet(false, true)) {
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // we are the shutdown hook
        }
        int rc = script(DOWN_TIMEOUT, "down");
        if (rc != 0) {
            log("deploy/local/backstrong down exited " + rc + "; see " + state.resolve("backstrong-down.log"));
        }
    }

    /** Fresh data every run; the unpacked, built Keycloak is kept (its zip stays in ~/.m2). */
    private void clearStateOfEarlierRun() {
        if (!Files.isDirectory(state)) {
            return;
        }
        try (Stream<Path> children = Files.list(state)) {
            for (Path child : children.toList()) {
                String name = child.getFileName().toString();
                if (KEPT_BETWEEN_RUNS.contains(name) || name.startsWith("keycloak-")) {
                    continue;
                }
                deleteTree(child);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear " + state, e);
        }
    }

    private static void deleteTree(Path path) throws IOException {
        if (!Files.exists(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /**
     * Runs deploy/local/backstrong with this stack's environment; its output goes to stdout and is
     * added to backstrong-&lt;command&gt;.log (the run's every kill and start stay in one log).
     */
    private int script(Duration timeout, String... args) {
        try {
            Files.createDirectories(state);
            Path log = state.resolve("backstrong-" + args[0] + ".log");
            List<String> command = new ArrayList<>();
            command.add(root.resolve("deploy/local/backstrong").toString());
            command.addAll(List.of(args));
            ProcessBuilder builder =
                    new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true);
            builder.environment().putAll(environment());
            Process process = builder.start();
            // Read on a thread of its own: a daemon that kept our pipe open must not hang the wait.
            Thread pump = new Thread(() -> pump(process, log), "backstrong-" + args[0] + "-output");
            pump.setDaemon(true);
            pump.start();
            if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                log("deploy/local/backstrong " + args[0] + " did not finish within " + timeout + "; killing it");
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
                return -1;
            }
            pump.join(5_000);
            return process.exitValue();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run deploy/local/backstrong " + args[0], e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static void pump(Process process, Path log) {
        try (BufferedReader in =
                        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                PrintWriter out = new PrintWriter(
                        Files.newBufferedWriter(
                                log, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND),
                        true)) {
            String line;
            while ((line = in.readLine()) != null) {
                out.println(line);
                System.out.println("[stack] " + line);
            }
        } catch (IOException e) {
            System.out.println("[stack] output lost: " + e);
        }
    }

    private Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("BACKSTRONG_STATE", state.toString());
        // The reactor has just packaged the services; `up` must not run Maven under it.
        env.put("BACKSTRONG_SKIP_BUILD", "1");
        env.put("BACKSTRONG_PG_PORT", String.valueOf(ports.postgres()));
        env.put("BACKSTRONG_KAFKA_PORT", String.valueOf(ports.kafka()));
        env.put("BACKSTRONG_KAFKA_CONTROLLER_PORT", String.valueOf(ports.kafkaController()));
        env.put("BACKSTRONG_KEYCLOAK_PORT", String.valueOf(ports.keycloak()));
        env.put("BACKSTRONG_KEYCLOAK_MGMT_PORT", String.valueOf(ports.keycloakManagement()));
        env.put("BACKSTRONG_CATALOG_PORT", String.valueOf(ports.catalog()));
        env.put("BACKSTRONG_PLANNER_PORT", String.valueOf(ports.planner()));
        env.put("BACKSTRONG_PROGRESS_PORT", String.valueOf(ports.progress()));
        env.put("BACKSTRONG_CATALOG_MANAGEMENT_PORT", String.valueOf(ports.catalogManagement()));
        env.put("BACKSTRONG_PLANNER_MANAGEMENT_PORT", String.valueOf(ports.plannerManagement()));
        env.put("BACKSTRONG_PROGRESS_MANAGEMENT_PORT", String.valueOf(ports.progressManagement()));
        env.put("BACKSTRONG_CATALOG_2_PORT", String.valueOf(ports.catalog2()));
        env.put("BACKSTRONG_PLANNER_2_PORT", String.valueOf(ports.planner2()));
        env.put("BACKSTRONG_PROGRESS_2_PORT", String.valueOf(ports.progress2()));
        env.put("BACKSTRONG_CATALOG_2_MANAGEMENT_PORT", String.valueOf(ports.catalog2Management()));
        env.put("BACKSTRONG_PLANNER_2_MANAGEMENT_PORT", String.valueOf(ports.planner2Management()));
        env.put("BACKSTRONG_PROGRESS_2_MANAGEMENT_PORT", String.valueOf(ports.progress2Management()));
        return env;
    }

    /** The last lines of a text file; undecodable bytes do not stop it. */
    private static String tail(Path file, int lines) {
        if (!Files.isRegularFile(file)) {
            return "(no log " + file + ")";
        }
        try {
            List<String> all = new String(Files.readAllBytes(file), StandardCharsets.UTF_8)
                    .lines()
                    .toList();
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(cannot read " + file + ": " + e + ")";
        }
    }

    private static void log(String line) {
        System.out.println("[stack] " + line);
    }
}

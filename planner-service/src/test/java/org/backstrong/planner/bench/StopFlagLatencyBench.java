package org.backstrong.planner.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import org.backstrong.planner.messaging.Topics;
import org.backstrong.testinfra.FreePort;
import org.backstrong.testinfra.KafkaBroker;
import org.backstrong.testinfra.PostgresServer;

/**
 * End to end, while the system is busy: how long from a patient's painful set to the exercise being
 * paused, through both services, PostgreSQL and Kafka. Starts a durable PostgreSQL (one database per
 * service, each owned by its service's role), a Kafka broker and both packaged services, signs its
 * own RS256 tokens (a key pair of this run, no Keycloak), enrols patients and assigns each a plan
 * through planner's API (so progress learns every plan from PlanAssigned), then logs sets at a fixed
 * rate (open loop) and, meanwhile, one pain-7 set at a time for a patient of its own, timing:
 *
 * <ul>
 *   <li>t0: just before POST /me/sets is sent (its answer must be a 201 with {@code stop});
 *   <li>the flag: the first answer of progress's GET /pain-flags (a clinician of the clinic) that
 *       lists a STOP flag on that item, polled every {@link #POLL_MILLIS} ms from the set's answer;
 *   <li>paused: the first answer of planner's GET /plans/{id} (the patient) with that item
 *       {@code paused}, polled every {@link #POLL_MILLIS} ms from the set's answer too, side by side
 *       with the flag's polls (so progress's answer time is not added to the pause's).
 * </ul>
 *
 * Times are the bench's own monotonic clock, on the same machine as the services; a poll's answer
 * time bounds the moment from above by at most one poll interval plus one request. The flag's own
 * {@code raisedAt} (progress's clock, the same machine's) is printed beside it. Exit status: 0 every
 * target met, 1 one missed, 3 the bench could not run. Run by bench/stop-flag-latency.sh.
 */
public final class StopFlagLatencyBench {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ISSUER = "https://bench.backstrong.invalid/realms/backstrong";
    private static final String CLINIC = "bench-clinic";
    private static final String TEMPLATE = "00000000-0000-4000-8000-000000000b04";
    private static final long POLL_MILLIS = 10;
    private static final double TARGET_P99_MS = 500;
    private static final int MINIMUM_PROBES = 200;
    /** The load counts as held when at least this share of the asked rate was answered 201 in the window. */
    private static final double RATE_HELD = 0.98;
    /** More sets than this waiting for their answer: the load is not held (counted as failed sets). */
    private static final int MAX_IN_FLIGHT = 256;

    private final int rate;
    private final int warmUpSeconds;
    private final int probes;
    private final long probeEveryMillis;
    private final Path work;
    /** Watches each probe's flag while the probe's own thread watches its pause. */
    private final ExecutorService flagWatcher = Executors.newSingleThreadExecutor(work -> {
        Thread thread = new Thread(work, "flag-watcher");
        thread.setDaemon(true);
        return thread;
    });

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .executor(Executors.newFixedThreadPool(2))
            .build();

    private String planner;
    private String progress;
    private KeyPair keys;

    private StopFlagLatencyBench(int rate, int warmUpSeconds, int probes, long probeEveryMillis, Path work) {
        this.rate = rate;
        this.warmUpSeconds = warmUpSeconds;
        this.probes = probes;
        this.probeEveryMillis = probeEveryMillis;
        this.work = work;
    }

    /** Arguments: planner's quarkus-run.jar, progress's quarkus-run.jar. Settings from the environment. */
    public static void main(String[] args) {
        boolean passed;
        try {
            Map<String, String> env = System.getenv();
            StopFlagLatencyBench bench = new StopFlagLatencyBench(
                    Integer.parseInt(env.getOrDefault("RATE", "1000")),
                    Integer.parseInt(env.getOrDefault("WARMUP_SECONDS", "40")),
                    Integer.parseInt(env.getOrDefault("PROBES", "240")),
                    Long.parseLong(env.getOrDefault("PROBE_EVERY_MS", "250")),
                    Files.createDirectories(Path.of("target/bench-stop-flag")));
            passed = bench.run(Path.of(args[0]), Path.of(args[1]));
        } catch (Exception | Error e) {
            e.printStackTrace();
            System.exit(3);
            return;
        }
        System.exit(passed ? 0 : 1);
    }

    private boolean run(Path plannerJar, Path progressJar) throws Exception {
        String loadBefore = loadAverage();
        System.out.printf(
                Locale.ROOT,
                "==> machine: %d CPUs, load average %s%n",
                Runtime.getRuntime().availableProcessors(),
                loadBefore);
        // The whole run's sets: warm-up and the probes' window at the asked rate, a fifth more for slack.
        double seconds = warmUpSeconds + probes * (probeEveryMillis + 150) / 1000.0;
        int slots = slotsPerPatient();
        int loadPatients = (int) Math.ceil(rate * seconds * 1.2 / slots);
        int patients = loadPatients + probes;
        keys = keyPair();
        try (PostgresServer postgres = PostgresServer.startDurable(work);
                KafkaBroker kafka = KafkaBroker.start(work, 6)) {
            PostgresServer.Login plannerDb = postgres.createOwnedDatabase("planner");
            PostgresServer.Login progressDb = postgres.createOwnedDatabase("progress");
            List<String> topics = new ArrayList<>(Arrays.asList(Topics.ALL.split(",")));
            kafka.createTopics(6, topics);
            System.out.println(
                    "==> PostgreSQL " + durability(postgres, plannerDb) + "; Kafka " + kafka.bootstrapServers());
            int plannerPort = FreePort.pick();
            int progressPort = FreePort.pick();
            int plannerManagement = FreePort.pick();
            int progressManagement = FreePort.pick();
            planner = "http://127.0.0.1:" + plannerPort;
            progress = "http://127.0.0.1:" + progressPort;
            String publicKey =
                    Base64.getEncoder().encodeToString(keys.getPublic().getEncoded());
            Map<String, String> common = Map.of(
                    "KAFKA_BOOTSTRAP_SERVERS",
                    kafka.bootstrapServers(),
                    "QUARKUS_HTTP_HOST",
                    "127.0.0.1",
                    "QUARKUS_OIDC_PUBLIC_KEY",
                    publicKey,
                    "QUARKUS_OIDC_TOKEN_ISSUER",
                    ISSUER);
            Map<String, String> plannerEnv = new HashMap<>(common);
            plannerEnv.putAll(Map.of(
                    "QUARKUS_DATASOURCE_JDBC_URL", postgres.jdbcUrl("planner"),
                    "QUARKUS_DATASOURCE_USERNAME", plannerDb.username(),
                    "QUARKUS_DATASOURCE_PASSWORD", plannerDb.password(),
                    "QUARKUS_HTTP_PORT", Integer.toString(plannerPort),
                    "QUARKUS_MANAGEMENT_PORT", Integer.toString(plannerManagement),
                    "QUARKUS_OIDC_WEB_TENANT_ENABLED", "false",
                    "BACKSTRONG_WEB_CSRF_KEY", UUID.randomUUID().toString(),
                    // Required at start; the bench enrols no patient through Keycloak's admin API.
                    "BACKSTRONG_INVITATIONS_CLIENT_SECRET", "unused-by-the-bench"));
            Map<String, String> progressEnv = new HashMap<>(common);
            progressEnv.putAll(Map.of(
                    "QUARKUS_DATASOURCE_JDBC_URL", postgres.jdbcUrl("progress"),
                    "QUARKUS_DATASOURCE_USERNAME", progressDb.username(),
                    "QUARKUS_DATASOURCE_PASSWORD", progressDb.password(),
                    "QUARKUS_HTTP_PORT", Integer.toString(progressPort),
                    "QUARKUS_MANAGEMENT_PORT", Integer.toString(progressManagement),
                    "BACKSTRONG_PSEUDONYM_KEY", UUID.randomUUID().toString()));
            Process plannerService = start("planner-service", plannerJar, plannerEnv);
            Process progressService = start("progress-service", progressJar, progressEnv);
            try {
                awaitReady("planner-service", plannerService, plannerManagement);
                awaitReady("progress-service", progressService, progressManagement);
                Seeded seeded = seed(postgres, plannerDb, progressDb, patients);
                return measure(
                        seeded,
                        loadPatients,
                        postgres,
                        kafka,
                        plannerService,
                        progressService,
                        loadBefore,
                        plannerDb,
                        progressDb);
            } finally {
                stop(plannerService);
                stop(progressService);
            }
        }
    }

    // ------------------------------------------------------------------ set-up

    /** Each patient's plan and items (template position order), and the template's set slots. */
    private record Seeded(LocalDate today, List<UUID> plans, List<List<UUID>> items, List<Slot> slots, int probeItem) {}

    /** One loggable set of the template: its item's index, set number, side, and the body's measured fields. */
    private record Slot(int item, int set, String side, String fields) {}

    private int slotsPerPatient() {
        return 33; // checked against the template once seeded
    }

    private Seeded seed(PostgresServer postgres, PostgresServer.Login plannerDb, PostgresServer.Login progressDb, int n)
            throws Exception {
        LocalDate today = LocalDate.now();
        int dow = today.getDayOfWeek().getValue();
        List<Integer> weekdays =
                List.of(dow, dow % 7 + 1, (dow + 2) % 7 + 1).stream().sorted().toList();
        long started = System.nanoTime();
        try (Connection db = DriverManager.getConnection(
                        postgres.jdbcUrl("planner"), plannerDb.username(), plannerDb.password());
                PreparedStatement enrol = db.prepareStatement("INSERT INTO patient (id, clinic_id, display_name, "
                        + "enrolled_by) SELECT format('bench-p-%s', lpad(p::text, 6, '0')), ?, format('Bench patient "
                        + "%s', p), 'bench' FROM generate_series(1, ?) AS p")) {
            // Enrolment needs Keycloak's admin API (an account per patient); the rows it would leave are
            // inserted instead. Plans go through the API, so that every plan's PlanAssigned is published.
            enrol.setString(1, CLINIC);
            enrol.setInt(2, n);
            enrol.executeUpdate();
        }
        String clinician = token("bench-clinician", "clinician");
        Semaphore inFlight = new Semaphore(8);
        List<CompletableFuture<Void>> assigned = new ArrayList<>();
        for (int p = 1; p <= n; p++) {
            inFlight.acquire();
            String body = JSON.writeValueAsString(Map.of(
                    "templateId", TEMPLATE, "startDate", today.minusDays(7).toString(), "weekdays", weekdays));
            HttpRequest request = HttpRequest.newBuilder(URI.create(planner + "/patients/" + patient(p) + "/plans"))
                    .header("Authorization", "Bearer " + clinician)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build();
            assigned.add(http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                    .thenAccept(response -> {
                        if (response.statusCode() != 201) {
                            throw new IllegalStateException(
                                    "Assigning a plan answered " + response.statusCode() + ": " + response.body());
                        }
                    })
                    .whenComplete((ignored, error) -> inFlight.release()));
        }
        CompletableFuture.allOf(assigned.toArray(CompletableFuture[]::new)).get(10, TimeUnit.MINUTES);
        List<UUID> plans = new ArrayList<>();
        List<List<UUID>> items = new ArrayList<>();
        List<Slot> slots = new ArrayList<>();
        int probeItem = -1;
        try (Connection db = DriverManager.getConnection(
                        postgres.jdbcUrl("planner"), plannerDb.username(), plannerDb.password());
                Statement query = db.createStatement()) {
            try (ResultSet rows = query.executeQuery(
                    "SELECT p.id, array_agg(i.id ORDER BY i.position)::text[] "
                            + "FROM plan p JOIN plan_item i ON i.plan_id = p.id GROUP BY p.id, p.patient_id ORDER BY p.patient_id")) {
                while (rows.next()) {
                    plans.add(rows.getObject(1, UUID.class));
                    items.add(Arrays.stream((String[]) rows.getArray(2).getArray())
                            .map(UUID::fromString)
                            .toList());
                }
            }
            try (ResultSet rows = query.executeQuery("SELECT block, dose_kind, sets_max, per_side, load_kind, "
                    + "load_kg::text, band FROM template_item WHERE template_id = '" + TEMPLATE
                    + "' ORDER BY position")) {
                int index = 0;
                while (rows.next()) {
                    boolean reps = rows.getString(2).equals("REPS");
                    String fields = reps ? "\"reps\":10,\"rir\":2" : "\"seconds\":300";
                    if ("KG".equals(rows.getString(5)) && rows.getString(6) != null) {
                        fields += ",\"loadKg\":" + rows.getString(6);
                    } else if ("BAND".equals(rows.getString(5)) && rows.getString(7) != null) {
                        fields += ",\"band\":\"" + rows.getString(7) + "\"";
                    }
                    boolean perSide = rows.getBoolean(4);
                    if (probeItem < 0 && reps && !perSide && rows.getString(1).equals("MAIN")) {
                        probeItem = index;
                    }
                    for (int set = 1; set <= rows.getInt(3); set++) {
                        if (perSide) {
                            slots.add(new Slot(index, set, "left", fields));
                            slots.add(new Slot(index, set, "right", fields));
                        } else {
                            slots.add(new Slot(index, set, null, fields));
                        }
                    }
                    index++;
                }
            }
        }
        if (plans.size() != n || slots.size() != slotsPerPatient() || probeItem < 0) {
            throw new IllegalStateException("Seeded " + plans.size() + " plans of " + n + ", " + slots.size()
                    + " slots per patient (expected " + slotsPerPatient() + "), probe item " + probeItem);
        }
        // progress must know every plan before its sets arrive: wait until it has applied each PlanAssigned.
        try (Connection db = DriverManager.getConnection(
                postgres.jdbcUrl("progress"), progressDb.username(), progressDb.password())) {
            Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
            while (count(db, "SELECT count(*) FROM patient_plan") < n) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("progress-service did not learn every plan");
                }
                Thread.sleep(200);
            }
        }
        System.out.printf(
                Locale.ROOT,
                "==> %,d patients (clinic %s), each with an active plan assigned through POST /patients/{id}/plans "
                        + "(%d set slots today), known to progress: %.0f s%n",
                n,
                CLINIC,
                slots.size(),
                (System.nanoTime() - started) / 1e9);
        return new Seeded(today, plans, items, slots, probeItem);
    }

    // ------------------------------------------------------------------ measurement

    /**
     * One probe's times from t0, in ms; -1 when it never happened within the probe's time-out. The
     * set's id, the wall-clock t0, the POST's answer and the flag's id let the databases' own
     * timestamps split the path afterwards ({@link #whereTheTimeGoes}).
     */
    private record Probe(
            double flagMs,
            double pausedMs,
            double raisedAtMs,
            UUID setId,
            Instant wallT0,
            double answeredMs,
            String flagId) {

        static Probe lost() {
            return new Probe(-1, -1, -1, null, null, -1, null);
        }
    }

    private boolean measure(
            Seeded seeded,
            int loadPatients,
            PostgresServer postgres,
            KafkaBroker kafka,
            Process plannerService,
            Process progressService,
            String loadBefore,
            PostgresServer.Login plannerDb,
            PostgresServer.Login progressDb)
            throws Exception {
        Load load = new Load(seeded, loadPatients);
        load.start();
        System.out.printf(Locale.ROOT, "==> warm-up: %d s of %,d sets/s (open loop)%n", warmUpSeconds, rate);
        Thread.sleep(warmUpSeconds * 1000L);
        load.check();
        String loadAtStart = loadAverage();
        System.out.printf(
                Locale.ROOT,
                "==> measured: %d pain-7 sets, one every %d ms at the most, while %,d sets/s are logged "
                        + "(load average %s)%n",
                probes,
                probeEveryMillis,
                rate,
                loadAtStart);
        profile(plannerService, "planner-service");
        profile(progressService, "progress-service");
        Cpu cpu = new Cpu(plannerService.pid(), progressService.pid());
        Cpu.Ticks cpuStart = cpu.sample();
        long windowStart = System.nanoTime();
        long createdAtStart = load.created.get();
        String clinician = token("bench-clinician", "clinician");
        List<Probe> results = new ArrayList<>();
        for (int i = 0; i < probes; i++) {
            long next = System.nanoTime() + probeEveryMillis * 1_000_000;
            results.add(probe(seeded, loadPatients + i, clinician));
            load.check();
            long wait = next - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
        }
        double windowSeconds = (System.nanoTime() - windowStart) / 1e9;
        long created = load.created.get() - createdAtStart;
        Cpu.Ticks cpuEnd = cpu.sample();
        String loadAtEnd = loadAverage();
        load.stop();
        long parked = deadLetters(kafka.bootstrapServers());

        double heldRate = created / windowSeconds;
        List<Double> paused = results.stream().map(Probe::pausedMs).toList();
        long missing = paused.stream().filter(ms -> ms < 0).count();
        double[] toFlag = percentiles(results.stream().map(Probe::flagMs).toList());
        double[] toPaused = percentiles(paused);
        double[] raised = percentiles(results.stream().map(Probe::raisedAtMs).toList());
        double[] loadLatency = load.latencies();

        boolean enoughProbes = results.size() >= MINIMUM_PROBES && missing == 0;
        boolean rateHeld = heldRate >= RATE_HELD * rate && load.failed.get() == 0;
        boolean p99Met = missing == 0 && toPaused[2] < TARGET_P99_MS;
        boolean noDeadLetters = parked == 0;
        boolean passed = enoughProbes && rateHeld && p99Met && noDeadLetters;

        System.out.println();
        System.out.printf(
                Locale.ROOT,
                "================ pain-7 set -> STOP flag in progress -> exercise paused in planner (%s)%n",
                OffsetDateTime.now());
        System.out.printf(
                Locale.ROOT,
                "  machine        %d CPUs; load average %s before, %s at start of measurement, %s at its end%n",
                Runtime.getRuntime().availableProcessors(),
                loadBefore,
                loadAtStart,
                loadAtEnd);
        System.out.printf(Locale.ROOT, "  PostgreSQL     %s%n", durability(postgres, null));
        System.out.printf(
                Locale.ROOT,
                "  load           %,.1f sets/s answered 201 over %.1f s (asked %,d; %d other answers or errors "
                        + "in the whole run); its latency p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                heldRate,
                windowSeconds,
                rate,
                load.failed.get(),
                loadLatency[0],
                loadLatency[2],
                loadLatency[3]);
        System.out.printf(
                Locale.ROOT, "  probes         %d pain-7 sets, %d never paused within 10 s%n", results.size(), missing);
        printLatency("set -> flag listed (GET /pain-flags)", toFlag);
        printLatency("set -> flag's raisedAt (its clock)", raised);
        printLatency("set -> item paused (GET /plans/{id})", toPaused);
        whereTheTimeGoes(results, postgres, plannerDb, progressDb);
        System.out.println("  CPU (cores)    " + cpuEnd.minus(cpuStart, windowSeconds));
        System.out.printf(Locale.ROOT, "  dead letters   %d records on the .dlq topics%n", parked);
        System.out.println("  targets");
        verdict(
                rateHeld,
                String.format(Locale.ROOT, "the load held: >= %.0f %% of %,d sets/s, all 201", 100 * RATE_HELD, rate));
        verdict(enoughProbes, "at least " + MINIMUM_PROBES + " probes, every one paused");
        verdict(
                p99Met,
                String.format(Locale.ROOT, "set -> paused p99 < %.0f ms (%.1f ms)", TARGET_P99_MS, toPaused[2]));
        verdict(noDeadLetters, "no record parked on a .dlq topic");
        System.out.println("  " + (passed ? "PASS" : "FAIL"));
        System.out.println("================");
        return passed;
    }

    /**
     * JFR_SECONDS=N: a JFR recording (settings=profile) of the service's first N s of the probes'
     * window, into target/bench-stop-flag/NAME.jfr (started before the CPU is counted).
     */
    private void profile(Process service, String name) throws Exception {
        int seconds = Integer.parseInt(System.getenv().getOrDefault("JFR_SECONDS", "0"));
        if (seconds <= 0) {
            return;
        }
        Path file = work.resolve(name + ".jfr").toAbsolutePath();
        Process jcmd = new ProcessBuilder(
                        "jcmd",
                        Long.toString(service.pid()),
                        "JFR.start",
                        "name=bench",
                        "settings=profile",
                        "duration=" + seconds + "s",
                        "filename=" + file)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        if (!jcmd.waitFor(60, TimeUnit.SECONDS) || jcmd.exitValue() != 0) {
            throw new IllegalStateException("jcmd JFR.start failed for " + name);
        }
        System.out.println("    JFR: " + seconds + " s of " + name + " into " + file);
    }

    private static void printLatency(String what, double[] ms) {
        System.out.printf(
                Locale.ROOT,
                "  %-38s p50 %6.1f  p90 %6.1f  p99 %6.1f  max %6.1f ms%n",
                what,
                ms[0],
                ms[1],
                ms[2],
                ms[3]);
    }

    private static void verdict(boolean met, String target) {
        System.out.println("    " + (met ? "PASS" : "FAIL") + "  " + target);
    }

    /**
     * One pain-7 set of patient {@code index} (0-based), timed to its flag and to its item's pause;
     * a request that is not answered in time makes the probe one that never paused.
     */
    private Probe probe(Seeded seeded, int index, String clinician) throws Exception {
        try {
            return timedProbe(seeded, index, clinician);
        } catch (HttpTimeoutException e) {
            System.out.println("    probe " + index + ": a request timed out (" + e.getMessage() + ")");
            return Probe.lost();
        }
    }

    private Probe timedProbe(Seeded seeded, int index, String clinician) throws Exception {
        String patientToken = token(patient(index + 1), "patient");
        UUID plan = seeded.plans().get(index);
        UUID item = seeded.items().get(index).get(seeded.probeItem());
        Slot slot = seeded.slots().stream()
                .filter(s -> s.item() == seeded.probeItem())
                .findFirst()
                .orElseThrow();
        UUID setId = UUID.randomUUID();
        String body = setBody(setId, plan, item, seeded.today(), slot, 7);
        long t0 = System.nanoTime();
        Instant wallT0 = Instant.now();
        HttpResponse<String> logged =
                http.send(post("/me/sets", patientToken, body), HttpResponse.BodyHandlers.ofString());
        if (logged.statusCode() != 201
                || !JSON.readTree(logged.body()).path("stop").asBoolean()) {
            throw new IllegalStateException("The pain-7 set answered " + logged.statusCode() + ": " + logged.body());
        }
        double answeredMs = (System.nanoTime() - t0) / 1e6;
        long deadline = t0 + TimeUnit.SECONDS.toNanos(10);
        // Both moments are watched from the answer on, side by side: waiting for the flag's listing before
        // asking planner would add progress's answer time to the pause's.
        CompletableFuture<FlagSeen> flag = CompletableFuture.supplyAsync(
                () -> {
                    try {
                        return flagListed(item, clinician, t0, wallT0, deadline);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException(e);
                    }
                },
                flagWatcher);
        double pausedMs = paused(plan, item, patientToken, t0, deadline);
        FlagSeen seen;
        try {
            seen = flag.get(
                    TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()) + 10_000, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            Throwable cause =
                    e.getCause() instanceof UncheckedIOException unchecked ? unchecked.getCause() : e.getCause();
            if (cause instanceof Exception failure) {
                throw failure;
            }
            throw e;
        }
        return new Probe(seen.flagMs(), pausedMs, seen.raisedAtMs(), setId, wallT0, answeredMs, seen.flagId());
    }

    /** When a probe's STOP flag was first listed, its raisedAt, its id; -1 and null when not within the deadline. */
    private record FlagSeen(double flagMs, double raisedAtMs, String flagId) {}

    /** The first answer of progress's GET /pain-flags (a clinician) listing a STOP flag on the item. */
    private FlagSeen flagListed(UUID item, String clinician, long t0, Instant wallT0, long deadline)
            throws IOException, InterruptedException {
        HttpRequest flags = HttpRequest.newBuilder(URI.create(progress + "/pain-flags?page=0&size=20"))
                .header("Authorization", "Bearer " + clinician)
                .timeout(Duration.ofSeconds(10))
                .build();
        while (System.nanoTime() < deadline) {
            long polled = System.nanoTime();
            HttpResponse<String> answer = http.send(flags, HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("GET /pain-flags answered " + answer.statusCode());
            }
            for (JsonNode flag : JSON.readTree(answer.body())) {
                if (flag.path("itemId").asText().equals(item.toString())
                        && flag.path("severity").asText().equals("STOP")) {
                    double raisedAtMs = Duration.between(
                                            wallT0,
                                            OffsetDateTime.parse(
                                                    flag.path("raisedAt").asText()))
                                    .toNanos()
                            / 1e6;
                    return new FlagSeen(
                            (System.nanoTime() - t0) / 1e6,
                            raisedAtMs,
                            flag.path("id").asText());
                }
            }
            sleepUntil(polled + POLL_MILLIS * 1_000_000);
        }
        return new FlagSeen(-1, -1, null);
    }

    /** ms from t0 to the first answer of planner's GET /plans/{id} (the patient) with the item paused; -1 if none. */
    private double paused(UUID plan, UUID item, String patientToken, long t0, long deadline)
            throws IOException, InterruptedException {
        HttpRequest planView = HttpRequest.newBuilder(URI.create(planner + "/plans/" + plan))
                .header("Authorization", "Bearer " + patientToken)
                .timeout(Duration.ofSeconds(10))
                .build();
        while (System.nanoTime() < deadline) {
            long polled = System.nanoTime();
            HttpResponse<String> answer = http.send(planView, HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("GET /plans/{id} answered " + answer.statusCode());
            }
            for (JsonNode planItem : JSON.readTree(answer.body()).path("items")) {
                if (planItem.path("id").asText().equals(item.toString())
                        && planItem.path("paused").asBoolean()) {
                    return (System.nanoTime() - t0) / 1e6;
                }
            }
            sleepUntil(polled + POLL_MILLIS * 1_000_000);
        }
        return -1;
    }

    /**
     * Each probe's path split by the databases' own timestamps (this machine's clock, as t0 is), so a
     * poll's own wait is not mistaken for the services': the set's event published by planner's relay
     * (its outbox's published_at), taken up by progress (processed_event, the clock at its insert),
     * the flag raised, PainFlagged sent by progress's relay (sent_at), and planner's pause begun
     * (processed_event, the start of the pausing transaction). Every figure is from t0, in ms.
     */
    private void whereTheTimeGoes(
            List<Probe> results,
            PostgresServer postgres,
            PostgresServer.Login plannerDb,
            PostgresServer.Login progressDb)
            throws SQLException {
        List<Double> answered = new ArrayList<>();
        List<Double> published = new ArrayList<>();
        List<Double> takenUp = new ArrayList<>();
        List<Double> sent = new ArrayList<>();
        List<Double> pausing = new ArrayList<>();
        try (Connection plannerConnection = DriverManager.getConnection(
                        postgres.jdbcUrl("planner"), plannerDb.username(), plannerDb.password());
                Connection progressConnection = DriverManager.getConnection(
                        postgres.jdbcUrl("progress"), progressDb.username(), progressDb.password());
                PreparedStatement setEvent = plannerConnection.prepareStatement(
                        "SELECT id, published_at FROM outbox_event WHERE type = 'backstrong.set.completed.v1' "
                                + "AND payload->>'setId' = ?");
                PreparedStatement setTakenUp = progressConnection.prepareStatement(
                        "SELECT processed_at FROM processed_event WHERE event_id = ?");
                PreparedStatement flagEvent = progressConnection.prepareStatement(
                        "SELECT id, sent_at FROM outbox_event WHERE event_type = 'backstrong.pain.flagged.v1' "
                                + "AND payload::jsonb->>'flagId' = ?");
                PreparedStatement pauseBegun = plannerConnection.prepareStatement(
                        "SELECT processed_at FROM processed_event WHERE event_id = ?::uuid")) {
            for (Probe probe : results) {
                if (probe.setId() == null) {
                    continue;
                }
                answered.add(probe.answeredMs());
                String setEventId = null;
                setEvent.setString(1, probe.setId().toString());
                try (ResultSet row = setEvent.executeQuery()) {
                    if (row.next()) {
                        setEventId = row.getString(1);
                        published.add(sinceT0(probe, row.getObject(2, OffsetDateTime.class)));
                    } else {
                        published.add(-1.0);
                    }
                }
                takenUp.add(setEventId == null ? -1.0 : sinceT0(probe, timestamp(setTakenUp, setEventId, 1)));
                String flagEventId = null;
                if (probe.flagId() != null) {
                    flagEvent.setString(1, probe.flagId());
                    try (ResultSet row = flagEvent.executeQuery()) {
                        if (row.next()) {
                            flagEventId = row.getString(1);
                            sent.add(sinceT0(probe, row.getObject(2, OffsetDateTime.class)));
                        }
                    }
                }
                if (flagEventId == null) {
                    sent.add(-1.0);
                }
                pausing.add(flagEventId == null ? -1.0 : sinceT0(probe, timestamp(pauseBegun, flagEventId, 1)));
            }
        }
        System.out.println("  where the time goes (each from the set's t0; the databases' timestamps, this clock):");
        printLatency("  POST /me/sets answered 201", percentiles(answered));
        printLatency("  set event published (planner relay)", percentiles(published));
        printLatency("  set event taken up by progress", percentiles(takenUp));
        printLatency("  PainFlagged sent (progress relay)", percentiles(sent));
        printLatency("  pause begun in planner", percentiles(pausing));
    }

    private static OffsetDateTime timestamp(PreparedStatement query, String key, int column) throws SQLException {
        query.setString(1, key);
        try (ResultSet row = query.executeQuery()) {
            return row.next() ? row.getObject(column, OffsetDateTime.class) : null;
        }
    }

    private static double sinceT0(Probe probe, OffsetDateTime at) {
        return at == null
                ? -1
                : Duration.between(probe.wallT0(), at.toInstant()).toNanos() / 1e6;
    }

    /**
     * The background load: POST /me/sets at {@link #rate} per second on a fixed schedule (open loop:
     * a slow answer does not delay the next request), pain 1. Request g logs slot g / P of patient
     * g mod P, so every patient logs one set before anyone logs their next.
     */
    private final class Load {

        private final Seeded seeded;
        private final int patients;
        private final List<String> tokens = new ArrayList<>();
        private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
        private final AtomicLong sent = new AtomicLong();
        private final AtomicLong created = new AtomicLong();
        private final AtomicLong failed = new AtomicLong();
        private final ConcurrentLinkedQueue<Long> micros = new ConcurrentLinkedQueue<>();
        private final Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
        private volatile String firstFailure;
        private boolean told;
        private long startedAt;

        Load(Seeded seeded, int patients) throws Exception {
            this.seeded = seeded;
            this.patients = patients;
            for (int p = 1; p <= patients; p++) {
                tokens.add(token(patient(p), "patient"));
            }
        }

        void start() {
            startedAt = System.nanoTime();
            // A tick every millisecond sends what is due by then, so the rate holds whatever the tick's jitter.
            clock.scheduleAtFixedRate(this::tick, 0, 1, TimeUnit.MILLISECONDS);
        }

        private void tick() {
            long due = (System.nanoTime() - startedAt) * rate / 1_000_000_000L;
            while (sent.get() < due) {
                send(sent.getAndIncrement());
            }
        }

        private void send(long g) {
            if (!inFlight.tryAcquire()) {
                fail("more than " + MAX_IN_FLIGHT + " sets in flight: the services are behind the asked rate");
                return;
            }
            int p = (int) (g % patients);
            int s = (int) (g / patients);
            if (s >= seeded.slots().size()) {
                inFlight.release();
                fail("out of seeded set slots");
                return;
            }
            Slot slot = seeded.slots().get(s);
            String body = setBody(
                    UUID.randomUUID(),
                    seeded.plans().get(p),
                    seeded.items().get(p).get(slot.item()),
                    seeded.today(),
                    slot,
                    1);
            long t0 = System.nanoTime();
            http.sendAsync(post("/me/sets", tokens.get(p), body), HttpResponse.BodyHandlers.ofString())
                    .whenComplete((response, error) -> {
                        inFlight.release();
                        micros.add((System.nanoTime() - t0) / 1000);
                        if (error == null && response.statusCode() == 201) {
                            created.incrementAndGet();
                        } else {
                            fail(error != null ? error.toString() : response.statusCode() + ": " + response.body());
                        }
                    });
        }

        private void fail(String why) {
            failed.incrementAndGet();
            if (firstFailure == null) {
                firstFailure = why;
            }
        }

        /** Says so at the first refused set (the run then fails: its figure would not be of the load asked for). */
        void check() {
            if (firstFailure != null && !told) {
                told = true;
                System.out.println("    a set of the load failed: " + firstFailure);
            }
        }

        void stop() throws InterruptedException {
            clock.shutdownNow();
            clock.awaitTermination(5, TimeUnit.SECONDS);
        }

        /** p50, p90, p99, max of the load's answers, ms. */
        double[] latencies() {
            return percentiles(micros.stream().map(us -> us / 1000.0).toList());
        }
    }

    private static String setBody(UUID setId, UUID plan, UUID item, LocalDate date, Slot slot, int pain) {
        return "{\"setId\":\"" + setId + "\",\"planId\":\"" + plan + "\",\"itemId\":\"" + item + "\",\"date\":\""
                + date + "\",\"setNumber\":" + slot.set() + ","
                + (slot.side() == null ? "" : "\"side\":\"" + slot.side() + "\",") + slot.fields() + ",\"pain\":"
                + pain + ",\"beyondNormalFatigue\":false}";
    }

    private HttpRequest post(String path, String token, String body) {
        return HttpRequest.newBuilder(URI.create(planner + path))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    /** p50, p90, p99 and max; a missing value (-1) counts as infinitely late. */
    private static double[] percentiles(List<Double> values) {
        if (values.isEmpty()) {
            return new double[] {Double.NaN, Double.NaN, Double.NaN, Double.NaN};
        }
        double[] sorted = values.stream()
                .mapToDouble(v -> v < 0 ? Double.POSITIVE_INFINITY : v)
                .sorted()
                .toArray();
        return new double[] {at(sorted, 0.50), at(sorted, 0.90), at(sorted, 0.99), sorted[sorted.length - 1]};
    }

    /** The nearest-rank percentile. */
    private static double at(double[] sorted, double quantile) {
        int rank = (int) Math.ceil(quantile * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private static void sleepUntil(long nanos) throws InterruptedException {
        long wait = nanos - System.nanoTime();
        if (wait > 0) {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
    }

    // ------------------------------------------------------------------ services, tokens, checks

    private Process start(String name, Path jar, Map<String, String> env) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms512m",
                "-Xmx512m",
                "-Djava.net.preferIPv4Stack=true"));
        // For a profile, for instance BENCH_PLANNER_JAVA_OPTIONS=-XX:StartFlightRecording=settings=profile,...
        String options = System.getenv()
                .getOrDefault("BENCH_" + name.replace("-service", "").toUpperCase(Locale.ROOT) + "_JAVA_OPTIONS", "")
                .strip();
        if (!options.isEmpty()) {
            command.addAll(List.of(options.split("\\s+")));
        }
        command.addAll(List.of("-jar", jar.toAbsolutePath().toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(work.toFile())
                .redirectErrorStream(true)
                .redirectOutput(work.resolve(name + ".log").toFile());
        builder.environment().putAll(env);
        return builder.start();
    }

    private void awaitReady(String name, Process process, int managementPort) throws Exception {
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + "/q/health/ready"))
                .timeout(Duration.ofSeconds(5))
                .build();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited; see " + work.resolve(name + ".log"));
            }
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException(name + " not ready; see " + work.resolve(name + ".log"));
    }

    private static void stop(Process process) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    private static KeyPair keyPair() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    /** An RS256 access token shaped like the backstrong realm's (as bench/TokenSigner.java signs them). */
    private String token(String subject, String role) throws Exception {
        Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
        long now = Instant.now().getEpochSecond();
        String header = url.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String claims = JSON.writeValueAsString(Map.of(
                "iss",
                ISSUER,
                "sub",
                subject,
                "iat",
                now,
                "exp",
                now + 4 * 3600,
                "aud",
                "backstrong-web",
                "typ",
                "Bearer",
                "azp",
                "backstrong-bench",
                "preferred_username",
                subject,
                "clinic_id",
                CLINIC,
                "realm_access",
                Map.of("roles", List.of(role))));
        String signingInput = header + "." + url.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
        Signature rs256 = Signature.getInstance("SHA256withRSA");
        rs256.initSign(keys.getPrivate());
        rs256.update(signingInput.getBytes(StandardCharsets.US_ASCII));
        return signingInput + "." + url.encodeToString(rs256.sign());
    }

    private static String patient(int p) {
        return String.format(Locale.ROOT, "bench-p-%06d", p);
    }

    /** The durability settings, read as planner's role (no superuser), or as the superuser when login is null. */
    private static String durability(PostgresServer postgres, PostgresServer.Login login) throws SQLException {
        try (Connection db = login == null
                        ? DriverManager.getConnection(
                                postgres.jdbcUrl("planner"), postgres.username(), postgres.password())
                        : DriverManager.getConnection(postgres.jdbcUrl("planner"), login.username(), login.password());
                Statement statement = db.createStatement();
                ResultSet row = statement.executeQuery("SELECT 'fsync=' || current_setting('fsync') "
                        + "|| ' synchronous_commit=' || current_setting('synchronous_commit') "
                        + "|| ' full_page_writes=' || current_setting('full_page_writes')")) {
            row.next();
            String settings = row.getString(1);
            if (!settings.equals("fsync=on synchronous_commit=on full_page_writes=on")) {
                throw new IllegalStateException("PostgreSQL is not durable: " + settings);
            }
            return settings;
        }
    }

    private static long count(Connection db, String sql) throws SQLException {
        try (Statement statement = db.createStatement();
                ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }

    /** Records on every .dlq topic (their end offsets): a good record parked is an alarm. */
    private static long deadLetters(String bootstrap) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : Topics.ALL.split(",")) {
                if (topic.endsWith(".dlq")) {
                    for (PartitionInfo info : consumer.partitionsFor(topic)) {
                        partitions.add(new TopicPartition(topic, info.partition()));
                    }
                }
            }
            return consumer.endOffsets(partitions).values().stream()
                    .mapToLong(Long::longValue)
                    .sum();
        }
    }

    private static String loadAverage() {
        try {
            return String.join(
                    " ",
                    Arrays.copyOf(Files.readString(Path.of("/proc/loadavg")).split(" "), 3));
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** CPU ticks (user + system) from /proc of the services, PostgreSQL, the broker, this bench and the machine. */
    private static final class Cpu {

        private static final double TICKS_PER_SECOND = 100;
        private final long plannerPid;
        private final long progressPid;

        Cpu(long plannerPid, long progressPid) {
            this.plannerPid = plannerPid;
            this.progressPid = progressPid;
        }

        record Ticks(long planner, long progress, long postgres, long kafka, long bench, long machine) {

            String minus(Ticks start, double seconds) {
                double f = 1 / TICKS_PER_SECOND / seconds;
                double planner = (this.planner - start.planner) * f;
                double progress = (this.progress - start.progress) * f;
                double postgres = (this.postgres - start.postgres) * f;
                double kafka = (this.kafka - start.kafka) * f;
                double bench = (this.bench - start.bench) * f;
                double machine = (this.machine - start.machine) * f;
                double other = Math.max(0, machine - planner - progress - postgres - kafka - bench);
                return String.format(
                        Locale.ROOT,
                        "planner %.2f, progress %.2f, PostgreSQL %.2f, Kafka %.2f, this bench %.2f, everything "
                                + "else %.2f; machine %.2f of %d",
                        planner,
                        progress,
                        postgres,
                        kafka,
                        bench,
                        other,
                        machine,
                        Runtime.getRuntime().availableProcessors());
            }
        }

        Ticks sample() {
            long[] ticks = new long[4];
            ProcessHandle.current().descendants().forEach(process -> {
                long pid = process.pid();
                int component = pid == plannerPid
                        ? 0
                        : pid == progressPid
                                ? 1
                                : comm(pid).equals("postgres")
                                        ? 2
                                        : commandLine(pid).contains("\0kafka.Kafka\0") ? 3 : -1;
                if (component >= 0) {
                    ticks[component] += ticks(pid);
                }
            });
            return new Ticks(
                    ticks[0],
                    ticks[1],
                    ticks[2],
                    ticks[3],
                    ticks(ProcessHandle.current().pid()),
                    machineBusy());
        }

        private static String comm(long pid) {
            try {
                return Files.readString(Path.of("/proc", Long.toString(pid), "comm"))
                        .strip();
            } catch (IOException e) {
                return "";
            }
        }

        private static String commandLine(long pid) {
            try {
                return new String(
                        Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline")), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "";
            }
        }

        private static long ticks(long pid) {
            try {
                String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            } catch (IOException | RuntimeException e) {
                return 0;
            }
        }

        private static long machineBusy() {
            try {
                String[] fields =
                        Files.readAllLines(Path.of("/proc/stat")).get(0).split("\\s+");
                long busy = 0;
                for (int i = 1; i < fields.length; i++) {
                    if (i != 4 && i != 5) {
                        busy += Long.parseLong(fields[i]);
                    }
                }
                return busy;
            } catch (IOException e) {
                return 0;
            }
        }
    }
}

package org.backstrong.progress.bench;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import org.backstrong.progress.event.Envelope;
import org.backstrong.progress.event.EventTypes;
import org.backstrong.progress.messaging.Topics;
import org.backstrong.testinfra.KafkaBroker;
import org.backstrong.testinfra.PostgresServer;

/**
 * Measures how fast the packaged service applies SetCompleted events in steady state, next to two
 * baselines measured in the same run on the same machine: Kafka's own consumer performance tool
 * reading the same topic, and a batched JDBC insert of the same rows; then times the adherence
 * query for one clinic over 52 weeks at 1,000 and at 10,000 patients. PostgreSQL is durable, and
 * the service and the baseline connect as their database's owner (no superuser). Every figure
 * leaves out a warm-up stream read or written first (the JIT's warm-up) and counts only the
 * measured stream after it. Exits 1 when a target is missed. Run by bench/apply-set-events.sh.
 */
public final class ApplySetEventsBench {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());
    private static final int PATIENTS = 1000;
    private static final int WEEKS = 52;
    private static final int JDBC_BATCH = 500;
    private static final double TARGET = 20_000;
    private static final double TARGET_SHARE_OF_JDBC = 0.5;
    private static final double TARGET_QUERY_P95_MS = 50;
    private static final double TARGET_QUERY_P95_MS_AT_10000 = 200;
    private static final long TICKS_PER_SECOND = 100;

    /** Exit status: 0 every target met, 1 one missed, 3 the bench could not run. */
    public static void main(String[] args) {
        boolean passed;
        try {
            passed = run(args);
        } catch (Exception | Error e) {
            e.printStackTrace();
            System.exit(3);
            return;
        }
        // The servers are stopped by now; the exit status is the verdict.
        System.exit(passed ? 0 : 1);
    }

    private static boolean run(String[] args) throws Exception {
        int measured = args.length > 0 ? Integer.parseInt(args[0]) : 300_000;
        int warmUp = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        Path serviceJar = Path.of(args.length > 2 ? args[2] : "target/quarkus-app/quarkus-run.jar");
        if (warmUp + measured < PATIENTS || measured <= 0) {
            throw new IllegalArgumentException("Need at least " + PATIENTS + " events and a measured stream");
        }
        int total = warmUp + measured;
        Path work = Files.createDirectories(Path.of("target/bench"));
        boolean passed;
        // PostgreSQL at its default durability (fsync, synchronous_commit, full_page_writes on) for the
        // service and the JDBC baseline alike; each connects as the owner of its database, no superuser.
        try (PostgresServer postgres = PostgresServer.startDurable(work);
                KafkaBroker kafka = KafkaBroker.start(work, 6)) {
            PostgresServer.Login progress = postgres.createOwnedDatabase("progress");
            PostgresServer.Login baseline = postgres.createOwnedDatabase("baseline");
            String durability = durability(postgres, progress);
            kafka.createTopics(6, Arrays.asList(Topics.ALL.split(",")));
            produce(kafka.bootstrapServers(), total);
            System.out.printf(
                    Locale.ROOT,
                    "%,d SetCompleted events for %,d patients in %s: %,d warm-up, then %,d measured%n",
                    total,
                    PATIENTS,
                    Topics.SET_EVENTS,
                    warmUp,
                    measured);

            double kafkaTool = consumerPerformance(kafka.bootstrapServers(), warmUp, total, work);
            double jdbc = batchedInsert(postgres.jdbcUrl("baseline"), baseline, warmUp, total);
            Window service = service(serviceJar, postgres, progress, kafka.bootstrapServers(), warmUp, total, work);
            String progressUrl = postgres.jdbcUrl("progress");
            double[] query = adherenceQuery(progressUrl, progress, 1, PATIENTS);
            double[] queryAtTenThousand = adherenceQuery(progressUrl, progress, PATIENTS + 1, PATIENTS * 10);

            boolean rateMet = service.eventsPerSecond() >= TARGET;
            boolean ratioMet = service.eventsPerSecond() >= TARGET_SHARE_OF_JDBC * jdbc;
            boolean queryMet = query[1] < TARGET_QUERY_P95_MS;
            boolean queryAtTenThousandMet = queryAtTenThousand[1] < TARGET_QUERY_P95_MS_AT_10000;
            passed = rateMet && ratioMet && queryMet && queryAtTenThousandMet;

            System.out.println();
            System.out.printf(
                    Locale.ROOT,
                    "== apply set events, steady state: %,d measured after %,d warm-up "
                            + "(events/s; higher is better) ==%n",
                    measured,
                    warmUp);
            System.out.printf(
                    Locale.ROOT,
                    "progress-service (consume, apply, commit)  %,10.0f   = %.0f %% of the batched JDBC insert%n",
                    service.eventsPerSecond(),
                    100 * service.eventsPerSecond() / jdbc);
            System.out.printf(Locale.ROOT, "baseline: batched JDBC insert (%d/batch)  %,10.0f%n", JDBC_BATCH, jdbc);
            System.out.printf(Locale.ROOT, "baseline: Kafka ConsumerPerformance        %,10.0f%n", kafkaTool);
            System.out.printf(
                    Locale.ROOT,
                    "service's window: %.1f s; CPU (%% of one core): service %.0f, PostgreSQL %.0f, "
                            + "Kafka %.0f, everything else %.0f; whole machine %.0f of %d%n",
                    service.seconds(),
                    service.servicePercent(),
                    service.postgresPercent(),
                    service.kafkaPercent(),
                    Math.max(
                            0,
                            service.machinePercent()
                                    - service.servicePercent()
                                    - service.postgresPercent()
                                    - service.kafkaPercent()),
                    service.machinePercent(),
                    Runtime.getRuntime().availableProcessors() * 100);
            System.out.printf(
                    Locale.ROOT,
                    "load average (1 min): %.2f at the start of the service's window, %.2f at its end; now %s%n",
                    service.loadAtStart(),
                    service.loadAtEnd(),
                    loadAverage());
            System.out.println(
                    "PostgreSQL: " + durability + " (service and JDBC baseline; each as its database's owner)");
            System.out.println("== adherence query, one clinic, 52 weeks, grouped by week (ms) ==");
            System.out.printf(
                    Locale.ROOT, " 1,000 patients: median %6.1f  p95 %6.1f  max %6.1f%n", query[0], query[1], query[2]);
            System.out.printf(
                    Locale.ROOT,
                    "10,000 patients: median %6.1f  p95 %6.1f  max %6.1f   (p95 x%.1f for 10x the patients)%n",
                    queryAtTenThousand[0],
                    queryAtTenThousand[1],
                    queryAtTenThousand[2],
                    queryAtTenThousand[1] / query[1]);
            System.out.println("== targets ==");
            verdict(rateMet, String.format(Locale.ROOT, "applying set events >= %,.0f events/s", TARGET));
            verdict(
                    ratioMet,
                    String.format(
                            Locale.ROOT,
                            "applying set events >= %.0f %% of the batched JDBC insert (%,.0f events/s)",
                            100 * TARGET_SHARE_OF_JDBC,
                            TARGET_SHARE_OF_JDBC * jdbc));
            verdict(queryMet, "adherence query p95 < " + TARGET_QUERY_P95_MS + " ms at 1,000 patients");
            verdict(
                    queryAtTenThousandMet,
                    "adherence query p95 < " + TARGET_QUERY_P95_MS_AT_10000 + " ms at 10,000 patients");
            System.out.println(passed ? "PASS" : "FAIL");
        }
        return passed;
    }

    private static void verdict(boolean met, String target) {
        System.out.println("  " + (met ? "PASS" : "FAIL") + "  " + target);
    }

    /** What the service's database runs with, read as the service's own role (and checked to be no superuser). */
    private static String durability(PostgresServer postgres, PostgresServer.Login login) throws SQLException {
        try (Connection db =
                        DriverManager.getConnection(postgres.jdbcUrl("progress"), login.username(), login.password());
                Statement statement = db.createStatement();
                ResultSet row = statement.executeQuery("SELECT 'fsync=' || current_setting('fsync') "
                        + "|| ' synchronous_commit=' || current_setting('synchronous_commit') "
                        + "|| ' full_page_writes=' || current_setting('full_page_writes'), "
                        + "(SELECT rolsuper FROM pg_roles WHERE rolname = current_user)")) {
            row.next();
            String settings = row.getString(1);
            if (!settings.equals("fsync=on synchronous_commit=on full_page_writes=on") || row.getBoolean(2)) {
                throw new IllegalStateException("Not durable, or a superuser: " + settings);
            }
            return settings;
        }
    }

    /** The i-th SetCompleted event: patient i % 1,000, ids fixed by i, so every step can make it again. */
    private static Map<String, Object> setEvent(int i) {
        int patient = i % PATIENTS;
        int round = i / PATIENTS;
        LocalDate day = LocalDate.of(2026, 1, 5).plusDays((round / 3) * 2L);
        OffsetDateTime at = day.atTime(7, 0).atOffset(ZoneOffset.UTC).plusSeconds(round % 3 * 120L);
        return Map.ofEntries(
                Map.entry("setId", new UUID(0x5E7, i).toString()),
                Map.entry("patientId", patientId(patient)),
                Map.entry("clinicId", "bench-clinic"),
                Map.entry("planId", new UUID(0, patient).toString()),
                Map.entry("itemId", new UUID(1, patient).toString()),
                Map.entry("exerciseId", "dumbbell-row"),
                Map.entry("sessionDate", day.toString()),
                Map.entry("setNumber", round % 3 + 1),
                Map.entry("reps", 10),
                Map.entry("loadKg", new BigDecimal("10.0")),
                Map.entry("rir", 2),
                Map.entry("pain", i % 4),
                Map.entry("beyondNormalFatigue", false),
                Map.entry("loggedAt", at.toString()));
    }

    private static String eventId(int i) {
        return new UUID(0xE7E, i).toString();
    }

    private static String patientId(int patient) {
        return new UUID(0x5EED, patient).toString();
    }

    private static void produce(String bootstrap, int total) throws Exception {
        AtomicReference<Exception> failed = new AtomicReference<>();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrap,
                        ProducerConfig.ACKS_CONFIG,
                        "all",
                        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                        true,
                        ProducerConfig.LINGER_MS_CONFIG,
                        5,
                        ProducerConfig.BATCH_SIZE_CONFIG,
                        256 * 1024),
                new StringSerializer(),
                new StringSerializer())) {
            for (int i = 0; i < total; i++) {
                Map<String, Object> set = setEvent(i);
                String patient = (String) set.get("patientId");
                ProducerRecord<String, String> record =
                        new ProducerRecord<>(Topics.SET_EVENTS, patient, JSON.writeValueAsString(set));
                header(record, Envelope.SPECVERSION, Envelope.SPEC_VERSION);
                header(record, Envelope.ID, eventId(i));
                header(record, Envelope.TYPE, EventTypes.SET_COMPLETED);
                header(record, Envelope.SOURCE, "/planner-service");
                header(record, Envelope.SUBJECT, patient);
                header(record, Envelope.TIME, (String) set.get("loggedAt"));
                header(record, Envelope.CONTENT_TYPE, "application/json");
                producer.send(record, (metadata, error) -> {
                    if (error != null) {
                        failed.compareAndSet(null, error);
                    }
                });
            }
            producer.flush();
        }
        if (failed.get() != null) {
            throw new IllegalStateException("Writing the bench's events failed", failed.get());
        }
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Kafka's own tool, on the broker's classpath, reading the whole topic from the start with a
     * progress line every 100 ms: events/s from the first line where the warm-up had been read to
     * the last line (the tool stops at the last record without a line for it).
     */
    private static double consumerPerformance(String bootstrap, int warmUp, int total, Path work) throws Exception {
        String classpath;
        try (InputStream list =
                KafkaBroker.class.getClassLoader().getResourceAsStream(KafkaBroker.CLASSPATH_RESOURCE)) {
            classpath = new String(list.readAllBytes(), StandardCharsets.UTF_8).strip();
        }
        Path output = work.resolve("consumer-performance.txt");
        Process tool = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        classpath,
                        "org.apache.kafka.tools.ConsumerPerformance",
                        "--bootstrap-server",
                        bootstrap,
                        "--topic",
                        Topics.SET_EVENTS,
                        "--messages",
                        Integer.toString(total),
                        "--group",
                        "bench-" + UUID.randomUUID(),
                        "--show-detailed-stats",
                        "--reporting-interval",
                        "100",
                        "--hide-header")
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .redirectOutput(output.toFile())
                .start();
        if (!tool.waitFor(5, TimeUnit.MINUTES)) {
            tool.destroyForcibly();
            throw new IllegalStateException("ConsumerPerformance did not finish; see " + output);
        }
        // Detailed lines: time, threadId, data.consumed.in.MB, MB.sec, data.consumed.in.nMsg, nMsg.sec, ...
        DateTimeFormatter format = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss:SSS");
        LocalDateTime from = null;
        long readAtFrom = 0;
        LocalDateTime to = null;
        long readAtTo = 0;
        for (String line : Files.readAllLines(output)) {
            String[] columns = line.split(",\\s*");
            if (columns.length < 6) {
                continue;
            }
            LocalDateTime at = LocalDateTime.parse(columns[0].strip(), format);
            long read = Long.parseLong(columns[4].strip());
            if (from == null && read >= warmUp) {
                from = at;
                readAtFrom = read;
            }
            to = at;
            readAtTo = read;
        }
        if (from == null || !to.isAfter(from)) {
            throw new IllegalStateException(
                    "ConsumerPerformance read too little for a steady-state figure; see " + output);
        }
        return (readAtTo - readAtFrom) / seconds(Duration.between(from, to));
    }

    /**
     * The same rows as the service stores, into a table like the service's logged_set (its
     * indexes too), with JDBC batches of 500 and one commit per batch; the warm-up rows first,
     * then the measured rows timed.
     */
    private static double batchedInsert(String url, PostgresServer.Login login, int warmUp, int total)
            throws SQLException {
        try (Connection db = DriverManager.getConnection(url, login.username(), login.password())) {
            try (Statement ddl = db.createStatement()) {
                ddl.execute(
                        "CREATE TABLE logged_set (set_id uuid PRIMARY KEY, patient_id text NOT NULL, clinic_id text "
                                + "NOT NULL, plan_id uuid NOT NULL, item_id uuid NOT NULL, exercise_id text NOT NULL, session_date "
                                + "date NOT NULL, set_number integer NOT NULL, reps integer, load_kg numeric(7,2), rir integer, pain "
                                + "integer NOT NULL, beyond_normal_fatigue boolean NOT NULL, logged_at timestamptz NOT NULL)");
                ddl.execute("CREATE INDEX logged_set_session ON logged_set (patient_id, session_date, item_id)");
            }
            db.setAutoCommit(false);
            try (PreparedStatement insert =
                    db.prepareStatement("INSERT INTO logged_set VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
                insertRows(db, insert, 0, warmUp);
                long start = System.nanoTime();
                insertRows(db, insert, warmUp, total);
                return (total - warmUp) / ((System.nanoTime() - start) / 1e9);
            }
        }
    }

    private static void insertRows(Connection db, PreparedStatement insert, int from, int to) throws SQLException {
        for (int i = from; i < to; i++) {
            Map<String, Object> set = setEvent(i);
            insert.setObject(1, UUID.fromString((String) set.get("setId")));
            insert.setString(2, (String) set.get("patientId"));
            insert.setString(3, (String) set.get("clinicId"));
            insert.setObject(4, UUID.fromString((String) set.get("planId")));
            insert.setObject(5, UUID.fromString((String) set.get("itemId")));
            insert.setString(6, (String) set.get("exerciseId"));
            insert.setObject(7, LocalDate.parse((String) set.get("sessionDate")));
            insert.setInt(8, (Integer) set.get("setNumber"));
            insert.setInt(9, (Integer) set.get("reps"));
            insert.setBigDecimal(10, (BigDecimal) set.get("loadKg"));
            insert.setInt(11, (Integer) set.get("rir"));
            insert.setInt(12, (Integer) set.get("pain"));
            insert.setBoolean(13, false);
            insert.setTimestamp(
                    14,
                    Timestamp.from(
                            OffsetDateTime.parse((String) set.get("loggedAt")).toInstant()));
            insert.addBatch();
            if ((i - from + 1) % JDBC_BATCH == 0 || i == to - 1) {
                insert.executeBatch();
                db.commit();
            }
        }
    }

    /**
     * The service's steady state: from the moment its warm-up-th event was applied to its last,
     * the events applied in between per second, with the CPU each process used meanwhile (% of
     * one core) and the load average at both ends.
     */
    record Window(
            double eventsPerSecond,
            double seconds,
            double servicePercent,
            double postgresPercent,
            double kafkaPercent,
            double machinePercent,
            double loadAtStart,
            double loadAtEnd) {}

    /**
     * The packaged service against the same broker and a fresh database, the whole stream waiting
     * in the topic when it starts. Times come from processed_event ({@code clock_timestamp()} per
     * row, written at the start of each batch's transaction); the CPU of the service, PostgreSQL
     * and Kafka is sampled from /proc every 200 ms.
     */
    private static Window service(
            Path jar,
            PostgresServer postgres,
            PostgresServer.Login login,
            String bootstrap,
            int warmUp,
            int total,
            Path work)
            throws Exception {
        List<String> command = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m"));
        // For a profile, for instance BENCH_SERVICE_JAVA_OPTIONS=-XX:StartFlightRecording=settings=profile,filename=...
        String options =
                System.getenv().getOrDefault("BENCH_SERVICE_JAVA_OPTIONS", "").strip();
        if (!options.isEmpty()) {
            command.addAll(List.of(options.split("\\s+")));
        }
        command.addAll(List.of("-jar", jar.toAbsolutePath().toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(work.resolve("service.log").toFile());
        Map<String, String> env = builder.environment();
        env.put("QUARKUS_DATASOURCE_JDBC_URL", postgres.jdbcUrl("progress"));
        env.put("QUARKUS_DATASOURCE_USERNAME", login.username());
        env.put("QUARKUS_DATASOURCE_PASSWORD", login.password());
        env.put("KAFKA_BOOTSTRAP_SERVERS", bootstrap);
        env.put("QUARKUS_HTTP_PORT", "0");
        env.put("QUARKUS_MANAGEMENT_PORT", "0");
        env.put("QUARKUS_OIDC_TENANT_ENABLED", "false");
        env.put("BACKSTRONG_PSEUDONYM_KEY", "bench-only");
        env.put("QUARKUS_LOG_CATEGORY__ORG_BACKSTRONG__LEVEL", "WARN");
        Process service = builder.start();
        CpuSampler cpu = new CpuSampler(service.pid());
        cpu.start();
        String[] lastEvents = new String[PATIENTS];
        for (int i = 0; i < PATIENTS; i++) {
            lastEvents[i] = eventId(total - PATIENTS + i);
        }
        try (Connection db = waitForSchema(postgres, login)) {
            Instant deadline = Instant.now().plus(Duration.ofMinutes(10));
            // Each patient's events apply in order: when every patient's last event is in, all are.
            try (PreparedStatement done =
                    db.prepareStatement("SELECT count(*) FROM processed_event WHERE event_id = ANY(?)")) {
                done.setArray(1, db.createArrayOf("text", lastEvents));
                while (true) {
                    try (ResultSet result = done.executeQuery()) {
                        result.next();
                        if (result.getLong(1) == PATIENTS) {
                            break;
                        }
                    }
                    if (!service.isAlive() || Instant.now().isAfter(deadline)) {
                        throw new IllegalStateException(
                                "The service did not apply every event; see " + work.resolve("service.log"));
                    }
                    Thread.sleep(200);
                }
            }
            cpu.stop();
            try (Statement query = db.createStatement();
                    ResultSet window = query.executeQuery("SELECT (SELECT processed_at FROM processed_event ORDER BY "
                            + "processed_at OFFSET " + (warmUp - 1) + " LIMIT 1), max(processed_at), count(*), "
                            + "(SELECT count(*) FROM logged_set), (SELECT sum(sets_logged) FROM adherence_week) "
                            + "FROM processed_event")) {
                window.next();
                Instant from = window.getObject(1, OffsetDateTime.class).toInstant();
                Instant to = window.getObject(2, OffsetDateTime.class).toInstant();
                long applied = window.getLong(3);
                if (applied != total || window.getLong(4) != total || window.getLong(5) != total) {
                    throw new IllegalStateException("Expected " + total + " events, sets and adherence sets; got "
                            + applied + ", " + window.getLong(4) + ", " + window.getLong(5));
                }
                System.out.println("service, events/s per 50,000 applied, warm-up included: " + slices(db, total));
                return cpu.window(from, to, (total - warmUp) / seconds(Duration.between(from, to)));
            }
        } finally {
            cpu.stop();
            service.destroy();
            service.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** The rate of each run of 50,000 applied events, to show where the service reached its steady state. */
    private static String slices(Connection db, int total) throws SQLException {
        List<String> rates = new ArrayList<>();
        try (PreparedStatement at = db.prepareStatement(
                "SELECT processed_at FROM processed_event ORDER BY processed_at OFFSET ? LIMIT 1")) {
            Instant previous = null;
            for (int offset = 0; offset < total; offset += 50_000) {
                at.setInt(1, offset);
                try (ResultSet row = at.executeQuery()) {
                    row.next();
                    Instant now = row.getObject(1, OffsetDateTime.class).toInstant();
                    if (previous != null) {
                        rates.add(
                                String.format(Locale.ROOT, "%,.0f", 50_000 / seconds(Duration.between(previous, now))));
                    }
                    previous = now;
                }
            }
        }
        return String.join("  ", rates);
    }

    private static Connection waitForSchema(PostgresServer postgres, PostgresServer.Login login) throws Exception {
        Connection db = DriverManager.getConnection(postgres.jdbcUrl("progress"), login.username(), login.password());
        for (int i = 0; i < 600; i++) {
            try (ResultSet table = db.getMetaData().getTables(null, null, "processed_event", null)) {
                if (table.next()) {
                    return db;
                }
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("The service did not migrate its database");
    }

    /** CPU ticks of the service, the PostgreSQL processes and the Kafka broker (this process's children), and the machine's. */
    private static final class CpuSampler implements Runnable {

        private record Sample(Instant at, long service, long postgres, long kafka, long machineBusy, double load) {}

        private final long servicePid;
        private final List<Sample> samples = new ArrayList<>();
        private volatile boolean running = true;
        private Thread thread;

        CpuSampler(long servicePid) {
            this.servicePid = servicePid;
        }

        void start() {
            thread = new Thread(this, "cpu-sampler");
            thread.setDaemon(true);
            thread.start();
        }

        void stop() throws InterruptedException {
            running = false;
            thread.join();
        }

        @Override
        public void run() {
            while (running) {
                sample();
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    return;
                }
            }
            sample();
        }

        private void sample() {
            long[] ticks = new long[3];
            ProcessHandle.current().descendants().forEach(process -> {
                long pid = process.pid();
                int component = pid == servicePid
                        ? 0
                        : comm(pid).equals("postgres") ? 1 : commandLine(pid).contains("\0kafka.Kafka\0") ? 2 : -1;
                if (component >= 0) {
                    ticks[component] += ticks(pid);
                }
            });
            Sample sample = new Sample(Instant.now(), ticks[0], ticks[1], ticks[2], machineBusy(), load());
            synchronized (samples) {
                samples.add(sample);
            }
        }

        Window window(Instant from, Instant to, double eventsPerSecond) {
            Sample first;
            Sample last;
            synchronized (samples) {
                first = nearest(from);
                last = nearest(to);
            }
            double sampled = seconds(Duration.between(first.at(), last.at()));
            double perCore = 100.0 / TICKS_PER_SECOND / sampled;
            return new Window(
                    eventsPerSecond,
                    seconds(Duration.between(from, to)),
                    (last.service() - first.service()) * perCore,
                    (last.postgres() - first.postgres()) * perCore,
                    (last.kafka() - first.kafka()) * perCore,
                    (last.machineBusy() - first.machineBusy()) * perCore,
                    first.load(),
                    last.load());
        }

        private Sample nearest(Instant at) {
            Sample best = samples.get(0);
            for (Sample sample : samples) {
                if (Duration.between(sample.at(), at)
                                .abs()
                                .compareTo(Duration.between(best.at(), at).abs())
                        < 0) {
                    best = sample;
                }
            }
            return best;
        }

        private static String comm(long pid) {
            try {
                return Files.readString(Path.of("/proc", Long.toString(pid), "comm"))
                        .strip();
            } catch (IOException e) {
                return "";
            }
        }

        /** The arguments, each ended by a NUL. */
        private static String commandLine(long pid) {
            try {
                return new String(
                        Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline")), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "";
            }
        }

        /** utime + stime of /proc/pid/stat (fields 14 and 15, counted after the command in parentheses). */
        private static long ticks(long pid) {
            try {
                String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            } catch (IOException | RuntimeException e) {
                return 0;
            }
        }

        /** All CPUs' busy ticks (everything but idle and iowait) from /proc/stat. */
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

        private static double load() {
            return Double.parseDouble(loadAverage().split(" ")[0]);
        }
    }

    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    /**
     * A year of adherence for patients {@code first..last} of each of two clinics, added to what the
     * projection holds already, then the query GET /adherence runs for one clinic over 52 weeks,
     * grouped by week, 30 times (after 5 untimed). It ends on the Thursday of the last week, as a
     * query up to today does mid-week: 51 weeks are read whole, the last one day by day (three
     * session days, each with its sessions and three exercises). Connects as the service's role.
     */
    private static double[] adherenceQuery(String url, PostgresServer.Login login, int first, int last)
            throws SQLException {
        LocalDate firstWeek = LocalDate.of(2025, 1, 6);
        LocalDate lastWeek = firstWeek.plusWeeks(WEEKS - 1);
        String patients = "generate_series(" + first + ", " + last + ") p";
        try (Connection db = DriverManager.getConnection(url, login.username(), login.password())) {
            try (Statement seed = db.createStatement()) {
                seed.execute(
                        "INSERT INTO adherence_week (patient_id, week_start, clinic_id, template_id, sessions_scheduled, "
                                + "sessions_completed, sets_prescribed, sets_logged, pain_sum, pain_count, pain_peak) "
                                + "SELECT 'p-' || c || '-' || p, DATE '2025-01-06' + 7 * w, 'clinic-' || c, 'template-' || (p % 5), 3, "
                                + "(p + w) % 4, 30, (p * w) % 31, (p + w) % 40, 10, (p + w) % 8 "
                                + "FROM generate_series(1, 2) c, " + patients + ", generate_series(0, "
                                + (WEEKS - 1) + ") w ON CONFLICT DO NOTHING");
                seed.execute("INSERT INTO adherence_day (patient_id, day, exercise_id, clinic_id, template_id, "
                        + "sessions_scheduled, sessions_completed, sets_prescribed, sets_logged, pain_sum, pain_count, pain_peak) "
                        + "SELECT 'p-' || c || '-' || p, DATE '" + lastWeek + "' + d, x, 'clinic-' || c, "
                        + "CASE WHEN x = '' THEN 'template-' || (p % 5) ELSE '' END, CASE WHEN x = '' THEN 1 ELSE 0 END, "
                        + "CASE WHEN x = '' THEN (p + d) % 2 ELSE 0 END, CASE WHEN x = '' THEN 0 ELSE 10 END, "
                        + "CASE WHEN x = '' THEN 0 ELSE (p * d) % 11 END, CASE WHEN x = '' THEN 0 ELSE (p + d) % 13 END, "
                        + "CASE WHEN x = '' THEN 0 ELSE 3 END, CASE WHEN x = '' THEN NULL ELSE (p + d) % 8 END "
                        + "FROM generate_series(1, 2) c, " + patients + ", unnest(ARRAY[0, 2, 4]) d, "
                        + "unnest(ARRAY['', 'exercise-1', 'exercise-2', 'exercise-3']) x ON CONFLICT DO NOTHING");
                seed.execute("ANALYZE adherence_week");
                seed.execute("ANALYZE adherence_day");
            }
            // The SQL of AdherenceReadModel.summary(clinics, due, WEEK) for one clinic and a period ending mid-week.
            String sums =
                    "sum(sessions_scheduled)::bigint, sum(sessions_completed)::bigint, sum(sets_prescribed)::bigint, "
                            + "sum(sets_logged)::bigint, sum(pain_sum)::bigint, sum(pain_count)::bigint, max(pain_peak)";
            String sql = "SELECT week_start::text AS k, sum(patients)::bigint, sum(sessions_scheduled)::bigint, "
                    + "sum(sessions_completed)::bigint, sum(sets_prescribed)::bigint, sum(sets_logged)::bigint, "
                    + "sum(pain_sum)::bigint, sum(pain_count)::bigint, max(pain_peak) FROM (SELECT week_start, "
                    + "sum(patients) AS patients, sum(sessions_scheduled) AS sessions_scheduled, "
                    + "sum(sessions_completed) AS sessions_completed, sum(sets_prescribed) AS sets_prescribed, "
                    + "sum(sets_logged) AS sets_logged, sum(pain_sum) AS pain_sum, sum(pain_count) AS pain_count, "
                    + "max(pain_peak) AS pain_peak FROM adherence_clinic_week WHERE week_start BETWEEN ? AND ? "
                    + "AND clinic_id IN (?) GROUP BY clinic_id, week_start HAVING sum(patients) > 0) AS c "
                    + "GROUP BY k UNION ALL "
                    + "SELECT CAST(? AS date)::text, count(DISTINCT patient_id), " + sums + " FROM adherence_day "
                    + "WHERE day BETWEEN ? AND ? AND clinic_id IN (?) HAVING count(*) > 0 ORDER BY k";
            double[] millis = new double[30];
            for (int run = -5; run < millis.length; run++) {
                long start = System.nanoTime();
                try (PreparedStatement query = db.prepareStatement(sql)) {
                    query.setObject(1, firstWeek);
                    query.setObject(2, lastWeek.minusWeeks(1));
                    query.setString(3, "clinic-1");
                    query.setObject(4, lastWeek);
                    query.setObject(5, lastWeek);
                    query.setObject(6, lastWeek.plusDays(3));
                    query.setString(7, "clinic-1");
                    try (ResultSet rows = query.executeQuery()) {
                        int weeks = 0;
                        while (rows.next()) {
                            weeks++;
                            if (rows.getLong(2) != last) {
                                throw new IllegalStateException(
                                        "expected " + last + " patients a week, got " + rows.getLong(2));
                            }
                        }
                        if (weeks != WEEKS) {
                            throw new IllegalStateException("expected " + WEEKS + " weeks, got " + weeks);
                        }
                    }
                }
                if (run >= 0) {
                    millis[run] = (System.nanoTime() - start) / 1e6;
                }
            }
            Arrays.sort(millis);
            return new double[] {
                millis[millis.length / 2], millis[(int) (millis.length * 0.95)], millis[millis.length - 1]
            };
        }
    }

    private static double seconds(Duration duration) {
        return Math.max(duration.toNanos(), 1) / 1e9;
    }
}

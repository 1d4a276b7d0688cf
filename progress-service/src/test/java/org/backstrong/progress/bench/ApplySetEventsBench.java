package org.backstrong.progress.bench;

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
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.backstrong.progress.event.Envelope;
import org.backstrong.progress.event.EventTypes;
import org.backstrong.progress.messaging.Topics;
import org.backstrong.testinfra.KafkaBroker;
import org.backstrong.testinfra.PostgresServer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * Measures how fast the packaged service applies SetCompleted events, next to two baselines
 * measured in the same run on the same machine: Kafka's own consumer performance tool reading
 * the same topic, and a batched JDBC insert of the same rows; then times the adherence query
 * for one clinic over 52 weeks (1,000 patients). Run by bench/apply-set-events.sh.
 */
public final class ApplySetEventsBench {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());
    private static final int PATIENTS = 1000;
    private static final int WEEKS = 52;

    public static void main(String[] args) throws Exception {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        Path serviceJar = Path.of(args.length > 1 ? args[1] : "target/quarkus-app/quarkus-run.jar");
        Path work = Files.createDirectories(Path.of("target/bench"));
        try (PostgresServer postgres = PostgresServer.start(work); KafkaBroker kafka = KafkaBroker.start(work, 6)) {
            postgres.createDatabase("progress");
            postgres.createDatabase("baseline");
            kafka.createTopics(6, Arrays.asList(Topics.ALL.split(",")));
            List<Map<String, Object>> sets = setEvents(events);
            produce(kafka.bootstrapServers(), sets);
            System.out.printf(Locale.ROOT, "%,d SetCompleted events for %,d patients in %s%n", events, PATIENTS,
                    Topics.SET_EVENTS);

            double kafkaTool = consumerPerformance(kafka.bootstrapServers(), events);
            double jdbc = batchedInsert(postgres.jdbcUrl("baseline"), postgres, sets);
            double service = service(serviceJar, postgres, kafka.bootstrapServers(), events, work);
            double[] query = adherenceQuery(postgres.jdbcUrl("progress"), postgres);

            System.out.println();
            System.out.println("== apply set events (events/s; higher is better) ==");
            System.out.printf(Locale.ROOT, "progress-service (consume, apply, commit)  %,10.0f   target >= 20,000%n", service);
            System.out.printf(Locale.ROOT, "baseline: Kafka ConsumerPerformance        %,10.0f%n", kafkaTool);
            System.out.printf(Locale.ROOT, "baseline: batched JDBC insert (500/batch)  %,10.0f%n", jdbc);
            System.out.println("== adherence query, one clinic, 52 weeks, 1,000 patients (ms) ==");
            System.out.printf(Locale.ROOT, "median %.1f  p95 %.1f  max %.1f   target < 50%n", query[0], query[1], query[2]);
        }
    }

    private static List<Map<String, Object>> setEvents(int count) {
        List<Map<String, Object>> sets = new ArrayList<>(count);
        LocalDate monday = LocalDate.of(2026, 1, 5);
        for (int i = 0; i < count; i++) {
            int patient = i % PATIENTS;
            int round = i / PATIENTS;
            LocalDate day = monday.plusDays((round / 3) * 2L);
            OffsetDateTime at = day.atTime(7, 0).atOffset(ZoneOffset.UTC).plusSeconds(round % 3 * 120L);
            sets.add(Map.ofEntries(Map.entry("setId", UUID.randomUUID().toString()),
                    Map.entry("patientId", patientId(patient)), Map.entry("clinicId", "bench-clinic"),
                    Map.entry("planId", new UUID(0, patient).toString()), Map.entry("itemId", new UUID(1, patient).toString()),
                    Map.entry("exerciseId", "dumbbell-row"), Map.entry("sessionDate", day.toString()),
                    Map.entry("setNumber", round % 3 + 1), Map.entry("reps", 10), Map.entry("loadKg", new BigDecimal("10.0")),
                    Map.entry("rir", 2), Map.entry("pain", i % 4), Map.entry("beyondNormalFatigue", false),
                    Map.entry("loggedAt", at.toString())));
        }
        return sets;
    }

    private static String patientId(int patient) {
        return new UUID(0x5EED, patient).toString();
    }

    private static void produce(String bootstrap, List<Map<String, Object>> sets) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 5, ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024),
                new StringSerializer(), new StringSerializer())) {
            for (Map<String, Object> set : sets) {
                String patient = (String) set.get("patientId");
                ProducerRecord<String, String> record = new ProducerRecord<>(Topics.SET_EVENTS, patient,
                        JSON.writeValueAsString(set));
                header(record, Envelope.SPECVERSION, Envelope.SPEC_VERSION);
                header(record, Envelope.ID, UUID.randomUUID().toString());
                header(record, Envelope.TYPE, EventTypes.SET_COMPLETED);
                header(record, Envelope.SOURCE, "/planner-service");
                header(record, Envelope.SUBJECT, patient);
                header(record, Envelope.TIME, (String) set.get("loggedAt"));
                header(record, Envelope.CONTENT_TYPE, "application/json");
                producer.send(record);
            }
            producer.flush();
        }
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    /** Kafka's own tool, on the broker's classpath, reading the same topic from the start. */
    private static double consumerPerformance(String bootstrap, int events) throws Exception {
        String classpath;
        try (InputStream list = KafkaBroker.class.getClassLoader().getResourceAsStream(KafkaBroker.CLASSPATH_RESOURCE)) {
            classpath = new String(list.readAllBytes(), StandardCharsets.UTF_8).strip();
        }
        Process tool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                classpath, "org.apache.kafka.tools.ConsumerPerformance", "--bootstrap-server", bootstrap, "--topic",
                Topics.SET_EVENTS, "--messages", Integer.toString(events), "--group", "bench-" + UUID.randomUUID(),
                "--hide-header").redirectErrorStream(false).start();
        String out = new String(tool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        tool.waitFor(5, TimeUnit.MINUTES);
        // start.time, end.time, data.consumed.in.MB, MB.sec, data.consumed.in.nMsg, nMsg.sec, ...
        String last = out.strip().lines().reduce((a, b) -> b).orElseThrow(() -> new IllegalStateException("no output"));
        return Double.parseDouble(last.split(",\\s*")[5]);
    }

    /** The same rows as the service stores, inserted with JDBC batches of 500, one commit per batch. */
    private static double batchedInsert(String url, PostgresServer postgres, List<Map<String, Object>> sets)
            throws SQLException {
        try (Connection db = DriverManager.getConnection(url, postgres.username(), postgres.password())) {
            try (Statement ddl = db.createStatement()) {
                ddl.execute("CREATE TABLE logged_set (set_id uuid PRIMARY KEY, patient_id text NOT NULL, clinic_id text "
                        + "NOT NULL, plan_id uuid NOT NULL, item_id uuid NOT NULL, exercise_id text NOT NULL, session_date "
                        + "date NOT NULL, set_number integer NOT NULL, reps integer, load_kg numeric(7,2), rir integer, pain "
                        + "integer NOT NULL, beyond_normal_fatigue boolean NOT NULL, logged_at timestamptz NOT NULL)");
            }
            db.setAutoCommit(false);
            Instant start = Instant.now();
            try (PreparedStatement insert = db.prepareStatement("INSERT INTO logged_set VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
                int n = 0;
                for (Map<String, Object> set : sets) {
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
                    insert.setTimestamp(14, Timestamp.from(OffsetDateTime.parse((String) set.get("loggedAt")).toInstant()));
                    insert.addBatch();
                    if (++n % 500 == 0) {
                        insert.executeBatch();
                        db.commit();
                    }
                }
                insert.executeBatch();
                db.commit();
            }
            return sets.size() / seconds(Duration.between(start, Instant.now()));
        }
    }

    /**
     * The packaged service against the same broker and a fresh database: events/s from its first
     * applied event to its last (start-up excluded), read from processed_event.
     */
    private static double service(Path jar, PostgresServer postgres, String bootstrap, int events, Path work)
            throws Exception {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-jar", jar.toAbsolutePath().toString())
                .redirectErrorStream(true).redirectOutput(work.resolve("service.log").toFile());
        Map<String, String> env = builder.environment();
        env.put("QUARKUS_DATASOURCE_JDBC_URL", postgres.jdbcUrl("progress"));
        env.put("QUARKUS_DATASOURCE_USERNAME", postgres.username());
        env.put("QUARKUS_DATASOURCE_PASSWORD", postgres.password());
        env.put("KAFKA_BOOTSTRAP_SERVERS", bootstrap);
        env.put("QUARKUS_HTTP_PORT", "0");
        env.put("QUARKUS_OIDC_TENANT_ENABLED", "false");
        env.put("BACKSTRONG_PSEUDONYM_KEY", "bench-only");
        env.put("QUARKUS_LOG_CATEGORY__ORG_BACKSTRONG__LEVEL", "WARN");
        Process service = builder.start();
        try (Connection db = waitForSchema(postgres)) {
            Instant deadline = Instant.now().plus(Duration.ofMinutes(10));
            while (true) {
                try (Statement count = db.createStatement();
                        ResultSet result = count.executeQuery("SELECT count(*), min(processed_at), max(processed_at) FROM processed_event")) {
                    result.next();
                    long applied = result.getLong(1);
                    if (applied >= events) {
                        Duration took = Duration.between(result.getObject(2, OffsetDateTime.class),
                                result.getObject(3, OffsetDateTime.class));
                        return applied / seconds(took);
                    }
                    if (!service.isAlive() || Instant.now().isAfter(deadline)) {
                        throw new IllegalStateException("The service applied " + applied + " of " + events
                                + " events; see " + work.resolve("service.log"));
                    }
                }
                Thread.sleep(250);
            }
        } finally {
            service.destroy();
            service.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private static Connection waitForSchema(PostgresServer postgres) throws Exception {
        Connection db = DriverManager.getConnection(postgres.jdbcUrl("progress"), postgres.username(), postgres.password());
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

    /**
     * A year of adherence for 1,000 patients of one clinic (plus as many in another clinic), then
     * the query GET /adherence runs for one clinic over 52 weeks, grouped by week, 30 times.
     */
    private static double[] adherenceQuery(String url, PostgresServer postgres) throws SQLException {
        try (Connection db = DriverManager.getConnection(url, postgres.username(), postgres.password())) {
            try (Statement seed = db.createStatement()) {
                seed.execute("INSERT INTO adherence_week (patient_id, week_start, clinic_id, template_id, sessions_scheduled, "
                        + "sessions_completed, sets_prescribed, sets_logged, pain_sum, pain_count, pain_peak) "
                        + "SELECT 'p-' || c || '-' || p, DATE '2025-01-06' + 7 * w, 'clinic-' || c, 'template-' || (p % 5), 3, "
                        + "(p + w) % 4, 30, (p * w) % 31, (p + w) % 40, 10, (p + w) % 8 "
                        + "FROM generate_series(1, 2) c, generate_series(1, " + PATIENTS + ") p, generate_series(0, "
                        + (WEEKS - 1) + ") w ON CONFLICT DO NOTHING");
                seed.execute("ANALYZE adherence_week");
            }
            String sql = "SELECT week_start::text AS k, count(*), sum(sessions_scheduled)::bigint, "
                    + "sum(sessions_completed)::bigint, sum(sets_prescribed)::bigint, sum(sets_logged)::bigint, "
                    + "sum(pain_sum)::bigint, sum(pain_count)::bigint, max(pain_peak) FROM adherence_week "
                    + "WHERE week_start BETWEEN ? AND ? AND clinic_id = ? GROUP BY k ORDER BY k";
            // The same SQL as AdherenceRepository.summary(clinic, from, to, WEEK).
            double[] millis = new double[30];
            for (int run = -5; run < millis.length; run++) {
                long start = System.nanoTime();
                try (PreparedStatement query = db.prepareStatement(sql)) {
                    query.setObject(1, LocalDate.of(2025, 1, 6));
                    query.setObject(2, LocalDate.of(2025, 1, 6).plusWeeks(WEEKS - 1));
                    query.setString(3, "clinic-1");
                    try (ResultSet rows = query.executeQuery()) {
                        int weeks = 0;
                        while (rows.next()) {
                            weeks++;
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
            return new double[] { millis[millis.length / 2], millis[(int) (millis.length * 0.95)], millis[millis.length - 1] };
        }
    }

    private static double seconds(Duration duration) {
        return Math.max(duration.toNanos(), 1) / 1e9;
    }

}

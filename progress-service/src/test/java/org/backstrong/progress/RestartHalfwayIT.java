package org.backstrong.progress;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import org.backstrong.progress.event.EventTypes;
import org.backstrong.progress.messaging.Topics;
import org.backstrong.testinfra.KafkaBroker;
import org.backstrong.testinfra.PostgresServer;

/**
 * The packaged service, killed halfway through a stream and started again, ends exactly where one
 * uninterrupted run ends. One patient's stream (ThreeWeekScenario) is applied without a break; a
 * second patient's same stream is applied halfway, then the service is killed (SIGKILL: no
 * graceful shutdown, no last offset commit) and the consumer group's offsets are wound back to
 * before that half, which is what a crash between a batch's database commit and its offset commit
 * leaves behind. A new service process re-reads the half it had applied, then the rest arrives.
 * Every decision, flag, set, session, check-in, adherence row and published event of the two
 * patients must match, and match the known numbers.
 */
class RestartHalfwayIT {

    private static final Path WORK = Path.of("target/restart-halfway");
    private static final Path SERVICE_JAR = Path.of("target/quarkus-app/quarkus-run.jar");
    private static final Duration WAIT = Duration.ofSeconds(120);

    @Test
    void aServiceKilledHalfwayAndStartedAgainEndsWhereAnUninterruptedRunEnds() throws Exception {
        assertTrue(Files.exists(SERVICE_JAR), "package the service first (mvn verify does): " + SERVICE_JAR);
        try (PostgresServer postgres = PostgresServer.start(WORK);
                KafkaBroker kafka = KafkaBroker.start(WORK, 6)) {
            // The service connects as its database's owner, no superuser, as in deploy/local.
            PostgresServer.Login owner = postgres.createOwnedDatabase("progress");
            kafka.createTopics(6, Arrays.asList(Topics.ALL.split(",")));
            String bootstrap = kafka.bootstrapServers();

            ThreeWeekScenario uninterrupted = new ThreeWeekScenario();
            ThreeWeekScenario interrupted = new ThreeWeekScenario();
            List<EventStream.Sent> firstHalf = firstHalf(interrupted);
            List<EventStream.Sent> secondHalf = interrupted
                    .stream
                    .records()
                    .subList(firstHalf.size(), interrupted.stream.records().size());

            Process first = startService(postgres, owner, bootstrap, "service-1.log");
            Map<TopicPartition, OffsetAndMetadata> beforeTheHalf;
            try {
                // As in life (and EventReplayTest), the plan is known before the patient logs anything.
                uninterrupted.stream.sendTo(bootstrap, Topics.PLAN_EVENTS);
                awaitNothingBehind(bootstrap);
                uninterrupted.stream.sendTo(bootstrap, Topics.SET_EVENTS);
                awaitNothingBehind(bootstrap);
                beforeTheHalf = committed(bootstrap);

                EventStream.send(bootstrap, firstHalf.get(0));
                awaitNothingBehind(bootstrap);
                firstHalf.subList(1, firstHalf.size()).forEach(sent -> EventStream.send(bootstrap, sent));
                awaitNothingBehind(bootstrap);
                assertEquals(
                        2,
                        count(
                                postgres,
                                owner,
                                "SELECT count(*) FROM decision WHERE patient_id = ?",
                                interrupted.patient),
                        "the first half decided the first session");
            } finally {
                first.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }

            windBack(bootstrap, beforeTheHalf);
            assertEquals(
                    firstHalf.size(),
                    ConsumerLag.behind(bootstrap),
                    "after the crash the first half counts as not yet read");

            Process second = startService(postgres, owner, bootstrap, "service-2.log");
            try {
                // The new process reads the first half again (and commits it) before the rest arrives.
                awaitNothingBehind(bootstrap);
                secondHalf.forEach(sent -> EventStream.send(bootstrap, sent));
                awaitNothingBehind(bootstrap);

                Outcomes expected = outcomes(postgres, owner, uninterrupted.patient);
                Outcomes actual = outcomes(postgres, owner, interrupted.patient);
                assertEquals(expected, actual);
                assertTheKnownNumbers(actual);
            } finally {
                second.destroy();
                if (!second.waitFor(30, TimeUnit.SECONDS)) {
                    second.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            }
        }
    }

    /** The plan and the first half of the set events (the first session, its check-in, part of the second). */
    private static List<EventStream.Sent> firstHalf(ThreeWeekScenario scenario) {
        List<EventStream.Sent> all = scenario.stream.records();
        int half = all.size() / 2;
        assertEquals(EventTypes.PLAN_ASSIGNED, all.get(0).type());
        return all.subList(0, half);
    }

    /** The numbers EventReplayTest knows for this stream, so that two equally wrong runs do not pass. */
    private static void assertTheKnownNumbers(Outcomes actual) {
        assertEquals(
                List.of(
                        "2026-03-02 dumbbell-row FIRST_WEEK_START_LIGHT",
                        "2026-03-02 side-plank FIRST_WEEK_START_LIGHT",
                        "2026-03-09 dumbbell-row ADD_SET",
                        "2026-03-09 side-plank LONGER_HOLD",
                        "2026-03-11 dumbbell-row WATCH_FLAG_OPEN",
                        "2026-03-11 side-plank WATCH_FLAG_OPEN",
                        "2026-03-13 dumbbell-row STOP_FLAG_OPEN",
                        "2026-03-13 side-plank WATCH_FLAG_OPEN"),
                actual.rules());
        assertEquals(List.of("WATCH MORNING_PAIN_ROSE", "STOP PAIN_ABOVE_FIVE"), actual.flagRules());
        // week, sessions scheduled and completed, sets prescribed and logged
        assertEquals(List.of("2026-03-02 3 1 15 5", "2026-03-09 3 2 17 13", "2026-03-16 3 0 18 0"), actual.weeks());
        assertEquals(
                List.of(EventTypes.PAIN_FLAGGED + " 2", EventTypes.PROGRESSION_ADJUSTED + " 2"), actual.published());
        assertEquals(18, actual.sets().size());
        assertEquals(4, actual.sessions().size());
        assertEquals(2, actual.checkIns().size());
    }

    /** Everything the stream leaves for one patient, without the ids that differ between two patients. */
    record Outcomes(
            List<String> rules,
            List<String> decisions,
            List<String> flagRules,
            List<String> flags,
            List<String> sets,
            List<String> sessions,
            List<String> checkIns,
            List<String> weeks,
            List<String> adherenceWeeks,
            List<String> adherenceExerciseWeeks,
            List<String> published) {}

    private static Outcomes outcomes(PostgresServer postgres, PostgresServer.Login owner, String patient)
            throws Exception {
        try (Connection db = connect(postgres, owner)) {
            return new Outcomes(
                    rows(
                            db,
                            "SELECT session_date || ' ' || exercise_id || ' ' || rule FROM decision WHERE patient_id = ? "
                                    + "ORDER BY session_date, exercise_id",
                            patient),
                    rows(
                            db,
                            "SELECT (to_jsonb(t) - 'id' - 'patient_id' - 'clinic_id' - 'plan_id' - 'item_id' "
                                    + "- 'source_event_id')::text FROM decision t WHERE patient_id = ? ORDER BY session_date, exercise_id",
                            patient),
                    rows(
                            db,
                            "SELECT severity || ' ' || rule FROM pain_flag WHERE patient_id = ? ORDER BY raised_at",
                            patient),
                    rows(
                            db,
                            "SELECT (to_jsonb(t) - 'id' - 'patient_id' - 'clinic_id' - 'plan_id' - 'item_id')::text "
                                    + "FROM pain_flag t WHERE patient_id = ? ORDER BY raised_at",
                            patient),
                    rows(
                            db,
                            "SELECT (to_jsonb(t) - 'set_id' - 'patient_id' - 'clinic_id' - 'plan_id' - 'item_id')::text "
                                    + "FROM logged_set t WHERE patient_id = ? ORDER BY session_date, exercise_id, set_number",
                            patient),
                    rows(
                            db,
                            "SELECT (to_jsonb(t) - 'patient_id' - 'clinic_id' - 'plan_id')::text "
                                    + "FROM session_completion t WHERE patient_id = ? ORDER BY session_date",
                            patient),
                    rows(
                            db,
                            "SELECT (to_jsonb(t) - 'checkin_id' - 'patient_id' - 'clinic_id')::text "
                                    + "FROM morning_checkin t WHERE patient_id = ? ORDER BY checkin_date",
                            patient),
                    rows(
                            db,
                            "SELECT week_start || ' ' || sessions_scheduled || ' ' || sessions_completed || ' ' "
                                    + "|| sets_prescribed || ' ' || sets_logged FROM adherence_week WHERE patient_id = ? "
                                    + "ORDER BY week_start",
                            patient),
                    rows(
                            db,
                            "SELECT (to_jsonb(t) - 'patient_id' - 'clinic_id')::text FROM adherence_week t "
                                    + "WHERE patient_id = ? ORDER BY week_start",
                            patient),
                    rows(
                            db,
                            "SELECT (to_jsonb(t) - 'patient_id' - 'clinic_id')::text FROM adherence_exercise_week t "
                                    + "WHERE patient_id = ? ORDER BY week_start, exercise_id",
                            patient),
                    rows(
                            db,
                            "SELECT event_type || ' ' || count(*) FROM outbox_event WHERE event_key = ? "
                                    + "GROUP BY event_type ORDER BY event_type",
                            patient));
        }
    }

    private static List<String> rows(Connection db, String sql, String patient) throws Exception {
        try (PreparedStatement query = db.prepareStatement(sql)) {
            query.setString(1, patient);
            try (ResultSet result = query.executeQuery()) {
                List<String> rows = new ArrayList<>();
                while (result.next()) {
                    rows.add(result.getString(1));
                }
                return rows;
            }
        }
    }

    private static long count(PostgresServer postgres, PostgresServer.Login owner, String sql, String patient)
            throws Exception {
        try (Connection db = connect(postgres, owner)) {
            return Long.parseLong(rows(db, sql, patient).get(0));
        }
    }

    private static Connection connect(PostgresServer postgres, PostgresServer.Login owner) throws Exception {
        return DriverManager.getConnection(postgres.jdbcUrl("progress"), owner.username(), owner.password());
    }

    /**
     * The packaged service as it runs in production (prod profile), without OIDC (no REST calls here);
     * a short session timeout so that the group notices a killed member within seconds.
     */
    private static Process startService(
            PostgresServer postgres, PostgresServer.Login owner, String bootstrap, String log) throws Exception {
        Files.createDirectories(WORK);
        List<String> command = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx384m"));
        for (String channel : List.of(Topics.PLAN_EVENTS_IN, Topics.SET_EVENTS_IN)) {
            command.add("-Dmp.messaging.incoming." + channel + ".session.timeout.ms=6000");
            command.add("-Dmp.messaging.incoming." + channel + ".heartbeat.interval.ms=1000");
        }
        command.addAll(List.of("-jar", SERVICE_JAR.toAbsolutePath().toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(WORK.resolve(log).toFile());
        Map<String, String> env = builder.environment();
        env.put("QUARKUS_DATASOURCE_JDBC_URL", postgres.jdbcUrl("progress"));
        env.put("QUARKUS_DATASOURCE_USERNAME", owner.username());
        env.put("QUARKUS_DATASOURCE_PASSWORD", owner.password());
        env.put("KAFKA_BOOTSTRAP_SERVERS", bootstrap);
        env.put("QUARKUS_HTTP_PORT", "0");
        env.put("QUARKUS_MANAGEMENT_PORT", "0");
        env.put("QUARKUS_OIDC_TENANT_ENABLED", "false");
        env.put("BACKSTRONG_PSEUDONYM_KEY", "restart-test-only");
        return builder.start();
    }

    /** Offsets are committed only after a batch's transaction: nothing behind means everything sent was applied. */
    private static void awaitNothingBehind(String bootstrap) {
        await().atMost(WAIT)
                .pollInterval(Duration.ofMillis(500))
                .ignoreExceptions()
                .untilAsserted(() -> assertEquals(0, ConsumerLag.behind(bootstrap)));
    }

    private static Map<TopicPartition, OffsetAndMetadata> committed(String bootstrap) throws Exception {
        try (Admin admin = admin(bootstrap)) {
            return admin.listConsumerGroupOffsets(Topics.CONSUMER_GROUP)
                    .partitionsToOffsetAndMetadata()
                    .get(30, TimeUnit.SECONDS);
        }
    }

    /**
     * What a crash after the database commit and before the offset commit leaves: the group's
     * offsets where they were before the first half. Possible once the killed members have left.
     */
    private static void windBack(String bootstrap, Map<TopicPartition, OffsetAndMetadata> offsets) throws Exception {
        try (Admin admin = admin(bootstrap)) {
            await().atMost(WAIT)
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> admin.describeConsumerGroups(List.of(Topics.CONSUMER_GROUP))
                                    .all()
                                    .get(30, TimeUnit.SECONDS)
                                    .get(Topics.CONSUMER_GROUP)
                                    .groupState()
                            == GroupState.EMPTY);
            // A partition without a committed offset then had nothing in it: back to its start.
            Map<TopicPartition, OffsetAndMetadata> back = admin
                    .describeTopics(List.of(Topics.PLAN_EVENTS, Topics.SET_EVENTS))
                    .allTopicNames()
                    .get(30, TimeUnit.SECONDS)
                    .values()
                    .stream()
                    .flatMap(topic ->
                            topic.partitions().stream().map(p -> new TopicPartition(topic.name(), p.partition())))
                    .collect(Collectors.toMap(
                            partition -> partition,
                            partition -> offsets.getOrDefault(partition, new OffsetAndMetadata(0))));
            admin.alterConsumerGroupOffsets(Topics.CONSUMER_GROUP, back).all().get(30, TimeUnit.SECONDS);
        }
    }

    private static Admin admin(String bootstrap) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
    }
}

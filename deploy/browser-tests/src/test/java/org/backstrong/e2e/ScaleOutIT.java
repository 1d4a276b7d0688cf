package org.backstrong.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

import org.backstrong.e2e.FaultSuiteIT.Checker;
import org.backstrong.e2e.FaultSuiteIT.Observation;
import org.backstrong.e2e.LoadPatients.Item;
import org.backstrong.e2e.LoadPatients.Patient;
import org.backstrong.e2e.SetTraffic.Fate;
import org.backstrong.e2e.SetTraffic.LoggedSet;
import org.backstrong.e2e.SetTraffic.PhaseLoad;
import org.backstrong.e2e.browser.DesktopWindow;
import org.backstrong.e2e.pages.AppPage;
import org.backstrong.e2e.pages.ClinicPatientPage;
import org.backstrong.e2e.pages.ScreeningPage;
import org.backstrong.e2e.stack.LocalStack;

/**
 * Two instances of each service on one machine, against the same PostgreSQL, Kafka and Keycloak
 * (`backstrong up --instances 2` on the tier's running stack): progress's partitions split between
 * its two instances, one outbox relay leads per service, one patient's sets logged alternately
 * through both planners reach Kafka (and so progress) in the order they were logged, and a page of
 * planner 1 posts with its anti-forgery token to planner 2. Then, with patients logging sets through
 * both planners, the leading planner and progress instances and a catalog are killed (kill -9): the
 * survivors take the lead and the partitions, the phones of the dead planner turn to the live one,
 * and nothing acknowledged is lost or applied twice. Runs after the other classes but before
 * {@link FaultSuiteIT} (it adds and kills instances) and leaves one instance of each running.
 */
@BrowserTest
@DesktopWindow
@Order(Integer.MAX_VALUE - 2)
class ScaleOutIT {

    static final int LOAD_PATIENTS = 20;
    static final int PARTITIONS = 6;
    /** progress reads set-events with two consumers per instance (the channel's copies), the rest with one. */
    static final int SET_EVENTS_CONSUMERS = 2;

    static final int ORDERED_SETS = 12;

    static final Duration BEFORE_FAULT = Duration.ofSeconds(6);
    static final Duration AFTER_FAULT = Duration.ofSeconds(6);
    static final Duration DRAIN = Duration.ofSeconds(45);
    /** Kafka notices a consumer killed with -9 only when its session times out (45 s by default). */
    static final Duration TAKEOVER = Duration.ofSeconds(120);

    static final String SET_COMPLETED = "backstrong.set.completed.v1";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    @Test
    void twoInstancesOfEachServiceShareTheWorkAndTheSurvivorsTakeOverAfterAKill(LocalStack stack, WebDriver browser)
            throws Exception {
        long t0 = System.nanoTime();
        List<Patient> patients = LoadPatients.create(stack, "scale", "66666666-6666-4666-8666-", LOAD_PATIENTS + 1);
        List<Patient> load = patients.subList(0, LOAD_PATIENTS);
        Patient orderly = patients.get(LOAD_PATIENTS);
        log("%d patients enrolled with plans and tokens in %ds", patients.size(), seconds(t0));
        Set<String> killed = new LinkedHashSet<>();
        try {
            long scaleFrom = System.nanoTime();
            stack.scaleOut();
            log("second instances of catalog, planner and progress ready in %ds", seconds(scaleFrom));

            // One relay leads per service; the other instance stands by.
            String plannerLeader = awaitOneLeader(stack, "planner-service");
            String progressLeader = awaitOneLeader(stack, "progress-service");
            log("relay leaders: %s, %s", plannerLeader, progressLeader);

            // The consumer groups split the partitions between the two instances.
            Map<String, Set<Integer>> setEvents =
                    awaitSplit(stack, "progress-service", "set-events", SET_EVENTS_CONSUMERS);
            Map<String, Set<Integer>> planEvents = awaitSplit(stack, "progress-service", "plan-events", 1);
            Map<String, Set<Integer>> progressEvents = awaitSplit(stack, "planner-service", "progress-events", 1);
            log("set-events among progress's members: %s", setEvents.values());
            log("plan-events among progress's members: %s", planEvents.values());
            log("progress-events among planner's members: %s", progressEvents.values());

            orderKeptThroughBothPlanners(stack, orderly);
            antiForgeryTokenOfOnePlannerHoldsOnTheOther(stack, browser);

            // Load through both planners; the leaders (and planner's catalog) are killed mid-load.
            String plannerSurvivor = other(plannerLeader);
            String progressSurvivor = other(progressLeader);
            String catalogVictim = plannerLeader.replace("planner-service", "catalog-service");
            Map<String, Duration> takeovers = new LinkedHashMap<>();
            PhaseLoad phase;
            try (SetTraffic traffic = new SetTraffic(List.of(stack.plannerUrl(), stack.planner2Url()), load)) {
                phase = traffic.run(
                        0,
                        BEFORE_FAULT,
                        () -> {
                            long killedAt = System.nanoTime();
                            for (String victim : List.of(plannerLeader, progressLeader, catalogVictim)) {
                                stack.kill(victim);
                                killed.add(victim);
                            }
                            log("killed (kill -9) %s mid-load", killed);
                            takeovers.putAll(awaitTakeover(
                                    stack, plannerSurvivor, progressSurvivor, setEvents, progressEvents, killedAt));
                        },
                        AFTER_FAULT,
                        DRAIN);
                log(
                        "load: %d sets sent, %d acknowledged (%s), %d refused (paused), %d unanswered, %.0f sets/s"
                                + " before the kill; phones turned to the other planner %d times",
                        phase.sent(),
                        phase.acknowledged(),
                        traffic.acknowledgedBy().entrySet().stream()
                                .collect(Collectors.toMap(
                                        e -> e.getKey().equals(stack.plannerUrl())
                                                ? "planner-service"
                                                : "planner-service-2",
                                        Map.Entry::getValue,
                                        Long::sum,
                                        TreeMap::new)),
                        phase.refusedPaused(),
                        phase.unanswered(),
                        phase.acknowledgedPerSecondBeforeFault(),
                        traffic.switchedPlanner());
                takeovers.forEach((what, took) -> log("takeover: %s %ds after the kill", what, took.toSeconds()));
                assertEquals(List.of(), traffic.testBugs(), "answers no phone should get");
                assertEquals(2, traffic.acknowledgedBy().size(), "both planners acknowledged sets");
                assertTrue(traffic.switchedPlanner() > 0, "the dead planner's phones turned to the live one");

                // Read back from the survivors only: nothing acknowledged lost, nothing applied twice.
                String plannerUrl = url(stack, plannerSurvivor);
                String progressUrl = url(stack, progressSurvivor);
                Checker checker = new Checker(
                        stack,
                        plannerUrl,
                        load,
                        Api.as(stack, "clara").on(plannerUrl, progressUrl),
                        Api.as(stack, "anna").on(plannerUrl, progressUrl));
                AtomicReference<Observation> seen = new AtomicReference<>();
                long settleFrom = System.nanoTime();
                Awaitility.await("the survivors hold every acknowledged set once")
                        .atMost(Duration.ofSeconds(90))
                        .pollDelay(Duration.ZERO)
                        .pollInterval(Duration.ofSeconds(2))
                        .ignoreExceptions()
                        .untilAsserted(() -> {
                            Observation now = checker.observe(traffic);
                            seen.set(now);
                            assertEquals(Set.of(), now.problems());
                        });
                Observation settled = seen.get();
                log(
                        "settled in %ds: stored %d, applied %d, adherence %d, lost %d, doubled %d, STOP flags"
                                + " %d/%d/%d, parked %d",
                        seconds(settleFrom),
                        settled.stored(),
                        settled.applied(),
                        settled.adherence(),
                        settled.lost(),
                        settled.doubled(),
                        settled.flagsExpected(),
                        settled.flagsRaised(),
                        settled.flagsApplied(),
                        settled.parked());
                int acknowledged = (int) traffic.ledger().stream()
                        .filter(set -> set.fate == Fate.ACKNOWLEDGED)
                        .count();
                assertTrue(settled.stored() >= acknowledged, "stored " + settled.stored() + " < acked " + acknowledged);
                assertEquals(settled.stored(), settled.applied(), "every stored set applied once in progress");

                for (String survivor : List.of(plannerSurvivor, progressSurvivor)) {
                    Awaitility.await(survivor + "'s outbox drains")
                            .atMost(Duration.ofSeconds(30))
                            .pollInterval(Duration.ofSeconds(1))
                            .ignoreExceptions()
                            .until(() -> gauge(stack, survivor, "backstrong_outbox_backlog") == 0);
                }
                orderKeptUnderLoad(stack, traffic);

                // The catalog that was not killed serves the exercises.
                String catalogSurvivor = other(catalogVictim);
                JsonNode exercises = Api.as(stack, "clara")
                        .getFrom((catalogSurvivor.endsWith("-2") ? stack.catalog2Url() : stack.catalogUrl())
                                + "/exercises");
                assertTrue(exercises.size() > 0, catalogSurvivor + " lists no exercises: " + exercises);
                log(
                        "%s serves the catalog (%d exercises) with %s dead",
                        catalogSurvivor, exercises.size(), catalogVictim);
            }
        } finally {
            restoreOneInstanceOfEach(stack, killed);
        }
        log("scale-out test took %ds", seconds(t0));
    }

    /** Exactly one instance's relay leads (gauge 1), the other's gauge is 0; returns the leader. */
    private static String awaitOneLeader(LocalStack stack, String service) {
        return Awaitility.await("one relay leader of " + service)
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(500))
                .ignoreExceptions()
                .until(
                        () -> {
                            double first = gauge(stack, service, "backstrong_outbox_relay_leader");
                            double second = gauge(stack, service + "-2", "backstrong_outbox_relay_leader");
                            if (first + second != 1) {
                                return null;
                            }
                            return first == 1 ? service : service + "-2";
                        },
                        leader -> leader != null);
    }

    /**
     * Waits until the consumers of both instances ({@code perInstance} each) share every partition of
     * the topic, each holding at least one; member id to partitions.
     */
    private static Map<String, Set<Integer>> awaitSplit(LocalStack stack, String group, String topic, int perInstance) {
        return Awaitility.await(topic + " split between the " + 2 * perInstance + " members of " + group)
                .atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofSeconds(1))
                .ignoreExceptions()
                .until(
                        () -> assignment(stack, group, topic),
                        members -> members.size() == 2 * perInstance && holdsAll(members));
    }

    /** Whether the members hold every partition of the topic between them. */
    private static boolean holdsAll(Map<String, Set<Integer>> members) {
        return members.values().stream().mapToInt(Set::size).sum() == PARTITIONS
                && members.values().stream().flatMap(Set::stream).distinct().count() == PARTITIONS;
    }

    /** The members of a consumer group that hold partitions of a topic, and which. */
    private static Map<String, Set<Integer>> assignment(LocalStack stack, String group, String topic) throws Exception {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap());
        try (Admin admin = Admin.create(config)) {
            ConsumerGroupDescription description = admin.describeConsumerGroups(List.of(group))
                    .all()
                    .get(30, TimeUnit.SECONDS)
                    .get(group);
            Map<String, Set<Integer>> members = new TreeMap<>();
            for (MemberDescription member : description.members()) {
                Set<Integer> partitions = member.assignment().topicPartitions().stream()
                        .filter(p -> p.topic().equals(topic))
                        .map(TopicPartition::partition)
                        .collect(Collectors.toCollection(TreeSet::new));
                if (!partitions.isEmpty()) {
                    members.put(member.consumerId(), partitions);
                }
            }
            return members;
        }
    }

    /**
     * After the kill: the survivors' relays take the lead, and the surviving instance's members, which
     * held partitions before, hold all of them (the killed instance's are gone). Returns how long each took.
     */
    private static Map<String, Duration> awaitTakeover(
            LocalStack stack,
            String plannerSurvivor,
            String progressSurvivor,
            Map<String, Set<Integer>> setEventsBefore,
            Map<String, Set<Integer>> progressEventsBefore,
            long killedAt) {
        Map<String, Duration> took = new LinkedHashMap<>();
        for (String survivor : List.of(plannerSurvivor, progressSurvivor)) {
            Awaitility.await(survivor + " takes the relay's lead")
                    .atMost(TAKEOVER)
                    .pollInterval(Duration.ofMillis(500))
                    .ignoreExceptions()
                    .until(() -> gauge(stack, survivor, "backstrong_outbox_relay_leader") == 1);
            took.put(survivor + " leads the relay", Duration.ofNanos(System.nanoTime() - killedAt));
        }
        for (Map.Entry<String, Map<String, Set<Integer>>> group : Map.of(
                        "progress-service", setEventsBefore, "planner-service", progressEventsBefore)
                .entrySet()) {
            boolean progress = group.getKey().equals("progress-service");
            String topic = progress ? "set-events" : "progress-events";
            int perInstance = progress ? SET_EVENTS_CONSUMERS : 1;
            Map<String, Set<Integer>> after = Awaitility.await(
                            "the survivor's " + perInstance + " member(s) of " + group.getKey() + " hold " + topic)
                    .atMost(TAKEOVER)
                    .pollInterval(Duration.ofSeconds(1))
                    .ignoreExceptions()
                    .until(
                            () -> assignment(stack, group.getKey(), topic),
                            members -> members.size() == perInstance && holdsAll(members));
            for (String member : after.keySet()) {
                assertTrue(
                        group.getValue().containsKey(member),
                        "the survivor " + member + " was one of the members before the kill: " + group.getValue());
            }
            took.put(
                    "all " + PARTITIONS + " " + topic + " partitions with the survivor of " + group.getKey(),
                    Duration.ofNanos(System.nanoTime() - killedAt));
        }
        return took;
    }

    /**
     * One patient's sets, logged one after another alternately through planner 1 and planner 2, leave
     * for Kafka in that order (the relay that leads publishes what both instances stored), and
     * progress applies each once.
     */
    private static void orderKeptThroughBothPlanners(LocalStack stack, Patient patient) {
        List<String> planners = List.of(stack.plannerUrl(), stack.planner2Url());
        List<String> logged = new ArrayList<>();
        LocalDate day = patient.startDate();
        int n = 0;
        outer:
        for (Item item : patient.items()) {
            for (int number = 1; number <= item.setsMax(); number++) {
                for (String side : item.perSide() ? List.of("left", "right") : sideless()) {
                    if (n == ORDERED_SETS) {
                        break outer;
                    }
                    String setId = UUID.randomUUID().toString();
                    HttpResponse<String> answer = post(
                            planners.get(n % 2) + "/me/sets",
                            patient.token(),
                            set(patient, item, day, number, side, setId));
                    assertEquals(201, answer.statusCode(), answer.body());
                    logged.add(setId);
                    n++;
                }
            }
        }
        List<String> published = Awaitility.await("the ordered sets on set-events")
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofSeconds(1))
                .until(
                        () -> firstOccurrences(setCompletedByPatient(stack, Set.of(patient.id()))
                                        .getOrDefault(patient.id(), List.of()))
                                .stream()
                                .filter(logged::contains)
                                .toList(),
                        ids -> ids.size() == logged.size());
        assertEquals(
                logged, published, "one patient's sets leave in the order they were logged, through either planner");

        Api clara = Api.as(stack, "clara");
        Awaitility.await("progress applies the ordered sets once each")
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofSeconds(1))
                .ignoreExceptions()
                .untilAsserted(() -> {
                    int applied = 0;
                    for (JsonNode session : clara.getFromProgress("/patients/" + patient.id() + "/timeline")
                            .path("sessions")) {
                        applied += session.path("sets").size();
                    }
                    assertEquals(ORDERED_SETS, applied, "sets applied in progress");
                });
        log(
                "%d sets of one patient logged alternately through both planners: on set-events in that order,"
                        + " applied once each",
                ORDERED_SETS);
    }

    /**
     * Under load and across the kill, each patient's acknowledged sets appear on set-events in the
     * order their phone had them acknowledged (a set sent again after a crash may appear twice; the
     * consumer applies it once).
     */
    private static void orderKeptUnderLoad(LocalStack stack, SetTraffic traffic) throws Exception {
        Map<String, List<LoggedSet>> acknowledged = new HashMap<>();
        traffic.ledger().stream()
                .filter(set -> set.fate == Fate.ACKNOWLEDGED)
                .forEach(set -> acknowledged
                        .computeIfAbsent(set.patient.id(), p -> new ArrayList<>())
                        .add(set));
        Map<String, List<String>> published = setCompletedByPatient(stack, acknowledged.keySet());
        int repeated = 0;
        for (Map.Entry<String, List<LoggedSet>> patient : acknowledged.entrySet()) {
            List<String> expected = patient.getValue().stream()
                    .sorted(Comparator.comparingLong(set -> set.acknowledgedAt))
                    .map(set -> set.setId.toString())
                    .toList();
            Set<String> ours = Set.copyOf(expected);
            List<String> onTopic = published.getOrDefault(patient.getKey(), List.of());
            repeated += onTopic.size() - firstOccurrences(onTopic).size();
            List<String> seen =
                    firstOccurrences(onTopic).stream().filter(ours::contains).toList();
            assertEquals(expected, seen, "patient " + patient.getKey() + "'s sets on set-events, in order");
        }
        log(
                "under load: every patient's acknowledged sets on set-events in their order (%d records sent twice by"
                        + " a relay cut short, applied once)",
                repeated);
    }

    /**
     * A form page fetched from planner 1 posts to planner 2 with its anti-forgery token (the key is
     * the stack's, the session cookie is read by either); a forged token is refused there.
     */
    private static void antiForgeryTokenOfOnePlannerHoldsOnTheOther(LocalStack stack, WebDriver browser) {
        Api clara = Api.as(stack, "clara");
        String patientId = clara.postToPlanner("/patients", """
                {"displayName": "Sam Scaled", "preExistingCondition": true}
                """, 201).path("id").asText();
        String screening = "/app/clinic/patients/" + patientId + "/screening";
        AppPage.signInAs(browser, stack, "clara");

        browser.get(stack.plannerUrl() + screening);
        ScreeningPage.expect(browser);
        JavascriptExecutor page = (JavascriptExecutor) browser;
        page.executeScript(
                "const form = document.querySelector('form[data-testid=screening-form]');"
                        + "form.action = arguments[0]; form.querySelector('input[name=csrf]').value = 'forged';"
                        + "form.submit();",
                stack.planner2Url() + screening);
        Awaitility.await("planner 2 refuses a forged token")
                .atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> browser.getCurrentUrl().startsWith(stack.planner2Url())
                        && browser.getPageSource().contains("anti-forgery token was missing or old"));

        browser.get(stack.plannerUrl() + screening);
        ScreeningPage.expect(browser);
        String token = browser.findElement(By.cssSelector("form[data-testid=screening-form] input[name=csrf]"))
                .getAttribute("value");
        assertFalse(token.isBlank(), "the form carries planner 1's anti-forgery token");
        page.executeScript(
                "document.querySelector('form[data-testid=screening-form]').action = arguments[0]",
                stack.planner2Url() + screening);
        ClinicPatientPage patient =
                ScreeningPage.expect(browser).clear(LocalDate.now().minusDays(1), "Dr Rivera, physiotherapist");
        assertTrue(
                browser.getCurrentUrl().startsWith(stack.planner2Url()),
                "the form was posted to planner 2: " + browser.getCurrentUrl());
        assertEquals("Screening saved.", patient.flash());
        assertTrue(patient.screening().contains("cleared on"), patient.screening());
        log("a screening form of planner 1 posted with its anti-forgery token to planner 2: saved; a forged one: 403");
    }

    /**
     * Starts again what was killed of the first instances (side by side: each start waits until its
     * instance is ready) and stops the second ones, as the other tests expect.
     */
    private static void restoreOneInstanceOfEach(LocalStack stack, Set<String> killed) throws InterruptedException {
        List<RuntimeException> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
        List<Thread> starts = new ArrayList<>();
        for (String instance : killed) {
            if (!instance.endsWith("-2")) {
                Thread start = new Thread(
                        () -> {
                            try {
                                stack.start(instance);
                            } catch (RuntimeException e) {
                                failures.add(e);
                            }
                        },
                        "start-" + instance);
                start.start();
                starts.add(start);
            }
        }
        for (Thread start : starts) {
            start.join();
        }
        for (String instance : List.of("planner-service-2", "progress-service-2", "catalog-service-2")) {
            try {
                stack.stop(instance);
            } catch (RuntimeException e) {
                failures.add(e);
            }
        }
        if (!failures.isEmpty()) {
            throw failures.get(0);
        }
        // The next test class may kill a service again: it must start from groups whose killed
        // members have left (Kafka drops them only after their session times out).
        // progress's one instance is three members of its group (two for set-events, one for
        // plan-events), planner's is one.
        awaitOneInstanceHoldsAll(
                stack, "progress-service", SET_EVENTS_CONSUMERS + 1, "set-events", SET_EVENTS_CONSUMERS);
        awaitOneInstanceHoldsAll(stack, "progress-service", SET_EVENTS_CONSUMERS + 1, "plan-events", 1);
        awaitOneInstanceHoldsAll(stack, "planner-service", 1, "progress-events", 1);
        log("back to one instance of each service");
    }

    /**
     * Waits until the group has just one instance's {@code members}, the topic's {@code holders} of them
     * holding every partition of it.
     */
    private static void awaitOneInstanceHoldsAll(
            LocalStack stack, String group, int members, String topic, int holders) {
        Awaitility.await("one instance of " + group + " holds all of " + topic)
                .atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofSeconds(1))
                .ignoreExceptions()
                .until(() -> {
                    Map<String, Set<Integer>> holding = assignment(stack, group, topic);
                    return memberCount(stack, group) == members && holding.size() == holders && holdsAll(holding);
                });
    }

    /** How many members the consumer group has, with or without partitions. */
    private static int memberCount(LocalStack stack, String group) throws Exception {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap());
        try (Admin admin = Admin.create(config)) {
            return admin.describeConsumerGroups(List.of(group))
                    .all()
                    .get(30, TimeUnit.SECONDS)
                    .get(group)
                    .members()
                    .size();
        }
    }

    /** Every SetCompleted on set-events of the given patients, by patient, in the topic's order (a key stays on one partition). */
    private static Map<String, List<String>> setCompletedByPatient(LocalStack stack, Set<String> patientIds) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        Map<String, List<String>> byPatient = new HashMap<>();
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (PartitionInfo partition : consumer.partitionsFor("set-events", Duration.ofSeconds(30))) {
                partitions.add(new TopicPartition("set-events", partition.partition()));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p, Duration.ofSeconds(30)) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("set-events could not be read to its end within 60 s");
                }
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.key() != null
                            && patientIds.contains(record.key())
                            && SET_COMPLETED.equals(DeadLetterWatch.header(record, "ce_type"))) {
                        byPatient
                                .computeIfAbsent(record.key(), k -> new ArrayList<>())
                                .add(JSON.readTree(record.value()).path("setId").asText());
                    }
                }
            }
        } catch (IOException e) {
            throw new AssertionError("an unreadable SetCompleted on set-events", e);
        }
        return byPatient;
    }

    private static List<String> firstOccurrences(List<String> ids) {
        return List.copyOf(new LinkedHashSet<>(ids));
    }

    /** A figure of one gauge in a service instance's /q/metrics. */
    private static double gauge(LocalStack stack, String instance, String name) throws Exception {
        HttpResponse<String> scrape = HTTP.send(
                HttpRequest.newBuilder(URI.create(stack.managementUrl(instance) + "/q/metrics"))
                        .timeout(Duration.ofSeconds(5))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, scrape.statusCode(), instance + " /q/metrics");
        Matcher line =
                Pattern.compile("(?m)^" + name + "(?:\\{[^}]*\\})? (\\S+)$").matcher(scrape.body());
        assertTrue(line.find(), name + " is not in " + instance + "'s metrics");
        return Double.parseDouble(line.group(1));
    }

    private static String other(String instance) {
        return instance.endsWith("-2") ? instance.substring(0, instance.length() - 2) : instance + "-2";
    }

    /** The API address of a planner or progress instance. */
    private static String url(LocalStack stack, String instance) {
        return switch (instance) {
            case "planner-service" -> stack.plannerUrl();
            case "planner-service-2" -> stack.planner2Url();
            case "progress-service" -> stack.progressUrl();
            case "progress-service-2" -> stack.progress2Url();
            default -> throw new IllegalArgumentException(instance);
        };
    }

    private static List<String> sideless() {
        List<String> none = new ArrayList<>();
        none.add(null);
        return none;
    }

    /** A set as the phone sends it, at the first week's dose. */
    private static String set(Patient patient, Item item, LocalDate day, int number, String side, String setId) {
        ObjectNode body = JSON.createObjectNode()
                .put("setId", setId)
                .put("planId", patient.planId())
                .put("itemId", item.itemId())
                .put("date", day.toString())
                .put("setNumber", number)
                .put("pain", 1)
                .put("beyondNormalFatigue", false);
        if (side != null) {
            body.put("side", side);
        }
        if (item.reps()) {
            body.put("reps", item.count()).put("rir", 2);
        } else {
            body.put("seconds", item.count()).put("rpe", 6);
        }
        if (item.loadKg() != null) {
            body.put("loadKg", new BigDecimal(item.loadKg()));
        }
        if (item.band() != null) {
            body.put("band", item.band());
        }
        return body.toString();
    }

    private static HttpResponse<String> post(String url, String token, String json) {
        try {
            return HTTP.send(
                    HttpRequest.newBuilder(URI.create(url))
                            .header("Authorization", "Bearer " + token)
                            .header("Content-Type", "application/json")
                            .header("Accept", "application/json")
                            .timeout(Duration.ofSeconds(30))
                            .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError("POST " + url + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static long seconds(long since) {
        return Duration.ofNanos(System.nanoTime() - since).toSeconds();
    }

    private static void log(String format, Object... args) {
        System.out.println("[scale-out] " + String.format(format, args));
    }
}

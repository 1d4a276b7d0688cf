package org.backstrong.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import org.backstrong.e2e.LoadPatients.Patient;
import org.backstrong.e2e.SetTraffic.Fate;
import org.backstrong.e2e.SetTraffic.LoggedSet;
import org.backstrong.e2e.SetTraffic.PhaseLoad;
import org.backstrong.e2e.SetTraffic.Slot;
import org.backstrong.e2e.stack.LocalStack;

/**
 * Nothing a patient logged is lost or counted twice, whatever breaks: 50 load patients log sets
 * steadily through planner; first with nothing broken (the baseline), then while, one after another, PostgreSQL, Kafka, progress-service and
 * planner-service are killed (kill -9) and started again, and progress's and planner's databases
 * refuse connections for 30 s. After each fault, once the system has settled: every acknowledged
 * set is stored once in planner and every stored set applied once in progress, progress's
 * adherence counts are the stored sets, every set above pain 5 has its STOP flag and its exercise
 * is paused in planner, and no good record waits on a dead-letter topic. Prints a table of it
 * all. Runs after every other class of the tier (it kills the stack's processes) and before
 * {@link DeadLettersIT}.
 */
@BrowserTest
@Order(Integer.MAX_VALUE - 1)
class FaultSuiteIT {

    static final int PATIENTS = 50;
    /** The load the suite claims, all patients together (the mean of the phases' seconds before their faults). */
    static final int MIN_SETS_PER_SECOND = 100;

    static final Duration OUTAGE = Duration.ofSeconds(30);
    static final Duration BEFORE_FAULT = Duration.ofSeconds(6);
    static final Duration AFTER_FAULT = Duration.ofSeconds(6);
    static final Duration DRAIN = Duration.ofSeconds(45);
    static final Duration SETTLE = Duration.ofSeconds(60);

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    /** One fault: what it is called in the table, and how it is done to the stack. */
    private record Fault(String name, FaultAction action) {}

    @FunctionalInterface
    private interface FaultAction {
        void apply(LocalStack stack) throws InterruptedException;
    }

    private static final List<Fault> FAULTS = List.of(
            // First the same load and checks with nothing broken: the JIT warms up, and the checks are seen to pass.
            new Fault("none (baseline)", stack -> {}),
            new Fault("PostgreSQL kill -9, restart", stack -> crash(stack, "postgres")),
            new Fault("Kafka kill -9, restart", FaultSuiteIT::brokerOutage),
            new Fault("progress-service kill -9, restart", stack -> crash(stack, "progress-service")),
            new Fault("planner-service kill -9, restart", stack -> crash(stack, "planner-service")),
            new Fault("progress DB refuses connections 30 s", stack -> outage(stack, "progress")),
            new Fault("planner DB refuses connections 30 s", stack -> outage(stack, "planner")));

    /** What the services hold of the load patients' sets at one moment, and what is wrong with it. */
    record Observation(
            int stored,
            int applied,
            long adherence,
            int lost,
            int doubled,
            int flagsExpected,
            int flagsRaised,
            int flagsApplied,
            int parked,
            Set<String> problems) {}

    /** One line of the table. */
    private record Row(
            String fault,
            PhaseLoad load,
            Observation seen,
            Duration settled,
            boolean settledInTime,
            Set<String> newProblems) {}

    @Test
    void nothingLoggedIsLostOrCountedTwiceWhateverBreaks(LocalStack stack) throws Exception {
        long t0 = System.nanoTime();
        List<Patient> patients = LoadPatients.create(stack, PATIENTS);
        log("%d load patients enrolled with plans and tokens in %ds", patients.size(), seconds(t0));
        Api clara = Api.as(stack, "clara");
        Api anna = Api.as(stack, "anna");
        Checker checker = new Checker(stack, stack.plannerUrl(), patients, clara, anna);
        List<Row> rows = new ArrayList<>();
        Set<String> known = new LinkedHashSet<>();
        try (SetTraffic traffic = new SetTraffic(stack, patients)) {
            for (int phase = 0; phase < FAULTS.size(); phase++) {
                Fault fault = FAULTS.get(phase);
                log("phase %d: %s", phase + 1, fault.name());
                PhaseLoad load = traffic.run(
                        phase,
                        BEFORE_FAULT,
                        () -> {
                            try {
                                fault.action().apply(stack);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                                throw new IllegalStateException(e);
                            }
                        },
                        AFTER_FAULT,
                        DRAIN);
                long settleFrom = System.nanoTime();
                AtomicReference<Observation> last = new AtomicReference<>();
                boolean inTime = true;
                try {
                    Awaitility.await("the system settles after: " + fault.name())
                            .atMost(SETTLE)
                            .pollDelay(Duration.ZERO)
                            .pollInterval(Duration.ofSeconds(2))
                            .ignoreExceptions()
                            .untilAsserted(() -> {
                                Observation seen = checker.observe(traffic);
                                last.set(seen);
                                Set<String> fresh = new TreeSet<>(seen.problems());
                                fresh.removeAll(known);
                                assertEquals(Set.of(), fresh, "new problems");
                            });
                } catch (ConditionTimeoutException e) {
                    inTime = false;
                    if (last.get() == null) {
                        last.set(checker.observe(traffic));
                    }
                }
                Set<String> fresh = new TreeSet<>(last.get().problems());
                fresh.removeAll(known);
                known.addAll(fresh);
                Row row = new Row(
                        fault.name(),
                        load,
                        last.get(),
                        Duration.ofNanos(System.nanoTime() - settleFrom),
                        inTime,
                        fresh);
                rows.add(row);
                log("%s", table(List.of(row)));
                fresh.stream().limit(12).forEach(problem -> log("  new problem: %s", problem));
            }
            String table = table(rows);
            log("fault suite: %d phases in %ds\n%s", FAULTS.size(), seconds(t0), table);
            assertEquals(List.of(), traffic.testBugs(), "answers no phone should get");
            List<String> failures = new ArrayList<>();
            for (Row row : rows) {
                if (!row.newProblems().isEmpty()) {
                    failures.add(row.fault() + ": " + row.newProblems().size() + " new problem(s), e.g. "
                            + row.newProblems().stream().limit(5).toList());
                }
            }
            assertTrue(
                    failures.isEmpty(),
                    "lost, doubled or unflagged sets, or parked records:\n" + String.join("\n", failures) + "\n"
                            + table);
            double overall = rows.stream()
                    .mapToDouble(row -> row.load().acknowledgedPerSecondBeforeFault())
                    .average()
                    .orElse(0);
            log("load before the faults: %.0f sets/s overall", overall);
            assertTrue(
                    overall >= MIN_SETS_PER_SECOND,
                    "the load before the faults was " + Math.round(overall) + " sets/s overall, below "
                            + MIN_SETS_PER_SECOND + "\n" + table);
        }
    }

    private static void crash(LocalStack stack, String component) {
        stack.kill(component);
        stack.start(component);
    }

    /**
     * While the broker is down every service stays ready (it can still do its job: sets are stored
     * and wait in the outbox), and says in its health details that Kafka does not answer.
     */
    private static void brokerOutage(LocalStack stack) {
        stack.kill("kafka");
        try {
            HttpClient http = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(2))
                    .build();
            for (String service : List.of("planner-service", "progress-service")) {
                String management = stack.managementUrl(service);
                Awaitility.await(service + " reports the broker down and stays ready")
                        .atMost(Duration.ofSeconds(20))
                        .pollInterval(Duration.ofMillis(500))
                        .ignoreExceptions()
                        .untilAsserted(() -> {
                            HttpResponse<String> well = http.send(
                                    HttpRequest.newBuilder(URI.create(management + "/q/health/well"))
                                            .build(),
                                    HttpResponse.BodyHandlers.ofString());
                            assertEquals(503, well.statusCode(), well.body());
                            assertTrue(well.body().contains("Kafka broker"), well.body());
                        });
                HttpResponse<String> ready = http.send(
                        HttpRequest.newBuilder(URI.create(management + "/q/health/ready"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(200, ready.statusCode(), service + " readiness with the broker down: " + ready.body());
            }
        } catch (IOException e) {
            throw new IllegalStateException("health not answered during the broker outage", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            stack.start("kafka");
        }
    }

    private static void outage(LocalStack stack, String database) throws InterruptedException {
        stack.refuseConnections(database);
        try {
            // The outage's length (not a wait for a result).
            Thread.sleep(OUTAGE.toMillis());
        } finally {
            stack.allowConnections(database);
        }
    }

    /**
     * Reads back, through the services' APIs only, what became of every set in the ledger: planner's
     * sessions from the given planner instance, progress's answers from the instance the callers' Api
     * talks to (ScaleOutIT reads from the survivors).
     */
    static final class Checker {
        private final LocalStack stack;
        private final String plannerUrl;
        private final List<Patient> patients;
        private final Api clara;
        private final Api anna;
        private final String pseudonymKey;
        private final LocalDate today = LocalDate.now();

        Checker(LocalStack stack, String plannerUrl, List<Patient> patients, Api clara, Api anna) {
            this.stack = stack;
            this.plannerUrl = plannerUrl;
            this.patients = patients;
            this.clara = clara;
            this.anna = anna;
            this.pseudonymKey = stack.secret("PSEUDONYM_KEY");
        }

        Observation observe(SetTraffic traffic) throws Exception {
            List<LoggedSet> ledger = List.copyOf(traffic.ledger());
            Map<String, Set<LocalDate>> days = new HashMap<>();
            ledger.forEach(set ->
                    days.computeIfAbsent(set.patient.id(), p -> new TreeSet<>()).add(set.slot.date()));
            Set<String> problems = new TreeSet<>();

            // planner: the sessions of every day a patient logged on; progress: the patient's timeline.
            Map<String, JsonNode> plannerSets = new HashMap<>();
            Map<Slot, Integer> plannerSlots = new HashMap<>();
            Map<Slot, Integer> progressSlots = new HashMap<>();
            Set<String> pausedItems = new HashSet<>();
            ExecutorService readers = Executors.newFixedThreadPool(4);
            try {
                List<Future<List<JsonNode>>> sessions = new ArrayList<>();
                List<Future<JsonNode>> timelines = new ArrayList<>();
                for (Patient patient : patients) {
                    for (LocalDate day : days.getOrDefault(patient.id(), Set.of(today))) {
                        sessions.add(readers.submit(
                                () -> List.of(get(plannerUrl + "/me/sessions/" + day, patient.token()))));
                    }
                    timelines.add(
                            readers.submit(() -> clara.getFromProgress("/patients/" + patient.id() + "/timeline")));
                }
                for (Future<List<JsonNode>> future : sessions) {
                    JsonNode session = future.get().get(0);
                    String patientId = patientOf(session.path("planId").asText());
                    for (JsonNode item : session.path("items")) {
                        if (item.path("paused").asBoolean()) {
                            pausedItems.add(
                                    patientId + " " + item.path("itemId").asText());
                        }
                        for (JsonNode set : item.path("logged")) {
                            Slot slot = slot(
                                    patientId,
                                    set.path("date").asText(),
                                    set.path("itemId").asText(),
                                    set.path("setNumber").asInt(),
                                    set.path("side"));
                            if (plannerSets.put(set.path("setId").asText(), set) != null) {
                                problems.add(
                                        "planner lists set " + set.path("setId").asText() + " twice");
                            }
                            plannerSlots.merge(slot, 1, Integer::sum);
                        }
                    }
                }
                for (int i = 0; i < patients.size(); i++) {
                    JsonNode timeline = timelines.get(i).get();
                    for (JsonNode session : timeline.path("sessions")) {
                        for (JsonNode set : session.path("sets")) {
                            progressSlots.merge(
                                    slot(
                                            patients.get(i).id(),
                                            session.path("date").asText(),
                                            set.path("itemId").asText(),
                                            set.path("setNumber").asInt(),
                                            set.path("side")),
                                    1,
                                    Integer::sum);
                        }
                    }
                }
            } catch (ExecutionException e) {
                throw e.getCause() instanceof AssertionError a
                        ? a
                        : new AssertionError("reading back failed", e.getCause());
            } finally {
                readers.shutdownNow();
            }

            Map<String, LoggedSet> byId = new HashMap<>();
            Map<Slot, LoggedSet> bySlot = new HashMap<>();
            ledger.forEach(set -> {
                byId.put(set.setId.toString(), set);
                bySlot.put(set.slot, set);
            });
            int lost = 0;
            int doubled = 0;
            for (LoggedSet set : ledger) {
                if (set.fate == Fate.ACKNOWLEDGED && !plannerSets.containsKey(set.setId.toString())) {
                    problems.add("acknowledged, not stored in planner: set " + set.setId + " " + set.slot);
                    lost++;
                }
            }
            Map<String, Integer> storedPerPatient = new HashMap<>();
            Set<String> flagsExpected = new TreeSet<>();
            for (Map.Entry<String, JsonNode> stored : plannerSets.entrySet()) {
                LoggedSet mine = byId.get(stored.getKey());
                if (mine == null) {
                    problems.add("planner stored a set no patient sent: " + stored.getKey());
                    doubled++;
                    continue;
                }
                storedPerPatient.merge(mine.patient.id(), 1, Integer::sum);
                if (mine.painful()) {
                    flagsExpected.add(mine.patient.id() + " " + mine.slot.itemId());
                }
                int applied = progressSlots.getOrDefault(mine.slot, 0);
                if (applied == 0) {
                    problems.add("stored, not applied in progress: set " + mine.setId + " " + mine.slot);
                    lost++;
                }
            }
            for (Map.Entry<Slot, Integer> slot : plannerSlots.entrySet()) {
                if (slot.getValue() > 1) {
                    problems.add("planner holds " + slot.getValue() + " sets in slot " + slot.getKey());
                    doubled += slot.getValue() - 1;
                }
            }
            int applied = 0;
            for (Map.Entry<Slot, Integer> slot : progressSlots.entrySet()) {
                LoggedSet mine = bySlot.get(slot.getKey());
                if (mine == null || !plannerSets.containsKey(mine.setId.toString())) {
                    problems.add("progress applied a set planner does not hold, in slot " + slot.getKey());
                    doubled += slot.getValue();
                    continue;
                }
                applied++;
                if (slot.getValue() > 1) {
                    problems.add("progress applied slot " + slot.getKey() + " " + slot.getValue() + " times");
                    doubled += slot.getValue() - 1;
                }
            }

            // Adherence, as the analyst sees it: patients by pseudonym, sets logged over the plan's weeks.
            Map<String, Long> adherence = new HashMap<>();
            JsonNode report = anna.getFromProgress("/adherence?clinic=" + LoadPatients.CLINIC + "&groupBy=patient&from="
                    + patients.get(0).startDate() + "&to=" + today);
            for (JsonNode row : report.path("rows")) {
                adherence.put(row.path("key").asText(), row.path("setsLogged").asLong());
            }
            long adherenceTotal = 0;
            for (Patient patient : patients) {
                long counted = adherence.getOrDefault(pseudonym(patient.id()), 0L);
                adherenceTotal += counted;
                int stored = storedPerPatient.getOrDefault(patient.id(), 0);
                if (counted != stored) {
                    // By the difference, not the counts: a gap that stays is one problem, not a new one each phase.
                    problems.add("adherence of " + patient.username() + " counts " + Math.abs(counted - stored)
                            + " set(s) " + (counted < stored ? "fewer" : "more") + " than planner stored");
                }
            }

            // STOP flags in clara's inbox, and the exercises planner paused.
            Map<String, Integer> stopFlags = new HashMap<>();
            Set<String> ours = patients.stream().map(Patient::id).collect(Collectors.toSet());
            for (int page = 0; ; page++) {
                JsonNode flags = clara.getFromProgress("/pain-flags?size=200&page=" + page);
                for (JsonNode flag : flags) {
                    if (ours.contains(flag.path("patientId").asText())
                            && "STOP".equals(flag.path("severity").asText())) {
                        stopFlags.merge(
                                flag.path("patientId").asText() + " "
                                        + flag.path("itemId").asText(),
                                1,
                                Integer::sum);
                    }
                }
                if (flags.size() < 200) {
                    break;
                }
            }
            int raised = 0;
            int appliedFlags = 0;
            for (String expected : flagsExpected) {
                if (stopFlags.containsKey(expected)) {
                    raised++;
                } else {
                    problems.add("no STOP flag for the painful set of " + expected);
                }
                if (pausedItems.contains(expected)) {
                    appliedFlags++;
                } else {
                    problems.add("exercise not paused in planner after its STOP flag: " + expected);
                }
            }
            stopFlags.forEach((item, count) -> {
                if (!flagsExpected.contains(item)) {
                    problems.add("STOP flag without a painful set stored: " + item);
                } else if (count > 1) {
                    problems.add(count + " STOP flags for one painful set: " + item);
                }
            });
            pausedItems.stream()
                    .filter(item -> !flagsExpected.contains(item))
                    .forEach(item -> problems.add("exercise paused in planner without a STOP flag: " + item));

            Set<String> poison = DeadLetterWatch.poisonSent();
            List<String> parked = DeadLetterWatch.parked(stack).stream()
                    .filter(record -> !poison.contains(DeadLetterWatch.header(record, "ce_id")))
                    .map(DeadLetterWatch::describe)
                    .toList();
            parked.forEach(record -> problems.add("parked: " + record));

            return new Observation(
                    plannerSets.size(),
                    applied,
                    adherenceTotal,
                    lost,
                    doubled,
                    flagsExpected.size(),
                    raised,
                    appliedFlags,
                    parked.size(),
                    problems);
        }

        private String patientOf(String planId) {
            return patients.stream()
                    .filter(p -> p.planId().equals(planId))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("a session of plan " + planId + ", not a load patient's"))
                    .id();
        }

        private String pseudonym(String patientId) throws GeneralSecurityException {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(pseudonymKey.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(patientId.getBytes(StandardCharsets.UTF_8)), 0, 16);
        }

        private static Slot slot(String patientId, String date, String itemId, int setNumber, JsonNode side) {
            return new Slot(
                    patientId,
                    LocalDate.parse(date),
                    itemId,
                    setNumber,
                    side.isNull() || side.isMissingNode() ? null : side.asText());
        }
    }

    /** A GET as the patient's own phone makes it; anything but 200 fails the observation (and it is tried again). */
    private static JsonNode get(String url, String token) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json")
                .timeout(Duration.ofSeconds(30))
                .GET()
                .build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new AssertionError("GET " + url + " answered " + response.statusCode() + ": " + response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("GET " + url + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    static String table(List<Row> rows) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(
                "| %-37s | %5s | %5s | %4s | %4s | %6s | %6s | %6s | %6s | %4s | %7s | %15s | %6s | %-8s |%n",
                "fault",
                "sent",
                "ack'd",
                "409",
                "unan",
                "sets/s",
                "stored",
                "applied",
                "adher.",
                "lost",
                "doubled",
                "flags exp/r/app",
                "parked",
                "settled"));
        out.append("|")
                .append("-".repeat(39))
                .append(
                        "|-------|-------|------|------|--------|--------|---------|--------|------|---------|-----------------|--------|----------|\n");
        for (Row row : rows) {
            Observation seen = row.seen();
            out.append(String.format(
                    "| %-37s | %5d | %5d | %4d | %4d | %6.0f | %6d | %7d | %6d | %4d | %7d | %15s | %6d | %-8s |%n",
                    row.fault(),
                    row.load().sent(),
                    row.load().acknowledged(),
                    row.load().refusedPaused(),
                    row.load().unanswered(),
                    row.load().acknowledgedPerSecondBeforeFault(),
                    seen.stored(),
                    seen.applied(),
                    seen.adherence(),
                    seen.lost(),
                    seen.doubled(),
                    seen.flagsExpected() + " / " + seen.flagsRaised() + " / " + seen.flagsApplied(),
                    seen.parked(),
                    (row.settledInTime() ? "" : "NOT ") + row.settled().toSeconds() + "s"));
        }
        out.append("(sent, ack'd, 409 = refused for a paused exercise, unan = unanswered, sets/s before the fault: this"
                + " phase; stored to parked: all phases so far)\n");
        return out.toString();
    }

    private static long seconds(long since) {
        return Duration.ofNanos(System.nanoTime() - since).toSeconds();
    }

    private static void log(String format, Object... args) {
        System.out.println("[faults] " + String.format(format, args));
    }
}

package org.backstrong.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.backstrong.e2e.LoadPatients.Item;
import org.backstrong.e2e.LoadPatients.Patient;
import org.backstrong.e2e.stack.LocalStack;

/**
 * The load patients logging sets through POST /me/sets as their phones do: each has an outbox of
 * sets waiting to be sent, oldest first; a set leaves it on 201 or 200 (acknowledged) or on 409
 * exercise-paused (refused, correctly: a STOP flag paused that exercise); a 5xx, a timeout or a
 * connection error keeps it, and the same body is sent again a second later. Any other answer is a
 * bug of the test and is recorded as such. Every set ever made is kept in the ledger, with what
 * became of it, so the suite can compare it with what planner stored and progress applied.
 * Bounded: one thread and at most one request in flight per patient, a request timeout, an
 * outbox of at most {@link #MAX_WAITING} sets, and every phase ends by the clock.
 */
final class SetTraffic implements AutoCloseable {

    /** What became of a set, as far as its patient's phone knows. */
    enum Fate {
        WAITING,
        ACKNOWLEDGED,
        REFUSED_PAUSED,
        UNANSWERED
    }

    /** The set's place in the plan; planner stores one set per slot. */
    record Slot(String patientId, LocalDate date, String itemId, int setNumber, String side) {}

    /** One set as the patient logged it, with its fate. */
    static final class LoggedSet {
        final UUID setId;
        final Patient patient;
        final Slot slot;
        final int pain;
        final int phase;
        final String body;
        volatile Fate fate = Fate.WAITING;
        volatile int firstAnswer;
        /** System.nanoTime() of the acknowledgement, 0 until then. */
        volatile long acknowledgedAt;

        final AtomicInteger attempts = new AtomicInteger();

        LoggedSet(Patient patient, Slot slot, int pain, int phase, String body, UUID setId) {
            this.patient = patient;
            this.slot = slot;
            this.pain = pain;
            this.phase = phase;
            this.body = body;
            this.setId = setId;
        }

        boolean painful() {
            return pain > 5;
        }
    }

    /** What one phase of load did. */
    record PhaseLoad(
            int sent,
            int acknowledged,
            int refusedPaused,
            int unanswered,
            long requests,
            long retried,
            double loadSeconds,
            double acknowledgedPerSecondBeforeFault) {}

    /** A phone's outbox holds at most this many sets; while it is full, the patient logs nothing new. */
    static final int MAX_WAITING = 20;
    /** How often each patient logs a set: 50 patients offer about 165 sets a second. */
    static final Duration LOG_EVERY = Duration.ofMillis(300);

    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);
    static final Duration RETRY_AFTER = Duration.ofSeconds(1);
    static final int PAIN_ABOVE_FIVE = 7;

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The planner instances the phones log through (one address per instance, as behind a balancer). */
    private final List<String> planners;

    private final List<PatientPhone> phones = new ArrayList<>();
    private final Map<UUID, LoggedSet> ledger = new ConcurrentHashMap<>();
    private final List<String> testBugs = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final ExecutorService httpExecutor = Executors.newFixedThreadPool(2);
    private final HttpClient http;
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong retried = new AtomicLong();
    private final AtomicLong switched = new AtomicLong();
    private final Map<String, AtomicLong> acknowledgedBy = new ConcurrentHashMap<>();

    SetTraffic(LocalStack stack, List<Patient> patients) {
        this(List.of(stack.plannerUrl()), patients);
    }

    /**
     * Phones logging through several planner instances: patient n starts on instance n modulo their
     * number, and a phone whose request fails (no connection, a timeout, a 5xx) sends it again to the
     * next instance, as a phone behind a load balancer would be sent to a live one.
     */
    SetTraffic(List<String> planners, List<Patient> patients) {
        this.planners = List.copyOf(planners);
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2))
                .executor(httpExecutor)
                .build();
        patients.forEach(patient -> phones.add(new PatientPhone(patient)));
    }

    Collection<LoggedSet> ledger() {
        return ledger.values();
    }

    /** How many sets each planner instance acknowledged, by its address. */
    Map<String, Long> acknowledgedBy() {
        Map<String, Long> counts = new java.util.TreeMap<>();
        acknowledgedBy.forEach((planner, count) -> counts.put(planner, count.get()));
        return counts;
    }

    /** How many times a phone turned to another planner instance after a failed request. */
    long switchedPlanner() {
        return switched.get();
    }

    /** Answers no patient's phone should ever get (a bug of this test, or of the API contract). */
    List<String> testBugs() {
        return List.copyOf(testBugs);
    }

    /**
     * Runs one phase: every patient logs sets until {@code fault} has run and {@code after} more
     * has passed, then stops logging and sends what waits for up to {@code drain}; what is still
     * waiting then is counted unanswered (its fate unknown; its slot is never used again).
     * In the phase, patients whose number matches it log one set at pain 7 each.
     */
    PhaseLoad run(int phase, Duration before, Runnable fault, Duration after, Duration drain) {
        long sentBefore = ledger.size();
        long requestsBefore = requests.get();
        long retriedBefore = retried.get();
        PhaseClock clock = new PhaseClock();
        ExecutorService threads = Executors.newFixedThreadPool(phones.size());
        long t0 = System.nanoTime();
        try {
            phones.forEach(phone -> threads.submit(() -> phone.run(phase, clock)));
            pause(before);
            fault.run();
            pause(after);
            clock.stopLogging(System.nanoTime() + drain.toNanos());
            double loadSeconds = (System.nanoTime() - t0) / 1e9;
            threads.shutdown();
            if (!threads.awaitTermination(drain.toSeconds() + 30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the patients' phones did not stop within the drain time");
            }
            List<LoggedSet> ofPhase =
                    ledger.values().stream().filter(set -> set.phase == phase).toList();
            ofPhase.stream().filter(set -> set.fate == Fate.WAITING).forEach(set -> set.fate = Fate.UNANSWERED);
            if (ofPhase.size() != ledger.size() - sentBefore) {
                throw new IllegalStateException("sets of another phase were logged");
            }
            // The steady rate: acknowledgements in the healthy seconds before the fault, after a second of ramp-up.
            long healthyFrom = t0 + Duration.ofSeconds(1).toNanos();
            long healthyTo = t0 + before.toNanos();
            long healthy = ofPhase.stream()
                    .filter(set -> set.acknowledgedAt >= healthyFrom && set.acknowledgedAt < healthyTo)
                    .count();
            return new PhaseLoad(
                    ofPhase.size(),
                    count(ofPhase, Fate.ACKNOWLEDGED),
                    count(ofPhase, Fate.REFUSED_PAUSED),
                    count(ofPhase, Fate.UNANSWERED),
                    requests.get() - requestsBefore,
                    retried.get() - retriedBefore,
                    loadSeconds,
                    healthy / ((healthyTo - healthyFrom) / 1e9));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            threads.shutdownNow();
        }
    }

    private static int count(List<LoggedSet> sets, Fate fate) {
        return (int) sets.stream().filter(set -> set.fate == fate).count();
    }

    /** The load's own pacing (not a wait for a result): how long a phase runs around its fault. */
    private static void pause(Duration duration) throws InterruptedException {
        Thread.sleep(duration.toMillis());
    }

    @Override
    public void close() {
        httpExecutor.shutdownNow();
    }

    /** When the patients stop logging new sets, and by when they must have sent what waits. */
    private static final class PhaseClock {
        private volatile boolean logging = true;
        private volatile long drainDeadline = Long.MAX_VALUE;

        void stopLogging(long deadline) {
            drainDeadline = deadline;
            logging = false;
        }
    }

    /** One patient's phone: the next slot to log, the outbox, and the exercises it knows are paused. */
    private final class PatientPhone {
        private final Patient patient;
        private final Deque<LoggedSet> outbox = new ArrayDeque<>();
        private final Set<String> pausedItems = new HashSet<>();
        private final Set<String> hurtItems = new HashSet<>();
        private int planner;
        private int dayIndex;
        private int itemIndex;
        private int setNumber = 1;
        private int sideIndex;
        private boolean outOfSlots;

        PatientPhone(Patient patient) {
            this.patient = patient;
            this.planner = patient.number() % planners.size();
        }

        void run(int phase, PhaseClock clock) {
            try {
                loop(phase, clock);
            } catch (RuntimeException | Error e) {
                testBugs.add(patient.username() + ": the phone failed: " + e);
            }
        }

        private void loop(int phase, PhaseClock clock) {
            long nextLog = System.nanoTime() + ThreadLocalRandom.current().nextLong(LOG_EVERY.toNanos());
            long retryAt = 0;
            int loggedThisPhase = 0;
            // Patients of this phase hurt once, early in it, around the time the fault strikes.
            int hurtAt = patient.number() % 6 == phase % 6 ? 8 + patient.number() % 12 : -1;
            outbox.clear();
            while (true) {
                long now = System.nanoTime();
                if (!clock.logging && (outbox.isEmpty() || now > clock.drainDeadline)) {
                    return;
                }
                if (clock.logging && now >= nextLog) {
                    nextLog += LOG_EVERY.toNanos();
                    if (outbox.size() < MAX_WAITING && !outOfSlots) {
                        LoggedSet set = next(phase, loggedThisPhase == hurtAt);
                        if (set != null) {
                            loggedThisPhase++;
                            outbox.addLast(set);
                        }
                    }
                }
                if (!outbox.isEmpty() && now >= retryAt) {
                    if (send(outbox.peekFirst())) {
                        outbox.removeFirst();
                    } else {
                        retryAt = System.nanoTime() + RETRY_AFTER.toNanos();
                    }
                    continue;
                }
                long wakeAt = outbox.isEmpty() ? nextLog : Math.min(nextLog, retryAt);
                if (!clock.logging) {
                    wakeAt = retryAt;
                }
                long wait = wakeAt - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(Math.min(wait, TimeUnit.MILLISECONDS.toNanos(200)));
                }
                if (Thread.currentThread().isInterrupted()) {
                    return;
                }
            }
        }

        /** The next free slot of the plan, day by day from the start: every item, set and side. */
        private LoggedSet next(int phase, boolean hurt) {
            List<Item> items = patient.items();
            for (int guard = 0; guard < LoadPatients.PLAN_DAYS * items.size() + 1; guard++) {
                if (dayIndex >= LoadPatients.PLAN_DAYS) {
                    outOfSlots = true;
                    return null;
                }
                Item item = items.get(itemIndex);
                if (pausedItems.contains(item.itemId())) {
                    advanceItem();
                    continue;
                }
                String side = item.perSide() ? (sideIndex == 0 ? "left" : "right") : null;
                Slot slot =
                        new Slot(patient.id(), patient.startDate().plusDays(dayIndex), item.itemId(), setNumber, side);
                // One painful set per exercise at most: after it the exercise is paused.
                boolean painful = hurt && !hurtItems.contains(item.itemId());
                if (painful) {
                    hurtItems.add(item.itemId());
                }
                int pain =
                        painful ? PAIN_ABOVE_FIVE : ThreadLocalRandom.current().nextInt(0, 4);
                advanceSlot(item);
                UUID setId = UUID.randomUUID();
                LoggedSet set = new LoggedSet(patient, slot, pain, phase, body(setId, slot, item, pain), setId);
                ledger.put(setId, set);
                return set;
            }
            outOfSlots = true;
            return null;
        }

        private void advanceSlot(Item item) {
            if (item.perSide() && sideIndex == 0) {
                sideIndex = 1;
                return;
            }
            sideIndex = 0;
            if (setNumber < item.setsMax()) {
                setNumber++;
                return;
            }
            advanceItem();
        }

        private void advanceItem() {
            sideIndex = 0;
            setNumber = 1;
            itemIndex++;
            if (itemIndex == patient.items().size()) {
                itemIndex = 0;
                dayIndex++;
            }
        }

        private String body(UUID setId, Slot slot, Item item, int pain) {
            ObjectNode body = JSON.createObjectNode()
                    .put("setId", setId.toString())
                    .put("planId", patient.planId())
                    .put("itemId", item.itemId())
                    .put("date", slot.date().toString())
                    .put("setNumber", slot.setNumber())
                    .put("pain", pain)
                    .put("beyondNormalFatigue", false);
            if (slot.side() != null) {
                body.put("side", slot.side());
            }
            if (item.reps()) {
                body.put("reps", item.count()).put("rir", 2);
            } else {
                body.put("seconds", item.count()).put("rpe", 6);
            }
            if (item.loadKg() != null) {
                body.put("loadKg", new java.math.BigDecimal(item.loadKg()));
            }
            if (item.band() != null) {
                body.put("band", item.band());
            }
            return body.toString();
        }

        /** true when the set leaves the outbox (acknowledged, or refused for a paused exercise). */
        private boolean send(LoggedSet set) {
            if (set.attempts.incrementAndGet() > 1) {
                retried.incrementAndGet();
            }
            requests.incrementAndGet();
            String plannerUrl = planners.get(planner);
            HttpRequest request = HttpRequest.newBuilder(URI.create(plannerUrl + "/me/sets"))
                    .header("Authorization", "Bearer " + patient.token())
                    .header("Content-Type", "application/json")
                    .header("Accept", "application/json")
                    .timeout(REQUEST_TIMEOUT)
                    .POST(HttpRequest.BodyPublishers.ofString(set.body))
                    .build();
            HttpResponse<String> response;
            try {
                response = http.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (HttpTimeoutException e) {
                return turnToAnotherPlanner();
            } catch (IOException e) {
                return turnToAnotherPlanner();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            int status = response.statusCode();
            if (set.firstAnswer == 0) {
                set.firstAnswer = status;
            }
            if (status == 201 || status == 200) {
                checkStored(set, response.body());
                set.acknowledgedAt = System.nanoTime();
                set.fate = Fate.ACKNOWLEDGED;
                acknowledgedBy
                        .computeIfAbsent(plannerUrl, url -> new AtomicLong())
                        .incrementAndGet();
                return true;
            }
            if (status == 409 && problemType(response.body()).endsWith("/exercise-paused")) {
                set.fate = Fate.REFUSED_PAUSED;
                pausedItems.add(set.slot.itemId());
                return true;
            }
            if (status >= 500 || status == 408 || status == 429) {
                return turnToAnotherPlanner();
            }
            testBugs.add(patient.username() + " set " + set.setId + " answered " + status + ": " + response.body());
            set.fate = Fate.UNANSWERED;
            return true;
        }

        /** The set stays in the outbox; its next try goes to the next planner instance (when there is one). */
        private boolean turnToAnotherPlanner() {
            if (planners.size() > 1) {
                planner = (planner + 1) % planners.size();
                switched.incrementAndGet();
            }
            return false;
        }

        /** A resend answers what was stored first: the same set, never another one. */
        private void checkStored(LoggedSet set, String body) {
            try {
                JsonNode stored = JSON.readTree(body);
                if (!set.setId.toString().equals(stored.path("setId").asText())
                        || set.slot.setNumber() != stored.path("setNumber").asInt()
                        || set.pain != stored.path("pain").asInt()) {
                    testBugs.add(patient.username() + " set " + set.setId + " was answered with another set: " + body);
                }
            } catch (IOException e) {
                testBugs.add(patient.username() + " set " + set.setId + " answered unreadable JSON: " + body);
            }
        }

        private String problemType(String body) {
            try {
                return JSON.readTree(body).path("type").asText();
            } catch (IOException e) {
                return "";
            }
        }
    }
}

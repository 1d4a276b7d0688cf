package org.backstrong.planner;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import org.backstrong.planner.SetLoggingTest.Patient;
import org.backstrong.planner.event.EventTypes;
import org.backstrong.planner.repository.LoggedSetRepository;
import org.backstrong.planner.repository.OutboxRepository;
import org.backstrong.planner.service.SetLogQueue;

/**
 * Sets sent at once share group commits (SetLogQueue, SetLogBatch): every request still gets the answer a
 * transaction of its own would give. Resends racing their first send store one row and one event;
 * two sets racing for one slot store one.
 */
@QuarkusTest
class SetLogGroupCommitTest {

    private static final int PATIENTS = 8;

    @Inject
    LoggedSetRepository sets;

    @Inject
    OutboxRepository outbox;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    SetLogQueue writer;

    record Sent(Patient patient, Map<String, Object> set, int status, String body) {}

    @Test
    void concurrentSendsStoreEachSetOnceAndAnswerEachAsAlone() throws Exception {
        List<Patient> patients = new ArrayList<>();
        for (int i = 0; i < PATIENTS; i++) {
            patients.add(SetLoggingTest.patientWithPlan(0));
        }
        List<Callable<Sent>> sends = new ArrayList<>();
        for (Patient patient : patients) {
            for (int number = 1; number <= 2; number++) {
                Map<String, Object> set = SetLoggingTest.set(patient, 2, number);
                sends.add(() -> send(patient, set)); // the first send
                sends.add(() -> send(patient, set)); // its resend, racing it
            }
            Map<String, Object> one = SetLoggingTest.set(patient, 2, 3);
            Map<String, Object> other = SetLoggingTest.set(patient, 2, 3); // same slot, another id
            sends.add(() -> send(patient, one));
            sends.add(() -> send(patient, other));
        }
        Collections.shuffle(sends);
        List<Sent> answers = sentTogether(sends);

        for (Patient patient : patients) {
            for (int number = 1; number <= 2; number++) {
                int setNumber = number;
                List<Sent> both = answers.stream()
                        .filter(a -> a.patient() == patient
                                && a.set().get("setNumber").equals(setNumber))
                        .toList();
                assertEquals(2, both.size());
                assertEquals(
                        List.of(200, 201),
                        both.stream().map(Sent::status).sorted().toList(),
                        "a set and its resend: one 201, one 200");
                assertEquals(both.get(0).body(), both.get(1).body(), "the resend answers what was stored first");
            }
            List<Integer> slot = answers.stream()
                    .filter(a ->
                            a.patient() == patient && a.set().get("setNumber").equals(3))
                    .map(Sent::status)
                    .sorted()
                    .toList();
            assertEquals(List.of(201, 409), slot, "two ids for one slot: one stored, one refused");

            UUID plan = UUID.fromString(patient.planId());
            assertEquals(3, QuarkusTransaction.requiringNew().call(() -> sets.count("planId", plan)));
            assertEquals(
                    3,
                    QuarkusTransaction.requiringNew()
                            .call(() -> outbox.count(
                                    "eventKey = ?1 and type = ?2", patient.id(), EventTypes.SET_COMPLETED)));
        }
    }

    /** One batch of many patients' sets: each outbox event carries its own set's note (or null), none another's. */
    @Test
    void eachEventOfABatchCarriesItsOwnSetsNote() throws Exception {
        List<Callable<Sent>> sends = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Patient patient = SetLoggingTest.patientWithPlan(0);
            for (int number = 1; number <= 2; number++) {
                Map<String, Object> set = SetLoggingTest.set(patient, 2, number);
                set.put("note", number == 2 ? null : "patient " + i + ": \"tight\" on the way up");
                sends.add(() -> send(patient, set));
            }
        }
        Collections.shuffle(sends);
        List<Sent> answers = sentTogether(sends);
        answers.forEach(answer -> assertEquals(201, answer.status(), answer.body()));

        for (Sent answer : answers) {
            String setId = (String) answer.set().get("setId");
            List<String> payloads = QuarkusTransaction.requiringNew()
                    .call(
                            () -> outbox
                                    .list(
                                            "eventKey = ?1 and type = ?2",
                                            answer.patient().id(),
                                            EventTypes.SET_COMPLETED)
                                    .stream()
                                    .map(event -> event.payload)
                                    .toList());
            JsonPath event = payloads.stream()
                    .map(JsonPath::from)
                    .filter(data -> setId.equals(data.getString("setId")))
                    .findFirst()
                    .orElseThrow();
            assertEquals(answer.set().get("note"), event.getString("note"), setId);
        }
    }

    /**
     * A set the database refuses (here a trigger standing in for any database-side failure) fails its
     * batch; the writer then stores each set of the batch alone, so only that set is answered 500.
     */
    @Test
    void aSetTheDatabaseRefusesFailsAloneNotItsBatch() throws Exception {
        try (Connection connection = dataSource.getConnection();
                Statement ddl = connection.createStatement()) {
            ddl.execute("""
                    CREATE FUNCTION refuse_poisoned_set() RETURNS trigger LANGUAGE plpgsql AS $$
                    BEGIN
                        IF NEW.note = 'poisoned' THEN RAISE EXCEPTION 'refused by the test'; END IF;
                        RETURN NEW;
                    END $$""");
            ddl.execute("CREATE TRIGGER refuse_poisoned_set BEFORE INSERT ON logged_set "
                    + "FOR EACH ROW EXECUTE FUNCTION refuse_poisoned_set()");
        }
        try {
            List<Patient> patients = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                patients.add(SetLoggingTest.patientWithPlan(0));
            }
            List<Callable<Sent>> sends = new ArrayList<>();
            for (Patient patient : patients) {
                for (int number = 1; number <= 3; number++) {
                    Map<String, Object> set = SetLoggingTest.set(patient, 2, number);
                    if (patient == patients.get(0) && number == 2) {
                        set.put("note", "poisoned");
                    }
                    sends.add(() -> send(patient, set));
                }
            }
            List<Sent> answers = sentTogether(sends);
            for (Sent answer : answers) {
                boolean poisoned = "poisoned".equals(answer.set().get("note"));
                assertEquals(poisoned ? 500 : 201, answer.status(), answer.body());
            }
            UUID first = UUID.fromString(patients.get(0).planId());
            assertEquals(2, QuarkusTransaction.requiringNew().call(() -> sets.count("planId", first)));
            for (Patient patient : patients.subList(1, patients.size())) {
                UUID plan = UUID.fromString(patient.planId());
                assertEquals(3, QuarkusTransaction.requiringNew().call(() -> sets.count("planId", plan)));
            }
        } finally {
            try (Connection connection = dataSource.getConnection();
                    Statement ddl = connection.createStatement()) {
                ddl.execute("DROP TRIGGER refuse_poisoned_set ON logged_set");
                ddl.execute("DROP FUNCTION refuse_poisoned_set()");
            }
        }
    }

    /**
     * Sends all at once while a table lock holds the writer's first batch, until every other set waits
     * behind it: the rest is then written in one batch (so resends and slot races meet in one batch).
     */
    private List<Sent> sentTogether(List<Callable<Sent>> sends) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(sends.size());
        try {
            List<Future<Sent>> answered = new ArrayList<>();
            try (Connection lock = dataSource.getConnection();
                    Statement statement = lock.createStatement()) {
                lock.setAutoCommit(false);
                statement.execute("LOCK TABLE logged_set IN SHARE MODE");
                answered.add(pool.submit(sends.get(0)));
                await().atMost(Duration.ofSeconds(20)).until(() -> writer.waiting() == 1);
                sends.subList(1, sends.size()).forEach(send -> answered.add(pool.submit(send)));
                await().atMost(Duration.ofSeconds(20)).until(() -> writer.waiting() == sends.size());
                lock.commit();
            }
            List<Sent> answers = new ArrayList<>();
            for (Future<Sent> answer : answered) {
                answers.add(answer.get());
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    private static Sent send(Patient patient, Map<String, Object> set) {
        Response response = given().auth()
                .oauth2(patient.token())
                .contentType(ContentType.JSON)
                .body(set)
                .when()
                .post("/me/sets");
        return new Sent(patient, set, response.statusCode(), response.asString());
    }
}

package org.backstrong.planner;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import org.backstrong.planner.event.EventTypes;
import org.backstrong.planner.messaging.Topics;
import org.backstrong.testinfra.KafkaProbe;

/**
 * One trace across the event flow: a request's trace context goes with the events it wrote (the outbox row keeps
 * its traceparent, the relay sends it as a header), and a consumed progress event continues the trace it carries.
 */
@QuarkusTest
class TracesTest {

    @Inject
    InMemorySpanExporter spans;

    @Test
    void aLoggedSetsEventCarriesTheTraceOfTheRequestThatLoggedIt() {
        SetLoggingTest.Patient patient = SetLoggingTest.patientWithPlan(0);
        String traceId = hex(32);
        String callerSpan = hex(16);
        Map<String, Object> set = SetLoggingTest.set(patient, 2, 1);
        given().auth()
                .oauth2(patient.token())
                .header("traceparent", "00-" + traceId + "-" + callerSpan + "-01")
                .contentType(ContentType.JSON)
                .body(set)
                .when()
                .post("/me/sets")
                .then()
                .statusCode(201);

        ConsumerRecord<String, String> record = Events.of(Topics.SET_EVENTS, patient.id(), 1).stream()
                .filter(r -> EventTypes.SET_COMPLETED.equals(Events.type(r)))
                .findFirst()
                .orElseThrow();
        String traceparent = KafkaProbe.header(record, "traceparent");
        assertNotNull(traceparent, "the set-events record has a traceparent header");
        String[] parts = traceparent.split("-");
        assertEquals(traceId, parts[1], "the record continues the request's trace: " + traceparent);
        assertEquals("01", parts[3]);

        // The span the record names is the request's own server span, a child of the caller's.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            SpanData server = InMemorySpans.ofTrace(spans, traceId).stream()
                    .filter(span -> span.getSpanId().equals(parts[2]))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no finished span " + parts[2] + " in trace " + traceId));
            assertEquals(SpanKind.SERVER, server.getKind());
            assertEquals(callerSpan, server.getParentSpanId());
        });
    }

    @Test
    void aSetLoggedWithoutATraceContextStartsATraceOfItsOwn() {
        SetLoggingTest.Patient patient = SetLoggingTest.patientWithPlan(0);
        given().auth()
                .oauth2(patient.token())
                .contentType(ContentType.JSON)
                .body(SetLoggingTest.set(patient, 2, 1))
                .when()
                .post("/me/sets")
                .then()
                .statusCode(201);

        ConsumerRecord<String, String> record =
                Events.of(Topics.SET_EVENTS, patient.id(), 1).get(0);
        String traceparent = KafkaProbe.header(record, "traceparent");
        assertNotNull(traceparent, "a request without a traceparent is traced from the server span");
        String traceId = traceparent.split("-")[1];
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertFalse(
                        InMemorySpans.ofTrace(spans, traceId).isEmpty(), "the request's spans are of its trace"));
    }

    @Test
    void consumingAProgressEventContinuesTheTraceItCarries() {
        SetLoggingTest.Patient patient = SetLoggingTest.patientWithPlan(7);
        String traceId = hex(32);
        String producerSpan = hex(16);
        Map<String, Object> flag = ProgressEvents.stopFlag(patient, patient.item(2), "lat-pulldown");
        ProgressEvents.publishTraced(
                patient.id(),
                UUID.randomUUID().toString(),
                EventTypes.PAIN_FLAGGED,
                flag,
                "00-" + traceId + "-" + producerSpan + "-01");

        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> given().auth()
                        .oauth2(patient.token())
                        .when()
                        .get("/me/sessions/today")
                        .then()
                        .body("items[2].paused", equalTo(true)));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            List<SpanData> consumed = InMemorySpans.ofTrace(spans, traceId).stream()
                    .filter(span -> span.getKind() == SpanKind.CONSUMER)
                    .toList();
            assertTrue(
                    consumed.stream().anyMatch(span -> span.getParentSpanId().equals(producerSpan)),
                    "a consumer span of the record's trace, a child of the producer's span: " + consumed);
        });
    }

    @Test
    void aPlanChangeCausedByAProgressEventGoesOnInItsTrace() {
        SetLoggingTest.Patient patient = SetLoggingTest.patientWithPlan(7);
        String traceId = hex(32);
        Map<String, Object> decision = ProgressEvents.decision(
                patient,
                patient.item(2),
                "ADD_SET",
                "You did all sets at 12 reps with reps to spare, so we added a set.",
                ProgressEvents.prescription(1, 15),
                ProgressEvents.prescription(2, 15));
        ProgressEvents.publishTraced(
                patient.id(),
                UUID.randomUUID().toString(),
                EventTypes.PROGRESSION_ADJUSTED,
                decision,
                "00-" + traceId + "-" + hex(16) + "-01");

        ConsumerRecord<String, String> changed = Events.of(Topics.PLAN_EVENTS, patient.id(), 2).stream()
                .filter(r -> EventTypes.PLAN_CHANGED.equals(Events.type(r)))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no PlanChanged for the decision"));
        String traceparent = KafkaProbe.header(changed, "traceparent");
        assertNotNull(traceparent, "the PlanChanged record has a traceparent header");
        assertEquals(traceId, traceparent.split("-")[1], "the plan change goes on in the decision's trace");
    }

    private static String hex(int digits) {
        String hex = (UUID.randomUUID().toString() + UUID.randomUUID()).replace("-", "");
        return hex.substring(0, digits);
    }
}

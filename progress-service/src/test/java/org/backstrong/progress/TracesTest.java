package org.backstrong.progress;

import static org.awaitility.Awaitility.await;
import static org.backstrong.progress.EventStream.data;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import org.backstrong.progress.event.EventTypes;
import org.backstrong.progress.messaging.Topics;
import org.backstrong.testinfra.KafkaProbe;

/**
 * One trace across the event flow: a consumed set event continues the trace its record carries (the poll's
 * span is of it, or linked to it), and the progress event it causes is made in that trace and carries it on.
 */
@QuarkusTest
class TracesTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    InMemorySpanExporter spans;

    @Test
    void aStopFlagOfATracedSetIsPublishedInTheSetsTrace() {
        String traceId = hex(32);
        String plannerSpan = hex(16);
        NotedSetsScenario scenario = NotedSetsScenario.applied(bootstrap, "00-" + traceId + "-" + plannerSpan + "-01");

        ConsumerRecord<String, String> flagged = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> KafkaProbe.read(bootstrap, Topics.PROGRESS_EVENTS, 1000, Duration.ofSeconds(3)).stream()
                                .filter(record -> scenario.patient.equals(record.key()))
                                .filter(record -> EventTypes.PAIN_FLAGGED.equals(KafkaProbe.header(record, "ce_type")))
                                .findFirst()
                                .orElse(null),
                        record -> record != null);
        String traceparent = KafkaProbe.header(flagged, "traceparent");
        assertNotNull(traceparent, "the progress-events record has a traceparent header");
        String[] parts = traceparent.split("-");
        assertEquals(traceId, parts[1], "the PainFlagged record continues the set's trace: " + traceparent);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            List<SpanData> trace = InMemorySpans.ofTrace(spans, traceId);
            SpanData created = trace.stream()
                    .filter(span -> span.getSpanId().equals(parts[2]))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no finished span " + parts[2] + " in " + trace));
            assertEquals(SpanKind.PRODUCER, created.getKind());
            assertEquals("create " + Topics.PROGRESS_EVENTS, created.getName());
            assertEquals(plannerSpan, created.getParentSpanId(), "made as a child of the set's record");

            // The set events may come in more than one poll: the one that applied the flagged set is linked.
            SpanData poll = trace.stream()
                    .filter(span -> span.getKind() == SpanKind.CONSUMER)
                    .filter(span -> span.getName().equals("process " + Topics.SET_EVENTS))
                    .filter(span -> created.getLinks().stream()
                            .anyMatch(link -> link.getSpanContext().getSpanId().equals(span.getSpanId())))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError(
                            "the create span links to no span of a set-events poll: " + created + " in " + trace));
            assertTrue(
                    poll.getLinks().stream()
                            .anyMatch(link -> link.getSpanContext().getSpanId().equals(plannerSpan)),
                    "the poll's span links to the records it applied: " + poll.getLinks());
        });
    }

    @Test
    void aParkedRecordKeepsItsTraceparent() {
        String patient = UUID.randomUUID().toString();
        String traceparent = "00-" + hex(32) + "-" + hex(16) + "-01";
        new EventStream()
                .addInvalid(
                        Topics.SET_EVENTS,
                        EventTypes.SET_COMPLETED,
                        patient,
                        "2026-03-02T07:00:00Z",
                        data("setId", "not-a-uuid", "patientId", patient))
                .traced(Topics.SET_EVENTS, traceparent)
                .sendTo(bootstrap);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            List<ConsumerRecord<String, String>> parked =
                    KafkaProbe.read(bootstrap, Topics.deadLetter(Topics.SET_EVENTS), 1000, Duration.ofSeconds(3))
                            .stream()
                            .filter(record -> patient.equals(record.key()))
                            .toList();
            assertEquals(1, parked.size());
            assertEquals(traceparent, KafkaProbe.header(parked.get(0), "traceparent"));
        });
    }

    private static String hex(int digits) {
        String hex = (UUID.randomUUID().toString() + UUID.randomUUID()).replace("-", "");
        return hex.substring(0, digits);
    }
}

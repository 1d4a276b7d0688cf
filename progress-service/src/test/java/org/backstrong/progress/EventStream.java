package org.backstrong.progress;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import org.backstrong.progress.event.Envelope;
import org.backstrong.testinfra.EventContract;

/**
 * A stream of events as planner-service publishes them (CloudEvents binary headers, JSON data),
 * recorded to be sent and sent again. Each event is checked against planner-service's schema as it
 * is added, so a fixture that drifts from the contract fails where it is made.
 */
final class EventStream {

    /** One record as it goes to Kafka; {@code traceparent} is its W3C trace context header, or null for none. */
    record Sent(String topic, String key, String id, String type, String time, String value, String traceparent) {

        Sent(String topic, String key, String id, String type, String time, String value) {
            this(topic, key, id, type, time, value, null);
        }

        Sent traced(String traceparent) {
            return new Sent(topic, key, id, type, time, value, traceparent);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<Sent> records = new ArrayList<>();

    EventStream add(String topic, String type, String patientId, String time, Map<String, Object> data) {
        String value = write(data);
        EventContract.assertValid(type, value);
        records.add(new Sent(topic, patientId, UUID.randomUUID().toString(), type, time, value));
        return this;
    }

    /** An event the contract forbids (for the dead-letter tests): the schema must refuse it too. */
    EventStream addInvalid(String topic, String type, String patientId, String time, Map<String, Object> data) {
        String value = write(data);
        assertFalse(EventContract.violations(type, value).isEmpty(), "the schema of " + type + " accepts " + value);
        records.add(new Sent(topic, patientId, UUID.randomUUID().toString(), type, time, value));
        return this;
    }

    /** As a newer planner-service might send it: a valid event, then with fields its schema does not name yet. */
    EventStream addWithFieldsAdded(
            String topic,
            String type,
            String patientId,
            String time,
            Map<String, Object> data,
            Consumer<Map<String, Object>> addFields) {
        EventContract.assertValid(type, write(data));
        addFields.accept(data);
        records.add(new Sent(topic, patientId, UUID.randomUUID().toString(), type, time, write(data)));
        return this;
    }

    private static String write(Map<String, Object> data) {
        try {
            return JSON.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A record whose data is this JSON text as it stands (null, an array, a number, a field of the wrong type). */
    EventStream addRaw(String topic, String type, String patientId, String time, String value) {
        records.add(new Sent(topic, patientId, UUID.randomUUID().toString(), type, time, value));
        return this;
    }

    List<Sent> records() {
        return records;
    }

    /** Every record of the topic carries this traceparent header, as planner's relay sends a traced request's events. */
    EventStream traced(String topic, String traceparent) {
        records.replaceAll(sent -> sent.topic().equals(topic) ? sent.traced(traceparent) : sent);
        return this;
    }

    /**
     * Sends every record, in order, in one produce request per partition rather than one round trip
     * each, so that a consumer reads a partition's records in one poll.
     */
    void sendTogether(String bootstrap) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrap,
                        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                        true,
                        ProducerConfig.ACKS_CONFIG,
                        "all",
                        ProducerConfig.LINGER_MS_CONFIG,
                        10_000),
                new StringSerializer(),
                new StringSerializer())) {
            List<Future<?>> acks = new ArrayList<>();
            for (Sent sent : records) {
                acks.add(producer.send(record(sent)));
            }
            producer.flush();
            for (Future<?> ack : acks) {
                ack.get(30, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            throw new IllegalStateException("Cannot send the records together", e);
        }
    }

    /** Sends every record, in order, with an idempotent producer; the same ids each time. */
    void sendTo(String bootstrap) {
        sendTo(bootstrap, null);
    }

    /** Sends the records of one topic (all when null), in order. */
    void sendTo(String bootstrap, String topic) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrap,
                        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                        true,
                        ProducerConfig.ACKS_CONFIG,
                        "all"),
                new StringSerializer(),
                new StringSerializer())) {
            for (Sent sent : records) {
                if (topic == null || topic.equals(sent.topic())) {
                    send(producer, sent);
                }
            }
            producer.flush();
        }
    }

    static void send(String bootstrap, Sent sent) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(),
                new StringSerializer())) {
            send(producer, sent);
        }
    }

    private static void send(KafkaProducer<String, String> producer, Sent sent) {
        try {
            producer.send(record(sent)).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot send to " + sent.topic(), e);
        }
    }

    private static ProducerRecord<String, String> record(Sent sent) {
        ProducerRecord<String, String> record = new ProducerRecord<>(sent.topic(), sent.key(), sent.value());
        header(record, Envelope.SPECVERSION, "1.0");
        header(record, Envelope.ID, sent.id());
        header(record, Envelope.TYPE, sent.type());
        header(record, Envelope.SOURCE, "/planner-service");
        header(record, Envelope.SUBJECT, sent.key());
        header(record, Envelope.TIME, sent.time());
        header(record, Envelope.CONTENT_TYPE, "application/json");
        header(record, "traceparent", sent.traceparent());
        return record;
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        if (value != null) {
            record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** A plan item of the adherence tests: dumbbell row, 2 (up to 3) sets of 8–12 reps at 10 kg. */
    static Map<String, Object> dumbbellRowItem(String itemId) {
        return data(
                "itemId",
                itemId,
                "exerciseId",
                "dumbbell-row",
                "exerciseVersion",
                1,
                "exerciseName",
                "dumbbell-row",
                "block",
                "main",
                "position",
                1,
                "doseKind",
                "reps",
                "sets",
                2,
                "setsMax",
                3,
                "repsMin",
                8,
                "repsMax",
                12,
                "secondsMin",
                null,
                "secondsMax",
                null,
                "holdSeconds",
                null,
                "perSide",
                false,
                "loadKind",
                "kg",
                "loadKg",
                10.0,
                "band",
                null,
                "loadStepPercent",
                5,
                "restSeconds",
                60,
                "harderVariantId",
                null,
                "paused",
                false);
    }

    /** A map in the order given, nulls allowed (Map.of allows neither). */
    static Map<String, Object> data(Object... namesAndValues) {
        Map<String, Object> data = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            data.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return data;
    }
}

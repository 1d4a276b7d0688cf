package org.backstrong.planner.messaging;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.Startup;
import io.smallrye.reactive.messaging.kafka.fault.KafkaDeadLetterQueue;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringSerializer;

import org.backstrong.planner.service.InvalidEventException;

/**
 * Parks a record that can never be applied on {@code <topic>.dlq}: same key, value and headers,
 * plus SmallRye's dead-letter headers (reason, exception class, where it came from). A parked
 * record is an alarm: it is logged at ERROR and counted in {@value #METRIC} by topic and reason.
 */
@Startup
@ApplicationScoped
public class DeadLetters {

    /** Prometheus: backstrong_dead_letters_total{topic, reason}. */
    public static final String METRIC = "backstrong.dead.letters";

    private static final long SEND_TIMEOUT_SECONDS = 30;

    private final KafkaClients kafka;
    private final MeterRegistry metrics;
    private KafkaProducer<String, String> producer;

    public DeadLetters(KafkaClients kafka, MeterRegistry metrics) {
        this.kafka = kafka;
        this.metrics = metrics;
        // Known from the start at zero, so the alert's increase() sees the first parked record.
        for (String reason : List.of(
                InvalidEventException.NOT_A_CLOUD_EVENT,
                InvalidEventException.UNKNOWN_TYPE,
                InvalidEventException.UNREADABLE_DATA,
                InvalidEventException.NOT_APPLICABLE)) {
            metrics.counter(METRIC, "topic", Topics.PROGRESS_EVENTS, "reason", reason);
        }
    }

    /** Returns once the broker has the parked record; throws when it could not take it (the caller tries again). */
    public void park(ConsumerRecord<String, String> record, InvalidEventException why) {
        String topic = Topics.deadLetter(record.topic());
        ProducerRecord<String, String> parked = new ProducerRecord<>(topic, null, record.key(), record.value());
        for (Header header : record.headers()) {
            parked.headers().add(header);
        }
        header(
                parked,
                KafkaDeadLetterQueue.DEAD_LETTER_EXCEPTION_CLASS_NAME,
                why.getClass().getName());
        header(parked, KafkaDeadLetterQueue.DEAD_LETTER_REASON, why.getMessage());
        header(parked, KafkaDeadLetterQueue.DEAD_LETTER_TOPIC, record.topic());
        header(parked, KafkaDeadLetterQueue.DEAD_LETTER_PARTITION, Integer.toString(record.partition()));
        header(parked, KafkaDeadLetterQueue.DEAD_LETTER_OFFSET, Long.toString(record.offset()));
        try {
            producer().send(parked).get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Record " + where(record) + " could not be written to " + topic, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while writing to " + topic, e);
        }
        metrics.counter(METRIC, "topic", record.topic(), "reason", why.reason()).increment();
        Log.errorf("Record %s parked on %s (%s): %s", where(record), topic, why.reason(), why.getMessage());
    }

    private synchronized KafkaProducer<String, String> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(
                    kafka.producer(Map.of(
                            ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                            ProducerConfig.ACKS_CONFIG, "all",
                            ProducerConfig.CLIENT_ID_CONFIG, "planner-service-dlq")),
                    new StringSerializer(),
                    new StringSerializer());
        }
        return producer;
    }

    synchronized void stop(@Observes ShutdownEvent stopping) {
        if (producer != null) {
            producer.close();
            producer = null;
        }
    }

    private static String where(ConsumerRecord<String, String> record) {
        return record.topic() + "-" + record.partition() + "@" + record.offset();
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, (value == null ? "" : value).getBytes(StandardCharsets.UTF_8));
    }
}

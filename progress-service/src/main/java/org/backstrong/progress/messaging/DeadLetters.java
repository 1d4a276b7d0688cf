package org.backstrong.progress.messaging;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
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
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Parks a record that cannot be applied on {@code <topic>.dlq}: same key, value and headers, plus
 * the headers SmallRye's dead-letter strategy writes (dead-letter-reason, dead-letter-cause, the
 * exception classes and where the record came from). The consumer writes them itself so that the
 * rest of its batch is applied; it waits for the broker's acks before the batch is acknowledged.
 * Only a record that can never be applied is parked (EventConsumer retries everything else), so a
 * parked record is an alarm: it is logged at ERROR and counted in {@value #METRIC} by topic and
 * reason.
 */
@Startup
@ApplicationScoped
public class DeadLetters {

    /** Prometheus: backstrong_dead_letters_total{topic, reason}. */
    public static final String METRIC = "backstrong.dead.letters";

    static final String INVALID = "invalid-event";
    private static final long SEND_TIMEOUT_SECONDS = 60;

    private final KafkaClients kafka;
    private final MeterRegistry metrics;
    private KafkaProducer<String, String> producer;

    public DeadLetters(KafkaClients kafka, MeterRegistry metrics) {
        this.kafka = kafka;
        this.metrics = metrics;
        // Known from the start at zero, so the alert's increase() sees the first parked record.
        for (String topic : List.of(Topics.PLAN_EVENTS, Topics.SET_EVENTS)) {
            metrics.counter(METRIC, "topic", topic, "reason", INVALID);
        }
    }

    /** Sends the record to its topic's dead-letter twin; {@link #await} waits for the broker. */
    public Future<RecordMetadata> park(ConsumerRecord<String, String> record, Throwable reason) {
        String topic = Topics.deadLetter(record.topic());
        String kind = INVALID;
        Log.errorf(
                "Record %s-%d@%d parked on %s (%s): %s",
                record.topic(), record.partition(), record.offset(), topic, kind, message(reason));
        metrics.counter(METRIC, "topic", record.topic(), "reason", kind).increment();
        ProducerRecord<String, String> parked = new ProducerRecord<>(topic, null, record.key(), record.value());
        for (Header header : record.headers()) {
            parked.headers().add(header);
        }
        header(
                parked,
                KafkaDeadLetterQueue.DEAD_LETTER_EXCEPTION_CLASS_NAME,
                reason.getClass().getName());
        header(parked, KafkaDeadLetterQueue.DEAD_LETTER_REASON, message(reason));
        if (reason.getCause() != null) {
            header(
                    parked,
                    KafkaDeadLetterQueue.DEAD_LETTER_CAUSE_CLASS_NAME,
                    reason.getCause().getClass().getName());
            header(parked, KafkaDeadLetterQueue.DEAD_LETTER_CAUSE, message(reason.getCause()));
        }
        header(parked, KafkaDeadLetterQueue.DEAD_LETTER_TOPIC, record.topic());
        header(parked, KafkaDeadLetterQueue.DEAD_LETTER_PARTITION, Integer.toString(record.partition()));
        header(parked, KafkaDeadLetterQueue.DEAD_LETTER_OFFSET, Long.toString(record.offset()));
        return producer().send(parked);
    }

    /** Waits until the broker has every parked record; a failure fails the batch, which is then not acknowledged. */
    public void await(List<Future<RecordMetadata>> sent) {
        for (Future<RecordMetadata> future : sent) {
            try {
                future.get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            } catch (ExecutionException | TimeoutException e) {
                throw new IllegalStateException("A record could not be written to its dead-letter topic", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while writing to a dead-letter topic", e);
            }
        }
    }

    private synchronized KafkaProducer<String, String> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(
                    kafka.producer(Map.of(
                            ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                            ProducerConfig.ACKS_CONFIG, "all",
                            ProducerConfig.CLIENT_ID_CONFIG, "progress-service-dlq")),
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

    private static String message(Throwable throwable) {
        return throwable.getMessage() == null ? throwable.getClass().getName() : throwable.getMessage();
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}

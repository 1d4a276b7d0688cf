package org.backstrong.e2e;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import org.backstrong.e2e.stack.LocalStack;

/**
 * The dead-letter topics of the stack. A test that sends poison on purpose does it here, so the
 * record's id is known; {@link DeadLettersIT}, last of the tier, fails on any other parked record.
 */
final class DeadLetterWatch {

    static final List<String> DEAD_LETTER_TOPICS = List.of("plan-events.dlq", "set-events.dlq", "progress-events.dlq");

    /** The ce_id of every record a test sent to be parked, for the whole run. */
    private static final Set<String> POISON = ConcurrentHashMap.newKeySet();

    private DeadLetterWatch() {}

    /** Sends a record with CloudEvents headers and the given body, expected to be parked; returns its ce_id. */
    static String sendPoison(LocalStack stack, String topic, String patientId, String type, String body) {
        String id = UUID.randomUUID().toString();
        POISON.add(id);
        send(stack, topic, patientId, id, type, body, Map.of());
        return id;
    }

    /**
     * Puts a good event straight on a dead-letter topic, as a consumer parks what it cannot apply,
     * for a test of replaying it; returns its ce_id (expected on the topic at the end of the run).
     */
    static String park(LocalStack stack, String deadLetterTopic, String patientId, String type, String body) {
        String id = UUID.randomUUID().toString();
        POISON.add(id);
        send(
                stack,
                deadLetterTopic,
                patientId,
                id,
                type,
                body,
                Map.of(
                        "dead-letter-reason",
                        "parked by the test",
                        "dead-letter-topic",
                        deadLetterTopic.replace(".dlq", "")));
        return id;
    }

    private static void send(
            LocalStack stack,
            String topic,
            String patientId,
            String id,
            String type,
            String body,
            Map<String, String> more) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            ProducerRecord<String, String> record = new ProducerRecord<>(topic, patientId, body);
            Map.of(
                            "ce_specversion",
                            "1.0",
                            "ce_id",
                            id,
                            "ce_type",
                            type,
                            "ce_source",
                            "/browser-tests",
                            "ce_subject",
                            patientId,
                            "content-type",
                            "application/json")
                    .forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
            more.forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
            producer.send(record).get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not send a record to " + topic, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static Set<String> poisonSent() {
        return Set.copyOf(POISON);
    }

    /** Every record on the dead-letter topics now, from the start of each partition. */
    static List<ConsumerRecord<String, String>> parked(LocalStack stack) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        List<ConsumerRecord<String, String>> parked = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            Map<String, List<PartitionInfo>> topics = consumer.listTopics(Duration.ofSeconds(30));
            for (String topic : DEAD_LETTER_TOPICS) {
                for (PartitionInfo partition : topics.getOrDefault(topic, List.of())) {
                    partitions.add(new TopicPartition(topic, partition.partition()));
                }
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p, Duration.ofSeconds(30)) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("the dead-letter topics could not be read to their end within 60 s");
                }
                consumer.poll(Duration.ofMillis(500)).forEach(parked::add);
            }
        }
        return parked;
    }

    static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** One line a record, for a failure message: where it was parked, its type and the reason. */
    static String describe(ConsumerRecord<String, String> record) {
        return record.topic() + " " + header(record, "ce_type") + " " + header(record, "ce_id") + ": "
                + header(record, "dead-letter-reason");
    }
}

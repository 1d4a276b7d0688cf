import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The dead-letter topics of a running stack, for `deploy/local/backstrong dlq list|replay TOPIC`
 * (run by Java's source launcher on the Kafka broker's classpath).
 *
 * <p>list: every parked record with its type, id, key and reason; those not yet replayed are marked.
 * replay: sends each record parked since the last replay back to the topic it came from, with its
 * key, value and CloudEvents headers (the dead-letter headers dropped), then remembers how far it got
 * in the consumer group {@value #GROUP}: a second replay sends nothing twice. Consumers apply each
 * event id once, so a replayed event that was applied meanwhile changes nothing.
 */
public final class DeadLetterTool {

    static final String GROUP = "backstrong-dlq-replay";
    static final List<String> TOPICS = List.of("plan-events", "set-events", "progress-events");

    public static void main(String[] args) throws Exception {
        if (args.length < 2 || !List.of("list", "replay").contains(args[1])
                || (args[1].equals("replay") && args.length != 3)) {
            System.err.println("usage: DeadLetterTool BOOTSTRAP list [TOPIC] | BOOTSTRAP replay TOPIC");
            System.exit(2);
        }
        String bootstrap = args[0];
        List<String> topics = args.length == 3 ? List.of(deadLetterTopic(args[2])) : TOPICS.stream()
                .map(DeadLetterTool::deadLetterTopic).toList();
        try (KafkaConsumer<String, String> consumer = consumer(bootstrap)) {
            if (args[1].equals("list")) {
                for (String topic : topics) {
                    list(consumer, topic);
                }
            } else {
                replay(consumer, bootstrap, topics.get(0));
            }
        }
    }

    /** "set-events" or "set-events.dlq": the dead-letter twin of one of the system's topics. */
    static String deadLetterTopic(String name) {
        String source = name.endsWith(".dlq") ? name.substring(0, name.length() - 4) : name;
        if (!TOPICS.contains(source)) {
            System.err.println("unknown topic " + name + ": one of " + String.join(", ", TOPICS));
            System.exit(2);
        }
        return source + ".dlq";
    }

    static void list(KafkaConsumer<String, String> consumer, String topic) {
        List<TopicPartition> partitions = partitions(consumer, topic);
        Map<TopicPartition, OffsetAndMetadata> replayed = consumer.committed(new java.util.HashSet<>(partitions));
        List<ConsumerRecord<String, String>> records = readFrom(consumer, partitions, Map.of());
        long pending = records.stream().filter(r -> !replayedAlready(r, replayed)).count();
        System.out.printf("%s: %d parked, %d not replayed%n", topic, records.size(), pending);
        for (ConsumerRecord<String, String> record : records) {
            System.out.printf("  %s p%d@%d %s %s key=%s%n      reason: %s%n",
                    replayedAlready(record, replayed) ? "replayed" : "PARKED  ", record.partition(), record.offset(),
                    header(record, "ce_type"), header(record, "ce_id"), record.key(),
                    header(record, "dead-letter-reason"));
        }
    }

    static void replay(KafkaConsumer<String, String> consumer, String bootstrap, String topic) throws Exception {
        List<TopicPartition> partitions = partitions(consumer, topic);
        Map<TopicPartition, OffsetAndMetadata> replayed = consumer.committed(new java.util.HashSet<>(partitions));
        Map<TopicPartition, Long> from = new HashMap<>();
        replayed.forEach((partition, offset) -> {
            if (offset != null) {
                from.put(partition, offset.offset());
            }
        });
        List<ConsumerRecord<String, String>> records = readFrom(consumer, partitions, from);
        Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "backstrong-dlq-replay");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(),
                new StringSerializer())) {
            List<Future<RecordMetadata>> acks = new ArrayList<>();
            for (ConsumerRecord<String, String> record : records) {
                String source = header(record, "dead-letter-topic");
                ProducerRecord<String, String> again = new ProducerRecord<>(
                        source == null ? topic.substring(0, topic.length() - 4) : source, record.key(), record.value());
                for (Header header : record.headers()) {
                    if (!header.key().startsWith("dead-letter-")) {
                        again.headers().add(header);
                    }
                }
                again.headers().add("backstrong-replayed-from", (record.topic() + "-" + record.partition() + "@"
                        + record.offset()).getBytes(StandardCharsets.UTF_8));
                acks.add(producer.send(again));
                done.put(new TopicPartition(record.topic(), record.partition()),
                        new OffsetAndMetadata(record.offset() + 1));
                System.out.printf("replaying %s %s (p%d@%d) to %s%n", header(record, "ce_type"),
                        header(record, "ce_id"), record.partition(), record.offset(), again.topic());
            }
            for (Future<RecordMetadata> ack : acks) {
                ack.get(30, TimeUnit.SECONDS);
            }
        }
        if (!done.isEmpty()) {
            consumer.commitSync(done);
        }
        System.out.printf("%s: %d record(s) replayed%n", topic, records.size());
    }

    private static boolean replayedAlready(ConsumerRecord<String, String> record,
            Map<TopicPartition, OffsetAndMetadata> replayed) {
        OffsetAndMetadata upTo = replayed.get(new TopicPartition(record.topic(), record.partition()));
        return upTo != null && record.offset() < upTo.offset();
    }

    private static List<TopicPartition> partitions(KafkaConsumer<String, String> consumer, String topic) {
        List<PartitionInfo> found = consumer.partitionsFor(topic, Duration.ofSeconds(30));
        return found == null ? List.of()
                : found.stream().map(info -> new TopicPartition(topic, info.partition())).toList();
    }

    /** Every record from the given offsets (the start where none is given) up to the end as it is now. */
    private static List<ConsumerRecord<String, String>> readFrom(KafkaConsumer<String, String> consumer,
            List<TopicPartition> partitions, Map<TopicPartition, Long> from) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        if (partitions.isEmpty()) {
            return records;
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        from.forEach(consumer::seek);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (partitions.stream().anyMatch(p -> consumer.position(p, Duration.ofSeconds(30)) < end.get(p))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("could not read " + partitions + " to its end within 60 s");
            }
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))) {
                    records.add(record);
                }
            }
        }
        return records;
    }

    private static KafkaConsumer<String, String> consumer(String bootstrap) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, GROUP);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}

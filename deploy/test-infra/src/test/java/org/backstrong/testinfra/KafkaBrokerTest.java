package org.backstrong.testinfra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class KafkaBrokerTest {

    @Test
    void carriesARecordThroughARealBrokerWithTheRequestedPartitions() throws Exception {
        String bootstrap;
        try (KafkaBroker broker = KafkaBroker.start(Path.of("target"), 6)) {
            bootstrap = broker.bootstrapServers();
            broker.createTopics(6, List.of("infra-check"));
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
                int partitions = admin.describeTopics(Set.of("infra-check")).allTopicNames().get(10, TimeUnit.SECONDS)
                        .get("infra-check").partitions().size();
                assertEquals(6, partitions);
            }
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                    ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                    ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer())) {
                producer.send(new ProducerRecord<>("infra-check", "patient-1", "set logged")).get(10, TimeUnit.SECONDS);
            }
            assertEquals(List.of("patient-1=set logged"), consume(bootstrap, "infra-check", 1));
        }
        assertFalse(FreePort.accepts(Integer.parseInt(bootstrap.substring(bootstrap.indexOf(':') + 1))),
                "the broker is stopped on close");
    }

    static List<String> consume(String bootstrap, String topic, int expected) {
        List<String> received = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "infra-check",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            Instant deadline = Instant.now().plusSeconds(30);
            while (received.size() < expected && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    received.add(record.key() + "=" + record.value());
                }
            }
        }
        return received;
    }
}

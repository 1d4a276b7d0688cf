package org.backstrong.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;

import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import org.backstrong.progress.messaging.Topics;
import org.backstrong.testinfra.KafkaProbe;

/** The service's configured broker is a real one: records keyed by patient stay on one partition. */
@QuarkusTest
class BrokerRoundTripTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void sendsAndReceivesRecordsKeyedByPatientOnOnePartition() {
        String topic = Topics.SET_EVENTS;
        String patient = "22222222-2222-4222-8222-000000000b01";
        RecordMetadata first = KafkaProbe.send(bootstrap, topic, patient, "{\"n\":1}");
        RecordMetadata second = KafkaProbe.send(bootstrap, topic, patient, "{\"n\":2}");
        assertEquals(first.partition(), second.partition());

        List<String> values = KafkaProbe.read(bootstrap, topic, 100, Duration.ofSeconds(5)).stream()
                .filter(record -> patient.equals(record.key()))
                .map(ConsumerRecord::value)
                .toList();
        assertEquals(List.of("{\"n\":1}", "{\"n\":2}"), values);
    }
}

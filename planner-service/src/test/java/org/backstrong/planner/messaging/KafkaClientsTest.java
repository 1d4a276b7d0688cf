package org.backstrong.planner.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** The producers this service makes itself get the cluster's security settings, as the connector's clients do. */
class KafkaClientsTest {

    private final KafkaClients clients = new KafkaClients(Map.of(
            "bootstrap.servers", "kafka-bootstrap:9093",
            "security.protocol", "SASL_SSL",
            "sasl.mechanism", "SCRAM-SHA-512",
            "sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required;",
            "ssl.truststore.location", "/etc/kafka/ca.p12",
            "group.id", "planner-service",
            "auto.offset.reset", "earliest"));

    @Test
    void producersTakeTheConnectorsServersAndSecurity() {
        Map<String, Object> producer = clients.producer(Map.of("client.id", "planner-service-dlq"));
        assertEquals("kafka-bootstrap:9093", producer.get("bootstrap.servers"));
        assertEquals("SASL_SSL", producer.get("security.protocol"));
        assertEquals("SCRAM-SHA-512", producer.get("sasl.mechanism"));
        assertEquals("/etc/kafka/ca.p12", producer.get("ssl.truststore.location"));
        assertEquals("planner-service-dlq", producer.get("client.id"));
    }

    @Test
    void leavesOutWhatOnlyAConsumerKnows() {
        Map<String, Object> producer = clients.producer(Map.of());
        assertFalse(producer.containsKey("group.id"));
        assertFalse(producer.containsKey("auto.offset.reset"));
    }

    @Test
    void aProducersOwnSettingWins() {
        assertEquals(
                "PLAINTEXT",
                clients.producer(Map.of("security.protocol", "PLAINTEXT")).get("security.protocol"));
    }
}

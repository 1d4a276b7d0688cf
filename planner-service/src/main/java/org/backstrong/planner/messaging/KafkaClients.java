package org.backstrong.planner.messaging;

import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.common.annotation.Identifier;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * Settings for the Kafka clients this service makes itself (the outbox relay, dead letters): the
 * connector's own Kafka configuration (every {@code kafka.*} property: servers, TLS, SASL), so a
 * cluster's security settings reach them as they reach the consumers.
 */
@ApplicationScoped
public class KafkaClients {

    private final Map<String, Object> connector;

    public KafkaClients(@Identifier("default-kafka-broker") Map<String, Object> connector) {
        this.connector = Map.copyOf(connector);
    }

    /** What the connector's configuration says a producer should use, then this producer's own settings. */
    public Map<String, Object> producer(Map<String, Object> own) {
        Map<String, Object> settings = new HashMap<>();
        connector.forEach((key, value) -> {
            if (ProducerConfig.configNames().contains(key)) {
                settings.put(key, value);
            }
        });
        settings.putAll(own);
        return settings;
    }

    public Object bootstrapServers() {
        return connector.get(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG);
    }
}

package org.backstrong.planner.messaging;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.common.annotation.Identifier;
import io.smallrye.health.api.Wellness;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * Whether the broker answers, in /q/health/well and /q/health's details but not in readiness: the
 * service does its job through a broker outage (the outbox holds what it would send, consumers
 * resume where they stopped), so an outage must not take every instance out of its Service.
 */
@Wellness
@ApplicationScoped
public class KafkaReachability implements HealthCheck {

    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(2);

    private final Admin admin;

    /** The connector's own Kafka settings (bootstrap servers, TLS, SASL), so this asks the broker the services use. */
    public KafkaReachability(@Identifier("default-kafka-broker") Map<String, Object> kafka) {
        Map<String, Object> settings = new HashMap<>(kafka);
        settings.put(AdminClientConfig.CLIENT_ID_CONFIG, "planner-service-health");
        settings.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) ANSWER_WITHIN.toMillis());
        settings.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) ANSWER_WITHIN.toMillis());
        this.admin = Admin.create(settings);
    }

    @Override
    public HealthCheckResponse call() {
        try {
            int brokers = admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) ANSWER_WITHIN.toMillis()))
                    .nodes()
                    .get(ANSWER_WITHIN.toMillis() + 500, TimeUnit.MILLISECONDS)
                    .size();
            return HealthCheckResponse.named("Kafka broker")
                    .up()
                    .withData("brokers", brokers)
                    .build();
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return HealthCheckResponse.named("Kafka broker")
                    .down()
                    .withData("reason", "no answer within " + ANSWER_WITHIN.toSeconds() + " s")
                    .build();
        }
    }

    @PreDestroy
    void close() {
        admin.close(Duration.ofSeconds(1));
    }
}

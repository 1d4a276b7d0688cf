package org.backstrong.planner;

import java.time.Duration;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;

import org.backstrong.testinfra.KafkaProbe;

/** Reads what the planner published to the real broker, for one patient. */
final class Events {

    private Events() {}

    static String bootstrap() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }

    /** Every record of a patient on a topic, once at least {@code expected} have arrived (or 20 s passed). */
    static List<ConsumerRecord<String, String>> of(String topic, String patientId, int expected) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        List<ConsumerRecord<String, String>> found = List.of();
        while (System.nanoTime() < deadline) {
            found = KafkaProbe.read(bootstrap(), topic, Integer.MAX_VALUE, Duration.ofSeconds(2)).stream()
                    .filter(record -> patientId.equals(record.key()))
                    .toList();
            if (found.size() >= expected) {
                return found;
            }
        }
        return found;
    }

    static String type(ConsumerRecord<String, String> record) {
        return KafkaProbe.header(record, "ce_type");
    }
}

package org.backstrong.testinfra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;

class KafkaBrokerTest {

    @Test
    void carriesARecordThroughARealBrokerWithTheRequestedPartitions() throws Exception {
        String bootstrap;
        try (KafkaBroker broker = KafkaBroker.start(Path.of("target"), 6)) {
            bootstrap = broker.bootstrapServers();
            broker.createTopics(6, List.of("infra-check"));
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
                int partitions = admin.describeTopics(Set.of("infra-check"))
                        .allTopicNames()
                        .get(10, TimeUnit.SECONDS)
                        .get("infra-check")
                        .partitions()
                        .size();
                assertEquals(6, partitions);
            }
            KafkaProbe.send(bootstrap, "infra-check", "patient-1", "set logged");
            List<String> received = KafkaProbe.read(bootstrap, "infra-check", 1, Duration.ofSeconds(30)).stream()
                    .map(record -> record.key() + "=" + record.value())
                    .toList();
            assertEquals(List.of("patient-1=set logged"), received);
        }
        assertFalse(
                FreePort.accepts(Integer.parseInt(bootstrap.substring(bootstrap.indexOf(':') + 1))),
                "the broker is stopped on close");
    }
}

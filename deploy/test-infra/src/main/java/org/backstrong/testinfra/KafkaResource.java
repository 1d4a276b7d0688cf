package org.backstrong.testinfra;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Quarkus test resource: a throwaway Kafka broker (KRaft) for the service under test. The
 * {@code topics} init argument (comma-separated) names topics created up front, with
 * {@code partitions} partitions (default 6, as in the running system).
 */
public class KafkaResource implements QuarkusTestResourceLifecycleManager {

    private List<String> topics = List.of();
    private int partitions = 6;
    private KafkaBroker broker;

    @Override
    public void init(Map<String, String> initArgs) {
        topics = Stream.of(initArgs.getOrDefault("topics", "").split(","))
                .map(String::trim)
                .filter(topic -> !topic.isEmpty())
                .toList();
        partitions = Integer.parseInt(initArgs.getOrDefault("partitions", Integer.toString(partitions)));
    }

    @Override
    public Map<String, String> start() {
        broker = KafkaBroker.start(Path.of("target"), partitions);
        broker.createTopics(partitions, topics);
        return Map.of("kafka.bootstrap.servers", broker.bootstrapServers());
    }

    @Override
    public void stop() {
        if (broker != null) {
            broker.close();
        }
    }
}

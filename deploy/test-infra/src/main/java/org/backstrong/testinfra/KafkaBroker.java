package org.backstrong.testinfra;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * A throwaway Kafka broker in KRaft combined mode (broker and controller in one process),
 * run from the jars of org.apache.kafka:kafka_2.13 in a child JVM, on free loopback ports.
 */
public final class KafkaBroker implements AutoCloseable {

    /** Written by the backstrong-kafka-broker module at build time. */
    public static final String CLASSPATH_RESOURCE = "org/backstrong/kafka/broker-classpath.txt";

    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(90);

    private final Path dir;
    private final int port;
    private final Process process;

    private KafkaBroker(Path dir, int port, Process process) {
        this.dir = dir;
        this.port = port;
        this.process = process;
    }

    /** Formats and starts a broker in a new directory below {@code parent}; auto-created topics get {@code partitions}. */
    public static KafkaBroker start(Path parent, int partitions) {
        String classpath = brokerClasspath();
        int port = FreePort.pick();
        int controllerPort = FreePort.pick();
        Path dir;
        Path properties;
        Path log;
        try {
            Files.createDirectories(parent);
            dir = Files.createTempDirectory(parent.toAbsolutePath(), "kafka-");
            properties = dir.resolve("server.properties");
            log = dir.resolve("kafka.log");
            Files.writeString(properties, serverProperties(dir, port, controllerPort, partitions));
            Files.writeString(dir.resolve("log4j2.properties"), """
                    rootLogger.level = INFO
                    rootLogger.appenderRef.stdout.ref = STDOUT
                    appender.stdout.type = Console
                    appender.stdout.name = STDOUT
                    appender.stdout.layout.type = PatternLayout
                    appender.stdout.layout.pattern = [%d] %p %m (%c)%n
                    logger.kafka.name = kafka
                    logger.kafka.level = WARN
                    logger.apache.name = org.apache.kafka
                    logger.apache.level = WARN
                    logger.raftserver.name = kafka.server.KafkaRaftServer
                    logger.raftserver.level = INFO
                    """);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare a Kafka directory below " + parent, e);
        }
        List<String> java = List.of(
                javaExecutable(),
                "-Xms128m",
                "-Xmx512m",
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-Dlog4j2.configurationFile=" + dir.resolve("log4j2.properties"),
                "-cp",
                classpath);
        ChildProcess.run(
                concat(
                        java,
                        List.of(
                                "kafka.tools.StorageTool",
                                "format",
                                "--standalone",
                                // "=": a random id may start with "-", which would read as an option.
                                "--cluster-id=" + clusterId(),
                                "-c",
                                properties.toString())),
                log,
                120);
        Process process = ChildProcess.start(concat(java, List.of("kafka.Kafka", properties.toString())), log);
        KafkaBroker broker = new KafkaBroker(dir, port, process);
        Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "kafka-shutdown"));
        broker.awaitReady(log);
        return broker;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** Creates topics that do not exist yet. */
    public void createTopics(int partitions, Collection<String> names) {
        try (Admin admin = admin()) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = names.stream()
                    .filter(name -> !existing.contains(name))
                    .map(name -> new NewTopic(name, partitions, (short) 1))
                    .toList();
            admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("Cannot create topics " + names + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating topics", e);
        }
    }

    @Override
    public synchronized void close() {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
        if (Files.exists(dir)) {
            try (Stream<Path> paths = Files.walk(dir)) {
                paths.sorted(Comparator.reverseOrder())
                        .forEach(path -> path.toFile().delete());
            } catch (IOException | UncheckedIOException e) {
                // Best effort: a leftover directory in target/ is removed by the next clean.
            }
        }
    }

    private void awaitReady(Path log) {
        Instant deadline = Instant.now().plus(STARTUP_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Kafka exited at start-up:\n" + ChildProcess.tail(log));
            }
            if (FreePort.accepts(port) && clusterAnswers()) {
                return;
            }
            PostgresServer.pause();
        }
        String tail = ChildProcess.tail(log);
        close();
        throw new IllegalStateException("Kafka not ready after " + STARTUP_TIMEOUT.toSeconds() + " s:\n" + tail);
    }

    private boolean clusterAnswers() {
        try (Admin admin = admin()) {
            return !admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty();
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private Admin admin() {
        return Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10000));
    }

    private static String serverProperties(Path dir, int port, int controllerPort, int partitions) {
        return String.join(
                "\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.bootstrap.servers=127.0.0.1:" + controllerPort,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + dir.resolve("data"),
                "num.partitions=" + partitions,
                "auto.create.topics.enable=true",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=6",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "");
    }

    private static String brokerClasspath() {
        try (InputStream in = KafkaBroker.class.getClassLoader().getResourceAsStream(CLASSPATH_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(CLASSPATH_RESOURCE + " is missing: build the backstrong-kafka-broker"
                        + " module (./mvnw -pl deploy/kafka-broker package) before running tests that need Kafka");
            }
            String classpath = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
            String missing = Stream.of(classpath.split(":"))
                    .filter(jar -> !Files.exists(Path.of(jar)))
                    .collect(Collectors.joining(", "));
            if (!missing.isEmpty()) {
                throw new IllegalStateException("Kafka broker jars missing from the local Maven repository: " + missing
                        + " (rebuild deploy/kafka-broker)");
            }
            return classpath;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Kafka cluster ids are 16 random bytes in URL-safe base64 without padding. */
    private static String clusterId() {
        byte[] bytes = new byte[16];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static List<String> concat(List<String> first, List<String> second) {
        return Stream.concat(first.stream(), second.stream()).toList();
    }
}

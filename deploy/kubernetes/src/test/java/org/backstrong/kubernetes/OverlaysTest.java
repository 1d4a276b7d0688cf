package org.backstrong.kubernetes;

import static org.backstrong.kubernetes.Kustomize.ofKind;
import static org.backstrong.kubernetes.Kustomize.render;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.kafka.listener.GenericKafkaListener;
import io.strimzi.api.kafka.model.kafka.listener.KafkaListenerAuthenticationScramSha512;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.nodepool.ProcessRoles;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;
import io.strimzi.api.kafka.model.user.KafkaUserAuthorizationSimple;
import io.strimzi.api.kafka.model.user.KafkaUserScramSha512ClientAuthentication;
import io.strimzi.api.kafka.model.user.acl.AclOperation;
import io.strimzi.api.kafka.model.user.acl.AclResourcePatternType;
import io.strimzi.api.kafka.model.user.acl.AclRule;
import io.strimzi.api.kafka.model.user.acl.AclRuleGroupResource;
import io.strimzi.api.kafka.model.user.acl.AclRuleTopicResource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each overlay, rendered as kubectl would apply it, holds to README.md: the services run at least two
 * pods with probes on the management port, resources, Prometheus annotations, a budget, an autoscaler
 * and a network policy each; no secret value is written down; Kafka has the six topics, three brokers
 * and a user per service limited to its topics; PostgreSQL a database and owner per service and Keycloak.
 * CloudNativePG's and the Keycloak operator's kinds are read as YAML trees: no model of them resolves here.
 */
class OverlaysTest {

    private static final List<String> SERVICES = List.of("catalog-service", "planner-service", "progress-service");
    private static final Set<String> TOPICS = Set.of(
            "plan-events", "set-events", "progress-events", "plan-events.dlq", "set-events.dlq", "progress-events.dlq");
    private static final Pattern SECRET_NAME = Pattern.compile(".*(PASSWORD|SECRET|JAAS|CREDENTIAL).*|.*_KEY");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{[A-Z_]+}");

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyServiceRunsTwoOrMorePodsWithProbesOnTheManagementPortAndResources(String overlay) {
        List<Deployment> deployments = ofKind(render(overlay), "Deployment", Deployment.class);
        assertEquals(
                SERVICES,
                deployments.stream()
                        .map(d -> d.getMetadata().getName())
                        .sorted()
                        .toList());
        for (Deployment deployment : deployments) {
            String name = deployment.getMetadata().getName();
            assertTrue(deployment.getSpec().getReplicas() >= 2, name + " replicas");
            for (Container container :
                    deployment.getSpec().getTemplate().getSpec().getContainers()) {
                int management = port(container, "management");
                assertProbe(name + " liveness", container.getLivenessProbe(), "/q/health/live", management);
                assertProbe(name + " readiness", container.getReadinessProbe(), "/q/health/ready", management);
                assertProbe(name + " startup", container.getStartupProbe(), "/q/health/started", management);
                var resources = container.getResources();
                assertNotNull(resources.getRequests().get("cpu"), name + " cpu request");
                assertNotNull(resources.getRequests().get("memory"), name + " memory request");
                assertNotNull(resources.getLimits().get("memory"), name + " memory limit");
                Map<String, String> annotations =
                        deployment.getSpec().getTemplate().getMetadata().getAnnotations();
                assertEquals("true", annotations.get("prometheus.io/scrape"), name);
                assertEquals("/q/metrics", annotations.get("prometheus.io/path"), name);
                assertEquals(Integer.toString(management), annotations.get("prometheus.io/port"), name);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void noSecretValueIsWrittenDown(String overlay) {
        List<JsonNode> objects = render(overlay);
        assertEquals(List.of(), ofKind(objects, "Secret"), "Secrets are made at install, never committed");
        assertEquals(List.of(), ofKind(objects, "ConfigMap"), "no ConfigMap to hide a secret in");
        for (Deployment deployment : ofKind(objects, "Deployment", Deployment.class)) {
            for (Container container :
                    deployment.getSpec().getTemplate().getSpec().getContainers()) {
                for (EnvVar env : container.getEnv()) {
                    if (SECRET_NAME.matcher(env.getName()).matches()) {
                        assertNull(env.getValue(), deployment.getMetadata().getName() + " " + env.getName());
                        assertNotNull(env.getValueFrom().getSecretKeyRef(), env.getName() + " from a Secret");
                    }
                }
            }
        }
        for (JsonNode realmImport : ofKind(objects, "KeycloakRealmImport")) {
            for (JsonNode client : realmImport.at("/spec/realm/clients")) {
                if (client.has("secret")) {
                    assertTrue(
                            PLACEHOLDER.matcher(client.path("secret").asText()).matches(), client.toString());
                }
            }
            realmImport
                    .at("/spec/placeholders")
                    .forEach(p -> assertFalse(p.at("/secret/name").asText().isEmpty()));
            for (String variable : placeholders(realmImport.at("/spec/realm").toString())) {
                assertTrue(realmImport.at("/spec/placeholders").has(variable), variable + " has no placeholder");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyServiceHasABudgetAnAutoscalerWithinThePartitionsAndAPolicy(String overlay) {
        List<JsonNode> objects = render(overlay);
        Map<String, PodDisruptionBudget> budgets = byName(
                ofKind(objects, "PodDisruptionBudget", PodDisruptionBudget.class),
                b -> b.getMetadata().getName());
        Map<String, HorizontalPodAutoscaler> autoscalers = byName(
                ofKind(objects, "HorizontalPodAutoscaler", HorizontalPodAutoscaler.class),
                h -> h.getSpec().getScaleTargetRef().getName());
        Map<String, NetworkPolicy> policies = byName(
                ofKind(objects, "NetworkPolicy", NetworkPolicy.class),
                p -> p.getSpec().getPodSelector().getMatchLabels().get("app.kubernetes.io/name"));
        for (Deployment deployment : ofKind(objects, "Deployment", Deployment.class)) {
            String name = deployment.getMetadata().getName();
            Map<String, String> pods =
                    deployment.getSpec().getTemplate().getMetadata().getLabels();
            assertTrue(selects(budgets.get(name).getSpec().getSelector(), pods), name + " budget");
            HorizontalPodAutoscaler autoscaler = autoscalers.get(name);
            assertTrue(autoscaler.getSpec().getMinReplicas() >= 2, name + " autoscaler minimum");
            // A seventh consumer of a 6-partition topic's group would sit idle.
            assertTrue(autoscaler.getSpec().getMaxReplicas() <= 6, name + " autoscaler maximum");
            NetworkPolicy policy = policies.get(name);
            assertTrue(selects(policy.getSpec().getPodSelector(), pods), name + " policy");
            assertEquals(List.of("Ingress", "Egress"), policy.getSpec().getPolicyTypes(), name);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void onlyPlannerIsReachedFromOutsideAndEachServiceReachesOnlyWhatItUses(String overlay) {
        Map<String, NetworkPolicy> policies = byName(
                ofKind(render(overlay), "NetworkPolicy", NetworkPolicy.class),
                p -> p.getMetadata().getName());
        String dns = "k8s-app=kube-dns:53,53";
        String database = "cnpg.io/cluster=backstrong-db:5432";
        String keycloak = "app.kubernetes.io/instance=backstrong-keycloak:8080";
        String kafka = "strimzi.io/cluster=backstrong-kafka,strimzi.io/kind=Kafka:9093";
        assertEquals(
                Set.of(
                        "app.kubernetes.io/name=catalog-service:8081",
                        "app.kubernetes.io/name=progress-service:8082",
                        kafka,
                        database,
                        keycloak,
                        dns),
                egress(policies.get("planner-service")));
        assertEquals(Set.of(kafka, database, keycloak, dns), egress(policies.get("progress-service")));
        assertEquals(Set.of(database, keycloak, dns), egress(policies.get("catalog-service")));
        String monitoring = "kubernetes.io/metadata.name=monitoring:";
        assertEquals(Set.of("anyone:8080", monitoring + "9080"), ingress(policies.get("planner-service")));
        assertEquals(
                Set.of("app.kubernetes.io/name=planner-service:8081", monitoring + "9081"),
                ingress(policies.get("catalog-service")));
        assertEquals(
                Set.of("app.kubernetes.io/name=planner-service:8082", monitoring + "9082"),
                ingress(policies.get("progress-service")));
        for (Ingress ingress : ofKind(render(overlay), "Ingress", Ingress.class)) {
            ingress.getSpec()
                    .getRules()
                    .forEach(rule -> rule.getHttp()
                            .getPaths()
                            .forEach(path -> assertEquals(
                                    "planner-service",
                                    path.getBackend().getService().getName(),
                                    "only planner has an Ingress")));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void kafkaHasThreeBrokersAndTheSixTopicsWithSixPartitionsAndThreeReplicas(String overlay) {
        List<JsonNode> objects = render(overlay);
        List<Kafka> clusters = ofKind(objects, "Kafka", Kafka.class);
        assertEquals(1, clusters.size());
        Kafka kafka = clusters.get(0);
        assertEquals(
                3,
                ofKind(objects, "KafkaNodePool", KafkaNodePool.class).stream()
                        .filter(pool -> pool.getSpec().getRoles().contains(ProcessRoles.BROKER))
                        .mapToInt(pool -> pool.getSpec().getReplicas())
                        .sum(),
                "brokers");
        Map<String, Object> config = kafka.getSpec().getKafka().getConfig();
        assertEquals(3, ((Number) config.get("default.replication.factor")).intValue());
        assertEquals(2, ((Number) config.get("min.insync.replicas")).intValue());
        for (GenericKafkaListener listener : kafka.getSpec().getKafka().getListeners()) {
            assertTrue(listener.isTls(), listener.getName() + " is TLS");
            assertTrue(listener.getAuth() instanceof KafkaListenerAuthenticationScramSha512, listener.getName());
        }
        List<KafkaTopic> topics = ofKind(objects, "KafkaTopic", KafkaTopic.class);
        assertEquals(
                TOPICS, topics.stream().map(t -> t.getSpec().getTopicName()).collect(Collectors.toSet()));
        for (KafkaTopic topic : topics) {
            assertEquals(6, topic.getSpec().getPartitions(), topic.getSpec().getTopicName());
            assertEquals(3, topic.getSpec().getReplicas(), topic.getSpec().getTopicName());
            assertEquals(
                    kafka.getMetadata().getName(),
                    topic.getMetadata().getLabels().get("strimzi.io/cluster"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void eachServicesKafkaUserMayOnlyWhatItsCodeDoes(String overlay) throws IOException {
        Map<String, KafkaUser> users = byName(
                ofKind(render(overlay), "KafkaUser", KafkaUser.class),
                u -> u.getMetadata().getName());
        assertEquals(Set.of("planner-service", "progress-service"), users.keySet(), "catalog-service uses no Kafka");
        assertEquals(
                Set.of(
                        "topic plan-events WRITE DESCRIBE",
                        "topic set-events WRITE DESCRIBE",
                        "topic progress-events READ DESCRIBE",
                        "topic progress-events.dlq WRITE DESCRIBE",
                        "group planner-service READ"),
                acls(users.get("planner-service")));
        assertEquals(
                Set.of(
                        "topic plan-events READ DESCRIBE",
                        "topic set-events READ DESCRIBE",
                        "topic progress-events WRITE DESCRIBE",
                        "topic plan-events.dlq WRITE DESCRIBE",
                        "topic set-events.dlq WRITE DESCRIBE",
                        "group progress-service READ"),
                acls(users.get("progress-service")));
        // The consumers' topics and groups, as the services configure them, are what their users may read.
        for (KafkaUser user : users.values()) {
            assertTrue(user.getSpec().getAuthentication() instanceof KafkaUserScramSha512ClientAuthentication);
            Set<String> granted = acls(user);
            Properties config = applicationProperties(user.getMetadata().getName());
            for (String key : config.stringPropertyNames()) {
                if (key.startsWith("mp.messaging.incoming.") && key.endsWith(".topic")) {
                    assertTrue(granted.contains("topic " + config.getProperty(key) + " READ DESCRIBE"), key);
                }
                if (key.startsWith("mp.messaging.incoming.") && key.endsWith(".group.id")) {
                    assertTrue(granted.contains("group " + config.getProperty(key) + " READ"), key);
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void servicesThatUseKafkaConnectOverTlsAsTheirOwnUser(String overlay) {
        for (Deployment deployment : ofKind(render(overlay), "Deployment", Deployment.class)) {
            String name = deployment.getMetadata().getName();
            Map<String, EnvVar> env =
                    deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv().stream()
                            .collect(Collectors.toMap(EnvVar::getName, e -> e));
            if (name.equals("catalog-service")) {
                assertFalse(env.keySet().stream().anyMatch(k -> k.startsWith("KAFKA_")), name + " uses no Kafka");
                continue;
            }
            assertEquals(
                    "backstrong-kafka-kafka-bootstrap:9093",
                    env.get("KAFKA_BOOTSTRAP_SERVERS").getValue());
            assertEquals("SASL_SSL", env.get("KAFKA_SECURITY_PROTOCOL").getValue(), name);
            assertEquals("SCRAM-SHA-512", env.get("KAFKA_SASL_MECHANISM").getValue(), name);
            var jaas = env.get("KAFKA_SASL_JAAS_CONFIG").getValueFrom().getSecretKeyRef();
            assertEquals(name, jaas.getName(), "the KafkaUser's own Secret");
            assertEquals("sasl.jaas.config", jaas.getKey());
            assertEquals("PEM", env.get("KAFKA_SSL_TRUSTSTORE_TYPE").getValue(), name);
            var ca = env.get("KAFKA_SSL_TRUSTSTORE_CERTIFICATES").getValueFrom().getSecretKeyRef();
            assertEquals("backstrong-kafka-cluster-ca-cert", ca.getName());
            assertEquals("ca.crt", ca.getKey());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void postgresHasThreeInstancesAndADatabaseAndOwnerPerService(String overlay) {
        List<JsonNode> objects = render(overlay);
        List<JsonNode> clusters = ofKind(objects, "Cluster");
        assertEquals(1, clusters.size());
        JsonNode cluster = clusters.get(0);
        assertEquals(3, cluster.at("/spec/instances").asInt());
        Map<String, String> owners = new TreeMap<>();
        Map<String, String> passwords = new TreeMap<>();
        JsonNode initdb = cluster.at("/spec/bootstrap/initdb");
        owners.put(initdb.path("database").asText(), initdb.path("owner").asText());
        passwords.put(initdb.path("owner").asText(), initdb.at("/secret/name").asText());
        for (JsonNode role : cluster.at("/spec/managed/roles")) {
            passwords.put(
                    role.path("name").asText(), role.at("/passwordSecret/name").asText());
        }
        for (JsonNode database : ofKind(objects, "Database")) {
            assertEquals(
                    cluster.at("/metadata/name").asText(),
                    database.at("/spec/cluster/name").asText());
            owners.put(
                    database.at("/spec/name").asText(),
                    database.at("/spec/owner").asText());
        }
        Map<String, String> each =
                Map.of("catalog", "catalog", "planner", "planner", "progress", "progress", "keycloak", "keycloak");
        assertEquals(new TreeMap<>(each), owners, "database to owner");
        assertEquals(
                new TreeMap<>(Map.of(
                        "catalog",
                        "catalog-db",
                        "planner",
                        "planner-db",
                        "progress",
                        "progress-db",
                        "keycloak",
                        "keycloak-db")),
                passwords,
                "role to its password's Secret");
        for (Deployment deployment : ofKind(objects, "Deployment", Deployment.class)) {
            Map<String, EnvVar> env =
                    deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv().stream()
                            .collect(Collectors.toMap(EnvVar::getName, e -> e));
            String role = env.get("QUARKUS_DATASOURCE_USERNAME").getValue();
            assertEquals(
                    "jdbc:postgresql://" + cluster.at("/metadata/name").asText() + "-rw:5432/" + role,
                    env.get("QUARKUS_DATASOURCE_JDBC_URL").getValue());
            assertEquals(
                    passwords.get(role),
                    env.get("QUARKUS_DATASOURCE_PASSWORD")
                            .getValueFrom()
                            .getSecretKeyRef()
                            .getName());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void keycloakImportsTheBackstrongRealmWithTheClaimsAndClientsTheServicesNeed(String overlay) {
        List<JsonNode> objects = render(overlay);
        List<JsonNode> keycloaks = ofKind(objects, "Keycloak");
        assertEquals(1, keycloaks.size());
        JsonNode keycloak = keycloaks.get(0);
        assertEquals("keycloak-db", keycloak.at("/spec/db/passwordSecret/name").asText());
        List<JsonNode> imports = ofKind(objects, "KeycloakRealmImport");
        assertEquals(1, imports.size());
        JsonNode realm = imports.get(0).at("/spec/realm");
        assertEquals(
                keycloak.at("/metadata/name").asText(),
                imports.get(0).at("/spec/keycloakCRName").asText());
        assertEquals("backstrong", realm.path("realm").asText());
        Set<String> clients = new TreeSet<>();
        realm.path("clients").forEach(c -> clients.add(c.path("clientId").asText()));
        assertTrue(clients.containsAll(Set.of("backstrong-web", "backstrong-invitations")), clients.toString());
        for (JsonNode client : realm.path("clients")) {
            if (client.path("clientId").asText().equals("backstrong-web")) {
                Set<String> mappers = new TreeSet<>();
                client.path("protocolMappers")
                        .forEach(m -> mappers.add(m.path("name").asText()));
                assertTrue(
                        mappers.containsAll(Set.of("clinic_id", "clinic_ids", "audience backstrong-web")),
                        mappers.toString());
            }
            if (overlay.equals("prod")) {
                assertFalse(client.path("directAccessGrantsEnabled").asBoolean(), "password grant in prod");
            }
        }
        long people = 0;
        for (JsonNode user : realm.path("users")) {
            people += user.has("serviceAccountClientId") ? 0 : 1;
        }
        if (overlay.equals("prod")) {
            assertEquals(0, people, "users in the production realm");
        } else {
            assertTrue(people > 0, "the demo realm's users in dev");
        }
    }

    private static void assertProbe(String what, Probe probe, String path, int port) {
        assertNotNull(probe, what);
        assertEquals(path, probe.getHttpGet().getPath(), what);
        assertEquals(port, probe.getHttpGet().getPort().getIntVal(), what);
    }

    private static int port(Container container, String name) {
        return container.getPorts().stream()
                .filter(p -> name.equals(p.getName()))
                .map(ContainerPort::getContainerPort)
                .findFirst()
                .orElseThrow(() -> new AssertionError(container.getName() + " has no port " + name));
    }

    private static boolean selects(LabelSelector selector, Map<String, String> labels) {
        return !selector.getMatchLabels().isEmpty()
                && labels.entrySet().containsAll(selector.getMatchLabels().entrySet());
    }

    private static Set<String> egress(NetworkPolicy policy) {
        Set<String> peers = new TreeSet<>();
        policy.getSpec()
                .getEgress()
                .forEach(rule -> rule.getTo().forEach(to -> peers.add(peer(to) + ":" + ports(rule.getPorts()))));
        return peers;
    }

    private static Set<String> ingress(NetworkPolicy policy) {
        Set<String> peers = new TreeSet<>();
        policy.getSpec().getIngress().forEach(rule -> {
            if (rule.getFrom().isEmpty()) {
                peers.add("anyone:" + ports(rule.getPorts()));
            }
            rule.getFrom().forEach(from -> peers.add(peer(from) + ":" + ports(rule.getPorts())));
        });
        return peers;
    }

    private static String peer(NetworkPolicyPeer peer) {
        LabelSelector selector = peer.getPodSelector() != null ? peer.getPodSelector() : peer.getNamespaceSelector();
        return new TreeMap<>(selector.getMatchLabels())
                .entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(","));
    }

    private static String ports(List<NetworkPolicyPort> ports) {
        return ports.stream()
                .map(p -> p.getPort().toString().replaceAll("\\D", ""))
                .collect(Collectors.joining(","));
    }

    private static Set<String> acls(KafkaUser user) {
        Set<String> granted = new TreeSet<>();
        for (AclRule rule : ((KafkaUserAuthorizationSimple) user.getSpec().getAuthorization()).getAcls()) {
            String operations =
                    rule.getOperations().stream().map(AclOperation::name).collect(Collectors.joining(" "));
            if (rule.getResource() instanceof AclRuleTopicResource topic) {
                assertEquals(AclResourcePatternType.LITERAL, topic.getPatternType(), "no prefix or wildcard");
                granted.add("topic " + topic.getName() + " " + operations);
            } else if (rule.getResource() instanceof AclRuleGroupResource group) {
                assertEquals(AclResourcePatternType.LITERAL, group.getPatternType(), "no prefix or wildcard");
                granted.add("group " + group.getName() + " " + operations);
            } else {
                granted.add(rule.getResource().getType() + " " + operations);
            }
        }
        return granted;
    }

    private static Properties applicationProperties(String service) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(Kustomize.MODULE
                .resolve("../..")
                .resolve(service)
                .resolve("src/main/resources/application.properties"))) {
            properties.load(reader);
        }
        return properties;
    }

    private static Set<String> placeholders(String text) {
        Set<String> names = new TreeSet<>();
        var matcher = Pattern.compile("\\$\\{(BACKSTRONG_[A-Z_]+)}").matcher(text);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    private static <T> Map<String, T> byName(List<T> items, Function<T, String> name) {
        Map<String, T> map = new TreeMap<>();
        items.forEach(item -> map.put(name.apply(item), item));
        assertEquals(items.size(), map.size(), "one of each name");
        return map;
    }
}

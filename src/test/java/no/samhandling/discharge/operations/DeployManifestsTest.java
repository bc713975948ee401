package no.samhandling.discharge.operations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Reader;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What is deployed under {@code deploy/} agrees with the service: every YAML file parses, every topic that
 * application.properties (or a {@code @ConfigMapping} default) names is declared as a Strimzi KafkaTopic and
 * created by docker-compose's init step with the same partitions and retention, only the principals named for
 * a topic may write to it, and the alert rules for Kubernetes and for a plain Prometheus are the same.
 * Runs without Quarkus: it reads the files.
 */
class DeployManifestsTest {

    private static final Path DEPLOY = Path.of("deploy");
    private static final Path PROPERTIES = Path.of("src/main/resources/application.properties");
    private static final Path CLASSES = Path.of("target/classes");
    /** Topics declared before the code that uses them (none now: capacity.fhir.out is configured). */
    private static final Set<String> PLANNED_TOPICS = Set.of();
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^:}]+)(?::([^}]*))?}");
    /** The statistics bench's peak heap use at national scale, -Xmx410m: 406 MB (bench/reports/statistics.md), in MiB. */
    private static final long BENCH_HEAP_USED_MIB = 406_000_000L / (1024 * 1024);
    /** What the JVM needed beside the heap in that run: 933 MB resident (890 MiB) with a heap of at most 410 MiB. */
    private static final long BENCH_BESIDE_HEAP_MIB = 933_000_000L / (1024 * 1024) - 410;
    private static final Pattern COMPOSE_TOPIC = Pattern.compile(
            "--topic\\s+(\\S+)\\s+--partitions\\s+(\\d+)(?:.*?retention\\.ms=(\\d+))?");

    private static Properties properties;
    private static List<JsonNode> strimzi;

    @BeforeAll
    static void read() throws IOException {
        properties = new Properties();
        try (Reader reader = Files.newBufferedReader(PROPERTIES, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        strimzi = new ArrayList<>();
        strimzi.addAll(yaml(DEPLOY.resolve("kubernetes/kafka/topics.yml")));
        strimzi.addAll(yaml(DEPLOY.resolve("kubernetes/kafka/users.yml")));
    }

    @Test
    void everyYamlFileUnderDeployParses() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(DEPLOY)) {
            files = walk.filter(p -> p.toString().endsWith(".yml") || p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertThat(files).contains(DEPLOY.resolve("docker-compose.yml"), DEPLOY.resolve("kubernetes/kubernetes.yml"),
                DEPLOY.resolve("kubernetes/kafka/topics.yml"), DEPLOY.resolve("kubernetes/kafka/users.yml"),
                DEPLOY.resolve("kubernetes/alerts.yml"), DEPLOY.resolve("prometheus/alerts.yml"));
        for (Path file : files) {
            assertThat(yaml(file)).as(file.toString()).isNotEmpty().allSatisfy(document -> assertThat(document.isObject())
                    .as("every document of %s is a mapping", file).isTrue());
        }
    }

    @Test
    void everyConfiguredTopicIsDeclaredForStrimziAndCreatedByCompose() throws IOException {
        Set<String> configured = configuredTopics();
        assertThat(configured).as("topics found in the configuration: 2 inbound, their dead-letter topics, 3 outbound")
                .hasSizeGreaterThanOrEqualTo(7);
        assertThat(mappedTopicDefaults()).as("topic settings with defaults in @ConfigMapping interfaces").isNotEmpty();
        assertThat(kafkaTopics().keySet()).as("KafkaTopic resources in deploy/kubernetes/kafka/topics.yml")
                .containsAll(configured).containsAll(PLANNED_TOPICS);
        assertThat(composeTopics().keySet()).as("topics created by kafka-init in deploy/docker-compose.yml")
                .containsAll(configured).containsAll(PLANNED_TOPICS);
        Set<String> known = new HashSet<>(configured);
        known.addAll(PLANNED_TOPICS);
        assertThat(known).as("a declared topic that nothing configures is a leftover of a rename").containsAll(kafkaTopics().keySet());
    }

    @Test
    void strimziAndComposeCreateTheSameTopicsWithTheSamePartitionsAndRetention() throws IOException {
        Map<String, List<Long>> fromStrimzi = new TreeMap<>();
        kafkaTopics().forEach((name, spec) -> fromStrimzi.put(name,
                List.of(spec.path("partitions").asLong(), spec.path("config").path("retention.ms").asLong())));
        assertThat(new TreeMap<>(composeTopics())).isEqualTo(fromStrimzi);
    }

    @Test
    void topicsAreReplicatedForProductionAndKeepEnough() {
        Set<String> inbound = inboundChannels().keySet();
        kafkaTopics().forEach((name, spec) -> {
            assertThat(spec.path("replicas").asInt()).as("%s replicas", name).isEqualTo(3);
            JsonNode config = spec.path("config");
            assertThat(config.path("min.insync.replicas").asInt()).as("%s min.insync.replicas", name).isEqualTo(2);
            assertThat(config.path("cleanup.policy").asText()).as("%s cleanup.policy", name).isEqualTo("delete");
            Duration retention = Duration.ofMillis(config.path("retention.ms").asLong());
            if (name.endsWith(".dlq")) {
                assertThat(retention).as("%s: time to investigate a dead letter", name).isGreaterThanOrEqualTo(Duration.ofDays(30));
            } else {
                assertThat(retention).as("%s: a receiving system's long-weekend outage", name).isGreaterThanOrEqualTo(Duration.ofDays(7));
            }
        });
        assertThat(kafkaTopics().keySet()).containsAll(inbound);
    }

    @Test
    void everyConsumerOfTheDeployedReplicasGetsAPartition() {
        int replicas = Integer.parseInt(properties.getProperty("quarkus.kubernetes.replicas", "1"));
        Map<String, JsonNode> topics = kafkaTopics();
        inboundChannels().forEach((topic, concurrency) -> {
            assertThat(concurrency).as("consumers per pod on %s", topic).isGreaterThanOrEqualTo(2);
            assertThat(topics.get(topic).path("partitions").asInt()).as("partitions of %s for %d pods × %d consumers",
                    topic, replicas, concurrency).isGreaterThanOrEqualTo(replicas * concurrency);
        });
    }

    @Test
    void onlyTheNamedPrincipalsMayWriteEachTopic() throws IOException {
        Map<String, Set<String>> writers = new TreeMap<>();
        Map<String, Set<String>> readers = new TreeMap<>();
        Map<String, Set<String>> groupReaders = new TreeMap<>();
        Set<String> declared = kafkaTopics().keySet();
        for (JsonNode user : kind("KafkaUser")) {
            String principal = user.path("metadata").path("name").asText();
            assertThat(user.path("spec").path("authentication").path("type").asText()).as(principal).isEqualTo("scram-sha-512");
            assertThat(user.path("spec").path("authorization").path("type").asText()).as(principal).isEqualTo("simple");
            for (JsonNode acl : user.path("spec").path("authorization").path("acls")) {
                JsonNode resource = acl.path("resource");
                String name = resource.path("name").asText();
                Set<String> operations = new HashSet<>();
                acl.path("operations").forEach(operation -> operations.add(operation.asText()));
                assertThat(operations).as("%s on %s", principal, name).doesNotContain("All", "Alter", "Delete", "Create");
                if (resource.path("type").asText().equals("topic")) {
                    assertThat(resource.path("patternType").asText()).as("%s: topic ACLs name their topic", principal).isEqualTo("literal");
                    assertThat(declared).as("%s has an ACL on an undeclared topic", principal).contains(name);
                    if (operations.contains("Write")) {
                        writers.computeIfAbsent(name, n -> new TreeSet<>()).add(principal);
                    }
                    if (operations.contains("Read")) {
                        readers.computeIfAbsent(name, n -> new TreeSet<>()).add(principal);
                    }
                } else if (resource.path("type").asText().equals("group") && acl.path("operations").toString().contains("Read")) {
                    groupReaders.computeIfAbsent(name, n -> new TreeSet<>()).add(principal);
                }
            }
        }
        String service = properties.getProperty("quarkus.application.name");
        assertThat(writers).containsEntry("hospital.fhir.in", Set.of("hospital-integration"))
                .containsEntry("municipality.fhir.in", Set.of("municipal-integration"));
        for (String topic : declared) {
            if (!inboundChannels().containsKey(topic)) {
                assertThat(writers.get(topic)).as("who may write %s", topic).isEqualTo(Set.of(service));
            }
        }
        inboundChannels().keySet().forEach(topic -> assertThat(readers.get(topic)).as("readers of %s", topic).isEqualTo(Set.of(service)));
        assertThat(readers).containsEntry("hospital.fhir.out", Set.of("hospital-integration"))
                .containsEntry("municipality.fhir.out", Set.of("municipal-integration"))
                .containsEntry("capacity.fhir.out", Set.of("capacity-reader"));
        for (String group : consumerGroups()) {
            assertThat(groupReaders.get(group)).as("who may consume in group %s", group).isEqualTo(Set.of(service));
        }
    }

    @Test
    void theDeploymentLogsInAsTheServicesKafkaUser() throws IOException {
        Map<String, JsonNode> env = environment(serviceContainer());
        assertThat(env.get("KAFKA_SECURITY_PROTOCOL").path("value").asText()).isEqualTo("SASL_SSL");
        assertThat(env.get("KAFKA_SASL_MECHANISM").path("value").asText()).isEqualTo("SCRAM-SHA-512");
        JsonNode jaas = env.get("KAFKA_SASL_JAAS_CONFIG").path("valueFrom").path("secretKeyRef");
        assertThat(jaas.path("key").asText()).isEqualTo("sasl.jaas.config");
        assertThat(kind("KafkaUser")).as("the Secret is the one Strimzi writes for the service's KafkaUser")
                .anySatisfy(user -> assertThat(user.path("metadata").path("name").asText()).isEqualTo(jaas.path("name").asText()));
        assertThat(env).containsKey("KAFKA_SSL_TRUSTSTORE_CERTIFICATES");
        assertThat(properties.getProperty("%prod.kafka.security.protocol")).as("PLAINTEXT when unset")
                .isEqualTo("${KAFKA_SECURITY_PROTOCOL:PLAINTEXT}");
        assertThat(properties.stringPropertyNames()).as("client security only in the production profile")
                .noneMatch(key -> (key.startsWith("kafka.s") || key.contains(".kafka.sasl")) && !key.startsWith("%prod."));
    }

    @Test
    void theHeapIsSetSoThatTheMeasuredResidentSizeStaysUnderThePodsMemoryLimit() throws IOException {
        JsonNode container = serviceContainer();
        long limit = mebibytes(container.path("resources").path("limits").path("memory").asText());
        String options = environment(container).get("JAVA_OPTS_APPEND").path("value").asText();
        assertThat(options).contains("-XX:MaxGCPauseMillis=20");
        long heap = heapMebibytes(options, limit);
        assertThat(heap).as("heap of '%s' at a %d MiB limit: at least what the bench used", options, limit)
                .isGreaterThanOrEqualTo(BENCH_HEAP_USED_MIB);
        assertThat(heap + BENCH_BESIDE_HEAP_MIB).as("resident size with a full heap of %d MiB", heap).isLessThan(limit);
        assertThat(properties.getProperty("quarkus.kubernetes.env.vars.java-opts-append")).as("what generates the manifest")
                .isEqualTo(options);

        JsonNode compose = yaml(DEPLOY.resolve("docker-compose.yml")).getFirst().path("services").path("discharge-coordination");
        assertThat(compose.path("environment").path("JAVA_OPTS_APPEND").asText()).as("compose runs the pod's JVM").isEqualTo(options);
        assertThat(mebibytes(compose.path("mem_limit").asText())).as("compose's memory limit, which the heap share is of").isEqualTo(limit);
    }

    @Test
    void aHeapIsReadFromAnExplicitMaximumOrAShareOfTheLimitAndNeverLeftToTheDefault() {
        assertThat(heapMebibytes("-XX:MaxRAMPercentage=40 -XX:MaxGCPauseMillis=20", 1024)).isEqualTo(409);
        assertThat(heapMebibytes("-XX:MaxRAMPercentage=37.5", 1024)).isEqualTo(384);
        assertThat(heapMebibytes("-Xmx450m -XX:MaxRAMPercentage=80", 1024)).as("-Xmx wins over a share").isEqualTo(450);
        assertThat(heapMebibytes("-Xmx1g", 2048)).isEqualTo(1024);
        assertThat(mebibytes("1Gi")).isEqualTo(1024);
        assertThat(mebibytes("512Mi")).isEqualTo(512);
        assertThat(mebibytes("1g")).isEqualTo(1024);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> heapMebibytes("-XX:MaxGCPauseMillis=20", 1024))
                .isInstanceOf(AssertionError.class).hasMessageContaining("no explicit heap");
    }

    @Test
    void composeStartsTheServiceAfterItsTopicsAreCreated() throws IOException {
        JsonNode services = yaml(DEPLOY.resolve("docker-compose.yml")).getFirst().path("services");
        JsonNode init = services.path("kafka-init");
        assertThat(init.path("image").asText()).isEqualTo(services.path("kafka").path("image").asText());
        assertThat(script(init)).contains("kafka-topics.sh", "--create --if-not-exists", "cleanup.policy=delete");
        assertThat(services.path("discharge-coordination").path("depends_on").path("kafka-init").path("condition").asText())
                .isEqualTo("service_completed_successfully");
    }

    @Test
    void kubernetesAndPlainPrometheusHaveTheSameAlertRules() throws IOException {
        JsonNode rule = yaml(DEPLOY.resolve("kubernetes/alerts.yml")).getFirst();
        assertThat(rule.path("kind").asText()).isEqualTo("PrometheusRule");
        JsonNode groups = yaml(DEPLOY.resolve("prometheus/alerts.yml")).getFirst().path("groups");
        assertThat(rule.path("spec").path("groups")).isEqualTo(groups);
        List<String> expressions = new ArrayList<>();
        for (JsonNode group : groups) {
            for (JsonNode alert : group.path("rules")) {
                String name = alert.path("alert").asText();
                assertThat(name).isNotBlank();
                assertThat(alert.path("annotations").path("summary").asText()).as(name).isNotBlank();
                assertThat(alert.path("annotations").path("description").asText()).as(name).contains("Check");
                assertThat(alert.path("labels").path("severity").asText()).as(name).isIn("warning", "critical");
                expressions.add(alert.path("expr").asText());
            }
        }
        String group = consumerGroups().iterator().next();
        assertThat(String.join("\n", expressions)).contains("discharge_outbox_lag_seconds", "discharge_outbox_quarantined",
                "discharge_messages_dead_letters_total", "discharge_acknowledgements_total{code=\"transient-error\"}",
                "kafka_consumer_fetch_manager_records_lag_max", "kafka_consumergroup_lag{consumergroup=\"" + group + "\"}",
                "probe_success{job=\"discharge-coordination-messaging-health\"}");
    }

    // --- what the service is configured with -------------------------------------------------------------

    /** Every topic application.properties names (channels, dead-letter topics, *-topic settings) or a config mapping defaults. */
    private static Set<String> configuredTopics() throws IOException {
        Set<String> topics = new TreeSet<>();
        for (String key : properties.stringPropertyNames()) {
            String bare = key.startsWith("%") ? key.substring(key.indexOf('.') + 1) : key;
            Matcher channel = Pattern.compile("mp\\.messaging\\.(incoming|outgoing)\\.([^.]+)\\.connector").matcher(bare);
            if (channel.matches()) {
                String prefix = key.substring(0, key.length() - "connector".length());
                topics.add(resolve(properties.getProperty(prefix + "topic", channel.group(2))));
            } else if (bare.endsWith(".topic") || bare.endsWith("-topic")) {
                topics.add(resolve(properties.getProperty(key)));
            }
        }
        mappedTopicDefaults().forEach((name, fallback) -> topics.add(resolve(properties.getProperty(name, fallback))));
        return topics;
    }

    /** {@code @ConfigMapping} settings whose name ends with "topic", with their defaults, e.g. discharge.messaging.hospital-out-topic. */
    private static Map<String, String> mappedTopicDefaults() throws IOException {
        Map<String, String> defaults = new TreeMap<>();
        List<Path> classFiles;
        try (Stream<Path> walk = Files.walk(CLASSES)) {
            classFiles = walk.filter(p -> p.toString().endsWith(".class")).toList();
        }
        byte[] marker = "Lio/smallrye/config/ConfigMapping;".getBytes(StandardCharsets.UTF_8);
        for (Path file : classFiles) {
            if (!contains(Files.readAllBytes(file), marker)) {
                continue;
            }
            String className = CLASSES.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
            Class<?> type;
            try {
                type = Class.forName(className, false, DeployManifestsTest.class.getClassLoader());
            } catch (ClassNotFoundException | LinkageError e) {
                continue;
            }
            ConfigMapping mapping = type.getAnnotation(ConfigMapping.class);
            if (mapping == null) {
                continue;
            }
            for (Method method : type.getDeclaredMethods()) {
                WithName withName = method.getAnnotation(WithName.class);
                String name = withName != null ? withName.value() : kebab(method.getName());
                WithDefault fallback = method.getAnnotation(WithDefault.class);
                if (name.endsWith("topic") && fallback != null) {
                    defaults.put(mapping.prefix() + "." + name, fallback.value());
                }
            }
        }
        return defaults;
    }

    /** Inbound topics with their consumers per pod. */
    private static Map<String, Integer> inboundChannels() {
        Map<String, Integer> inbound = new TreeMap<>();
        for (String key : properties.stringPropertyNames()) {
            Matcher channel = Pattern.compile("mp\\.messaging\\.incoming\\.([^.]+)\\.connector").matcher(key);
            if (channel.matches()) {
                String prefix = "mp.messaging.incoming." + channel.group(1) + ".";
                inbound.put(resolve(properties.getProperty(prefix + "topic", channel.group(1))),
                        Integer.parseInt(properties.getProperty(prefix + "concurrency", "1")));
            }
        }
        return inbound;
    }

    private static Set<String> consumerGroups() {
        Set<String> groups = new TreeSet<>();
        for (String key : properties.stringPropertyNames()) {
            if (key.matches("mp\\.messaging\\.incoming\\.[^.]+\\.group\\.id")) {
                groups.add(resolve(properties.getProperty(key)));
            }
        }
        assertThat(groups).as("consumer groups in application.properties").isNotEmpty();
        return groups;
    }

    private static String resolve(String value) {
        Matcher placeholder = PLACEHOLDER.matcher(value.strip());
        if (placeholder.matches()) {
            String referenced = properties.getProperty(placeholder.group(1));
            return referenced != null ? resolve(referenced) : placeholder.group(2);
        }
        return value.strip();
    }

    // --- what deploy/ declares ----------------------------------------------------------------------------

    private static JsonNode serviceContainer() throws IOException {
        JsonNode deployment = yaml(DEPLOY.resolve("kubernetes/kubernetes.yml")).stream()
                .filter(document -> document.path("kind").asText().equals("Deployment")).findFirst().orElseThrow();
        return deployment.path("spec").path("template").path("spec").path("containers").get(0);
    }

    private static Map<String, JsonNode> environment(JsonNode container) {
        Map<String, JsonNode> env = new HashMap<>();
        container.path("env").forEach(variable -> env.put(variable.path("name").asText(), variable));
        return env;
    }

    /** The JVM's maximum heap for these options in a container of that many MiB: -Xmx if given, else the share of the limit. */
    private static long heapMebibytes(String options, long limit) {
        Matcher explicit = Pattern.compile("-Xmx(\\d+[kKmMgG])").matcher(options);
        if (explicit.find()) {
            return mebibytes(explicit.group(1));
        }
        Matcher share = Pattern.compile("-XX:MaxRAMPercentage=(\\d+(?:\\.\\d+)?)").matcher(options);
        assertThat(share.find()).as("no explicit heap (-Xmx or -XX:MaxRAMPercentage) in '%s': the JVM would pick its own share", options)
                .isTrue();
        return (long) (limit * Double.parseDouble(share.group(1)) / 100);
    }

    /** A size as Kubernetes (1Gi, 512Mi) or Docker and the JVM (1g, 512m, 4096k) write it, in MiB. */
    private static long mebibytes(String size) {
        Matcher parts = Pattern.compile("(\\d+)([kKmMgG])i?").matcher(size.strip());
        assertThat(parts.matches()).as("a memory size: %s", size).isTrue();
        long value = Long.parseLong(parts.group(1));
        return switch (Character.toLowerCase(parts.group(2).charAt(0))) {
            case 'k' -> value / 1024;
            case 'm' -> value;
            default -> value * 1024;
        };
    }

    private static Map<String, JsonNode> kafkaTopics() {
        Map<String, JsonNode> topics = new LinkedHashMap<>();
        for (JsonNode topic : kind("KafkaTopic")) {
            String name = topic.path("spec").path("topicName").asText(topic.path("metadata").path("name").asText());
            assertThat(topics.put(name, topic.path("spec"))).as("KafkaTopic %s declared twice", name).isNull();
        }
        return topics;
    }

    /** Topic → [partitions, retention.ms] as kafka-init in docker-compose creates them. */
    private static Map<String, List<Long>> composeTopics() throws IOException {
        String script = script(yaml(DEPLOY.resolve("docker-compose.yml")).getFirst().path("services").path("kafka-init"));
        Map<String, List<Long>> topics = new LinkedHashMap<>();
        for (String line : script.split("\n")) {
            Matcher created = COMPOSE_TOPIC.matcher(line);
            if (created.find()) {
                long retention = created.group(3) == null ? -1 : Long.parseLong(created.group(3));
                assertThat(topics.put(created.group(1), List.of(Long.parseLong(created.group(2)), retention)))
                        .as("topic %s created twice", created.group(1)).isNull();
            }
        }
        return topics;
    }

    private static String script(JsonNode service) {
        JsonNode command = service.path("command");
        if (command.isTextual()) {
            return command.asText();
        }
        List<String> parts = new ArrayList<>();
        command.forEach(part -> parts.add(part.asText()));
        return String.join("\n", parts);
    }

    private static List<JsonNode> kind(String kind) {
        return strimzi.stream().filter(document -> document.path("kind").asText().equals(kind)).toList();
    }

    private static List<JsonNode> yaml(Path file) throws IOException {
        YAMLFactory factory = new YAMLFactory();
        try (YAMLParser parser = factory.createParser(file.toFile())) {
            return new ObjectMapper(factory).readValues(parser, JsonNode.class).readAll().stream()
                    .filter(document -> document != null && !document.isMissingNode() && !document.isNull()).toList();
        }
    }

    private static String kebab(String methodName) {
        return methodName.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}

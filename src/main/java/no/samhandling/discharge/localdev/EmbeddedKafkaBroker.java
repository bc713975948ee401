package no.samhandling.discharge.localdev;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.utils.Time;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A real Kafka broker in KRaft combined mode (broker and controller, one node), run in-process from
 * the {@code kafka_2.13} jars. The storage directory is formatted once, as {@code kafka-storage.sh
 * format} would.
 */
final class EmbeddedKafkaBroker implements AutoCloseable {

    private final KafkaRaftServer server;
    private final String bootstrapServers;
    private final Path logDirectory;
    private final int brokerPort;
    private final int controllerPort;

    private EmbeddedKafkaBroker(KafkaRaftServer server, Path logDirectory, int brokerPort, int controllerPort) {
        this.server = server;
        this.bootstrapServers = "127.0.0.1:" + brokerPort;
        this.logDirectory = logDirectory;
        this.brokerPort = brokerPort;
        this.controllerPort = controllerPort;
    }

    static EmbeddedKafkaBroker start(Path logDirectory, boolean createServiceTopics) {
        int[] ports = freePorts(2);
        return start(logDirectory, ports[0], ports[1], createServiceTopics);
    }

    /** The same broker again, on its ports and with its data, after {@link #close()} (fault-injection tests). */
    EmbeddedKafkaBroker restart() {
        return start(logDirectory, brokerPort, controllerPort, false);
    }

    private static EmbeddedKafkaBroker start(Path logDirectory, int brokerPort, int controllerPort, boolean createServiceTopics) {
        Properties config = brokerConfig(logDirectory, brokerPort, controllerPort);
        formatStorageOnce(logDirectory, config);
        KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(config, false), Time.SYSTEM);
        server.startup();
        EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(server, logDirectory, brokerPort, controllerPort);
        awaitReady(broker.bootstrapServers, Duration.ofSeconds(60));
        if (createServiceTopics) {
            createTopics(broker.bootstrapServers);
        }
        return broker;
    }

    String bootstrapServers() {
        return bootstrapServers;
    }

    private static Properties brokerConfig(Path logDirectory, int brokerPort, int controllerPort) {
        Properties config = new Properties();
        config.putAll(Map.ofEntries(
                Map.entry("process.roles", "broker,controller"),
                Map.entry("node.id", "1"),
                Map.entry("controller.quorum.voters", "1@127.0.0.1:" + controllerPort),
                Map.entry("listeners", "PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort),
                Map.entry("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort),
                Map.entry("controller.listener.names", "CONTROLLER"),
                Map.entry("inter.broker.listener.name", "PLAINTEXT"),
                Map.entry("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT"),
                Map.entry("log.dirs", logDirectory.toAbsolutePath().toString()),
                Map.entry("num.partitions", "3"),
                Map.entry("auto.create.topics.enable", "true"),
                Map.entry("offsets.topic.replication.factor", "1"),
                Map.entry("offsets.topic.num.partitions", "3"),
                Map.entry("transaction.state.log.replication.factor", "1"),
                Map.entry("transaction.state.log.min.isr", "1"),
                Map.entry("transaction.state.log.num.partitions", "3"),
                Map.entry("share.coordinator.state.topic.replication.factor", "1"),
                Map.entry("share.coordinator.state.topic.min.isr", "1"),
                Map.entry("group.initial.rebalance.delay.ms", "0")));
        return config;
    }

    private static void formatStorageOnce(Path logDirectory, Properties config) {
        if (Files.exists(logDirectory.resolve("meta.properties"))) {
            return;
        }
        try {
            Files.createDirectories(logDirectory);
            Path configFile = Files.createTempFile("kafka-local-", ".properties");
            try (Writer writer = Files.newBufferedWriter(configFile)) {
                config.store(writer, "local broker");
            }
            ByteArrayOutputStream output = new ByteArrayOutputStream();
            String clusterId = org.apache.kafka.common.Uuid.randomUuid().toString();
            int exitCode = StorageTool.execute(new String[] {"format", "-t", clusterId, "-c", configFile.toString()},
                    new PrintStream(output, true, StandardCharsets.UTF_8));
            Files.deleteIfExists(configFile);
            if (exitCode != 0) {
                throw new IllegalStateException("Formatting Kafka storage failed: " + output.toString(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void awaitReady(String bootstrapServers, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.CLIENT_ID_CONFIG, "local-broker-readiness-" + UUID.randomUUID()))) {
            while (true) {
                try {
                    if (!admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty()) {
                        return;
                    }
                } catch (Exception notYet) {
                    if (Instant.now().isAfter(deadline)) {
                        throw new IllegalStateException("Kafka broker at " + bootstrapServers + " not ready after " + timeout, notYet);
                    }
                }
                sleep(Duration.ofMillis(200));
            }
        }
    }

    /**
     * The service's topics under their default names (application.properties), made before the service
     * subscribes: otherwise every consumer's first look finds no topic and logs UNKNOWN_TOPIC_OR_PARTITION
     * until the broker auto-creates it. Topics renamed in configuration are still auto-created.
     */
    static final List<String> SERVICE_TOPICS = List.of("municipality.fhir.in", "municipality.fhir.in.dlq", "municipality.fhir.out",
            "hospital.fhir.in", "hospital.fhir.in.dlq", "hospital.fhir.out", "capacity.fhir.out");

    private static void createTopics(String bootstrapServers) {
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.CLIENT_ID_CONFIG, "local-broker-topics-" + UUID.randomUUID()))) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = SERVICE_TOPICS.stream().filter(topic -> !existing.contains(topic))
                    .map(topic -> new NewTopic(topic, Optional.empty(), Optional.empty())).toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Creating the service's topics on the local Kafka broker failed", e);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Distinct free ports: all sockets are held open until every port is chosen, so none is handed out twice. */
    static int[] freePorts(int count) {
        ServerSocket[] sockets = new ServerSocket[count];
        try {
            int[] ports = new int[count];
            for (int i = 0; i < count; i++) {
                sockets[i] = new ServerSocket(0);
                sockets[i].setReuseAddress(true);
                ports[i] = sockets[i].getLocalPort();
            }
            return ports;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            for (ServerSocket socket : sockets) {
                if (socket != null) {
                    try {
                        socket.close();
                    } catch (IOException ignored) {
                        // only a probe
                    }
                }
            }
        }
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
    }
}

package no.samhandling.discharge.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import no.samhandling.discharge.localdev.DockerProbe;
import no.samhandling.discharge.localdev.LocalInfrastructure;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The one test resource every Quarkus test shares: a real PostgreSQL and a real Kafka broker. With a
 * Docker engine, Testcontainers; without one (this project's CI), the embedded PostgreSQL binaries and
 * an in-process KRaft broker of {@link LocalInfrastructure}. Never H2, never an in-memory connector.
 */
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL)
public class RealInfrastructure implements QuarkusTestResourceLifecycleManager {

    private static final String POSTGRES_IMAGE = "postgres:18-alpine";
    private static final String KAFKA_IMAGE = "apache/kafka:4.1.1";

    /** The broker's address, for tests outside the service's process (the packaged-service tests). */
    private static volatile String kafkaBootstrapServers;

    private PostgreSQLContainer postgres;
    private KafkaContainer kafka;
    private LocalInfrastructure local;
    private Path localDirectory;

    @Override
    public Map<String, String> start() {
        if (dockerAnswers()) {
            postgres = new PostgreSQLContainer(POSTGRES_IMAGE).withDatabaseName(LocalInfrastructure.DATABASE);
            kafka = new KafkaContainer(KAFKA_IMAGE);
            postgres.start();
            kafka.start();
            kafkaBootstrapServers = kafka.getBootstrapServers();
            return Map.of(
                    LocalInfrastructure.JDBC_URL, postgres.getJdbcUrl(),
                    LocalInfrastructure.DB_USERNAME, postgres.getUsername(),
                    LocalInfrastructure.DB_PASSWORD, postgres.getPassword(),
                    LocalInfrastructure.KAFKA_BOOTSTRAP, kafka.getBootstrapServers());
        }
        try {
            localDirectory = Files.createTempDirectory("discharge-test-infra-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        local = LocalInfrastructure.startFresh(localDirectory);
        kafkaBootstrapServers = local.quarkusConfig().get(LocalInfrastructure.KAFKA_BOOTSTRAP);
        return local.quarkusConfig();
    }

    public static String kafkaBootstrapServers() {
        return kafkaBootstrapServers;
    }

    private static boolean dockerAnswers() {
        if (Boolean.getBoolean("tests.embedded-infrastructure")) {
            return false;
        }
        // Ask the engine first: without one, Testcontainers' own probe logs "Could not find a valid Docker
        // environment" as ERROR on every test run of a machine without Docker, such as CI's.
        if (!DockerProbe.engineAnswers()) {
            return false;
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public void stop() {
        if (kafka != null) {
            kafka.stop();
        }
        if (postgres != null) {
            postgres.stop();
        }
        if (local != null) {
            local.close();
            deleteRecursively(localDirectory);
        }
    }

    private static void deleteRecursively(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // temporary files only
        }
    }
}

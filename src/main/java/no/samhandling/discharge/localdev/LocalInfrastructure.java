package no.samhandling.discharge.localdev;

import org.jboss.logging.Logger;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The real PostgreSQL and Kafka a developer's machine needs, started by the service itself: for
 * {@code ./mvnw quarkus:dev} (through {@link #startUnlessConfigured()}) and for the tests without
 * Docker. Its libraries have Maven scope {@code provided} and this package is left out of the packaged
 * service, so none of it reaches production.
 */
public final class LocalInfrastructure implements AutoCloseable {

    public static final String DATABASE = "discharge";
    public static final String JDBC_URL = "quarkus.datasource.jdbc.url";
    public static final String DB_USERNAME = "quarkus.datasource.username";
    public static final String DB_PASSWORD = "quarkus.datasource.password";
    public static final String KAFKA_BOOTSTRAP = "kafka.bootstrap.servers";
    /** Where dev mode keeps its data between runs; delete it (or run {@code ./mvnw clean}) to reset. */
    public static final Path DEV_DATA_DIRECTORY = Path.of("target", "local-data");

    private static final Logger LOG = Logger.getLogger(LocalInfrastructure.class);

    private EmbeddedPostgresServer postgres;
    private EmbeddedKafkaBroker kafka;
    private boolean postgresRunning = true;
    private boolean kafkaRunning = true;

    private LocalInfrastructure(EmbeddedPostgresServer postgres, EmbeddedKafkaBroker kafka) {
        this.postgres = postgres;
        this.kafka = kafka;
    }

    /** Starts both services on fresh storage under {@code directory} (tests). */
    public static LocalInfrastructure startFresh(Path directory) {
        return start(directory, false, true, true);
    }

    /**
     * Starts both services on fresh storage under {@code directory} that survives stopping them, so that
     * fault-injection tests can stop and restart each one on the same port with the same data.
     */
    public static LocalInfrastructure startRestartable(Path directory) {
        return start(directory, true, true, true);
    }

    /** Stops the Kafka broker (fault injection); {@link #startKafka()} brings it back on the same port with its data. */
    public synchronized void stopKafka() {
        if (kafkaRunning) {
            kafka.close();
            kafkaRunning = false;
        }
    }

    public synchronized void startKafka() {
        if (!kafkaRunning) {
            kafka = kafka.restart();
            kafkaRunning = true;
        }
    }

    /** Stops PostgreSQL (fault injection); {@link #startPostgres()} brings it back on the same port with its data. */
    public synchronized void stopPostgres() {
        if (postgresRunning) {
            postgres.close();
            postgresRunning = false;
        }
    }

    public synchronized void startPostgres() {
        if (!postgresRunning) {
            postgres = postgres.restart();
            postgresRunning = true;
        }
    }

    /**
     * Dev mode: starts whichever of PostgreSQL and Kafka is not configured (by
     * {@code QUARKUS_DATASOURCE_JDBC_URL} / {@code KAFKA_BOOTSTRAP_SERVERS} or the matching system
     * properties), unless a Docker engine answers, in which case Quarkus Dev Services provide them.
     * Publishes their addresses as system properties, stops them when the JVM exits, and keeps data in
     * {@link #DEV_DATA_DIRECTORY}. Safe to call again after a live reload.
     */
    public static void startUnlessConfigured() {
        boolean needsDatabase = configured(JDBC_URL, "QUARKUS_DATASOURCE_JDBC_URL").isEmpty();
        boolean needsKafka = configured(KAFKA_BOOTSTRAP, "KAFKA_BOOTSTRAP_SERVERS").isEmpty();
        if (!needsDatabase && !needsKafka) {
            return;
        }
        if (DockerProbe.engineAnswers()) {
            LOG.info("A Docker engine answers: Quarkus Dev Services provide PostgreSQL and Kafka");
            return;
        }
        LOG.infof("No Docker engine: starting %s%s%s locally (data in %s)",
                needsDatabase ? "embedded PostgreSQL" : "", needsDatabase && needsKafka ? " and " : "",
                needsKafka ? "a Kafka broker" : "", DEV_DATA_DIRECTORY.toAbsolutePath());
        LocalInfrastructure infrastructure = start(DEV_DATA_DIRECTORY, true, needsDatabase, needsKafka);
        Runtime.getRuntime().addShutdownHook(new Thread(infrastructure::close, "local-infrastructure-stop"));
        infrastructure.quarkusConfig().forEach(System::setProperty);
        LOG.infof("Local infrastructure ready: %s", infrastructure.describe());
    }

    private static LocalInfrastructure start(Path directory, boolean keepData, boolean database, boolean broker) {
        EmbeddedPostgresServer postgres = database
                ? EmbeddedPostgresServer.start(directory.resolve("postgres"), keepData, DATABASE)
                : null;
        try {
            // Dev mode creates the service's topics at once, as every later start finds them; tests keep the
            // broker as it was, with topics auto-created at first use.
            EmbeddedKafkaBroker kafka = broker ? EmbeddedKafkaBroker.start(directory.resolve("kafka"), keepData) : null;
            return new LocalInfrastructure(postgres, kafka);
        } catch (RuntimeException e) {
            if (postgres != null) {
                postgres.close();
            }
            throw e;
        }
    }

    private static Optional<String> configured(String property, String environmentVariable) {
        return Optional.ofNullable(System.getProperty(property))
                .or(() -> Optional.ofNullable(System.getenv(environmentVariable)))
                .filter(value -> !value.isBlank());
    }

    /** The Quarkus configuration that points the service at these servers. */
    public Map<String, String> quarkusConfig() {
        Map<String, String> config = new LinkedHashMap<>();
        if (postgres != null) {
            config.put(JDBC_URL, postgres.jdbcUrl());
            config.put(DB_USERNAME, EmbeddedPostgresServer.USER);
            config.put(DB_PASSWORD, "");
        }
        if (kafka != null) {
            config.put(KAFKA_BOOTSTRAP, kafka.bootstrapServers());
        }
        return config;
    }

    private String describe() {
        Map<String, String> shown = new LinkedHashMap<>(quarkusConfig());
        shown.remove(DB_PASSWORD);
        return shown.toString();
    }

    @Override
    public synchronized void close() {
        try {
            if (kafka != null && kafkaRunning) {
                kafka.close();
                kafkaRunning = false;
            }
        } finally {
            if (postgres != null && postgresRunning) {
                postgres.close();
                postgresRunning = false;
            }
        }
    }
}

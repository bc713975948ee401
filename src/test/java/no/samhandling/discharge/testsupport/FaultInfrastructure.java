package no.samhandling.discharge.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import no.samhandling.discharge.localdev.LocalInfrastructure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A PostgreSQL and a Kafka broker of the fault-injection tests' own, which they stop and restart (on the
 * same ports, with the same data), so never the shared {@link RealInfrastructure}: always the embedded
 * pair of {@link LocalInfrastructure}, whose processes this JVM controls.
 */
public class FaultInfrastructure implements QuarkusTestResourceLifecycleManager {

    private static volatile LocalInfrastructure current;
    private Path directory;

    /** The running infrastructure, for the test to stop and start. */
    public static LocalInfrastructure current() {
        LocalInfrastructure infrastructure = current;
        if (infrastructure == null) {
            throw new IllegalStateException("FaultInfrastructure is not started (is the test's profile FaultInjectionProfile?)");
        }
        return infrastructure;
    }

    @Override
    public Map<String, String> start() {
        try {
            directory = Files.createTempDirectory("discharge-fault-infra-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        current = LocalInfrastructure.startRestartable(directory);
        return current.quarkusConfig();
    }

    @Override
    public void stop() {
        if (current != null) {
            current.close();
            current = null;
        }
        if (directory != null) {
            try (Stream<Path> paths = Files.walk(directory)) {
                paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                // temporary files only
            }
        }
    }
}

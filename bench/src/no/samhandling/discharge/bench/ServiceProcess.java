package no.samhandling.discharge.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged service ({@code target/quarkus-app}, production profile) as a process of its own,
 * pointed at the benchmark's PostgreSQL and Kafka.
 */
final class ServiceProcess implements AutoCloseable {

    private final Process process;
    private final int port;

    private ServiceProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static ServiceProcess start(Map<String, String> infrastructure, List<String> extraOptions, Path log) throws Exception {
        Path jar = Path.of("target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: run ./mvnw package first (bench/run.sh does)");
        }
        int port = freePort();
        String publicKey = Files.readString(Path.of("deploy/dev/dev-signing-key.pub.pem"))
                .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.add("-Dquarkus.http.port=" + port);
        infrastructure.forEach((key, value) -> command.add("-D" + key + "=" + value));
        // Tokens are not needed by the benchmark, but the production profile wants a key to check them with.
        command.add("-Dquarkus.oidc.public-key=" + publicKey);
        command.add("-Dquarkus.oidc.token.issuer=discharge-dev");
        // No Keycloak here: the dashboard's code-flow tenant is off (as in PackagedServiceIT); the API takes the dev tokens.
        command.add("-Dquarkus.oidc.dashboard.tenant-enabled=false");
        command.addAll(extraOptions);
        command.add("-jar");
        command.add(jar.toString());
        Files.createDirectories(log.getParent());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        ServiceProcess service = new ServiceProcess(process, port);
        // Never leave the service behind: not when it fails to start, not when the harness dies (its database goes with it).
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
        try {
            service.awaitReady(Duration.ofSeconds(300)); // a busy two-core machine has needed more than two minutes
        } catch (Exception | Error notReady) {
            service.close();
            throw notReady;
        }
        return service;
    }

    private void awaitReady(Duration timeout) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The service stopped during startup; see its log");
            }
            try {
                HttpResponse<String> ready = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("The service was not ready within " + timeout);
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    ProcessHandle handle() {
        return process.toHandle();
    }

    String metrics() throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

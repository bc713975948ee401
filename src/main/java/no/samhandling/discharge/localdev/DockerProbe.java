package no.samhandling.discharge.localdev;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Asks the Docker engine's {@code /_ping} endpoint whether an engine answers, within a second. */
public final class DockerProbe {

    private DockerProbe() {
    }

    public static boolean engineAnswers() {
        for (SocketAddress address : candidateAddresses()) {
            try {
                if (CompletableFuture.supplyAsync(() -> ping(address)).get(1, TimeUnit.SECONDS)) {
                    return true;
                }
            } catch (Exception timeoutOrFailure) {
                // no engine at this address
            }
        }
        return false;
    }

    private static List<SocketAddress> candidateAddresses() {
        List<SocketAddress> addresses = new ArrayList<>();
        String dockerHost = System.getenv("DOCKER_HOST");
        if (dockerHost != null && !dockerHost.isBlank()) {
            URI uri = URI.create(dockerHost);
            if ("unix".equals(uri.getScheme())) {
                addresses.add(UnixDomainSocketAddress.of(uri.getPath()));
            } else if ("tcp".equals(uri.getScheme())) {
                addresses.add(new InetSocketAddress(uri.getHost(), uri.getPort()));
            }
        }
        for (Path socket : List.of(Path.of("/var/run/docker.sock"),
                Path.of(System.getProperty("user.home"), ".docker/run/docker.sock"))) {
            if (Files.exists(socket)) {
                addresses.add(UnixDomainSocketAddress.of(socket));
            }
        }
        return addresses;
    }

    private static boolean ping(SocketAddress address) {
        try (SocketChannel channel = address instanceof UnixDomainSocketAddress
                ? SocketChannel.open(StandardProtocolFamily.UNIX)
                : SocketChannel.open()) {
            channel.connect(address);
            channel.write(ByteBuffer.wrap("GET /_ping HTTP/1.0\r\nHost: docker\r\n\r\n".getBytes(StandardCharsets.US_ASCII)));
            ByteBuffer response = ByteBuffer.allocate(64);
            channel.read(response);
            String statusLine = new String(response.array(), 0, response.position(), StandardCharsets.US_ASCII);
            return statusLine.startsWith("HTTP/1.") && statusLine.contains(" 200 ");
        } catch (IOException e) {
            return false;
        }
    }
}

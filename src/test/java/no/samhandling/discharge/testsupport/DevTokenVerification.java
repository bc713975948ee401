package no.samhandling.discharge.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * For tests of the packaged service (production profile, which trusts only the configured identity
 * provider): lets it verify the dev-signed test tokens instead.
 */
public class DevTokenVerification implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        try {
            String publicKey = Files.readString(Path.of("deploy/dev/dev-signing-key.pub.pem"))
                    .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            // No Keycloak here: the dashboard's code-flow tenant is off, its pages answer no one.
            return Map.of("quarkus.oidc.public-key", publicKey, "quarkus.oidc.token.issuer", TestTokens.ISSUER,
                    "quarkus.oidc.dashboard.tenant-enabled", "false");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
    }
}

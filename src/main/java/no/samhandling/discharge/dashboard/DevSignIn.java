package no.samhandling.discharge.dashboard;

import io.quarkus.arc.profile.IfBuildProfile;
import jakarta.enterprise.context.ApplicationScoped;
import no.samhandling.discharge.security.Roles;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Set;

/**
 * DEV MODE AND TESTS ONLY: signing in to the dashboard without an identity provider. It signs a token for the
 * chosen role with the dev-only key in deploy/dev/ (the one deploy/dev/token.sh uses), which only the dev and test
 * profiles trust; the browser keeps it in a cookie that {@link DevSessionCookie} hands on as a bearer token.
 * Built into dev mode and tests only ({@code @IfBuildProfile}): the packaged service has neither this bean nor
 * the sign-in page ({@code DevSignInResource}), and its production profile does not trust the key.
 */
@ApplicationScoped
@IfBuildProfile(anyOf = {"dev", "test"})
public class DevSignIn {

    static final String SIGN_IN_PATH = "/dev/dashboard-sign-in";
    static final String SIGN_OUT_PATH = "/dev/dashboard-sign-out";
    static final String COOKIE = "discharge-dashboard-dev-token";
    static final Set<String> ROLES = Set.of(Roles.BOARD, Roles.ADMIN);
    static final Duration VALID_FOR = Duration.ofHours(8);
    private static final Path KEY = Path.of("deploy/dev/dev-signing-key.pem");

    private final String issuer;
    private final Clock clock;

    DevSignIn(@ConfigProperty(name = "quarkus.oidc.token.issuer") String issuer, Clock clock) {
        this.issuer = issuer;
        this.clock = clock;
    }

    /** A signed token (RS256) for the role, as deploy/dev/token.sh makes them; the user is dev-&lt;role&gt;. */
    String tokenFor(String role) {
        long now = clock.instant().getEpochSecond();
        String user = "dev-" + role;
        String claims = "{\"iss\":\"" + issuer + "\",\"sub\":\"" + user + "\",\"upn\":\"" + user + "\",\"preferred_username\":\"" + user
                + "\",\"groups\":[\"" + role + "\"],\"iat\":" + now + ",\"exp\":" + (now + VALID_FOR.toSeconds()) + "}";
        String signed = base64("{\"alg\":\"RS256\",\"typ\":\"JWT\"}") + "." + base64(claims);
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(key());
            signature.update(signed.getBytes(StandardCharsets.US_ASCII));
            return signed + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the dev signing key in " + KEY + " cannot sign", e);
        }
    }

    private static PrivateKey key() throws GeneralSecurityException {
        try {
            String pem = Files.readString(KEY).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (IOException e) {
            throw new UncheckedIOException("the dev signing key " + KEY + " is read from the project folder (dev mode, tests)", e);
        }
    }

    private static String base64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}

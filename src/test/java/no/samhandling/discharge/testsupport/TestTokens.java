package no.samhandling.discharge.testsupport;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import io.smallrye.jwt.util.KeyUtils;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/** Bearer tokens signed with the dev-only key (deploy/dev/), as Keycloak would issue them. */
public final class TestTokens {

    public static final String ISSUER = "discharge-dev";
    public static final Path DEV_KEY = Path.of("deploy/dev/dev-signing-key.pem");

    private TestTokens() {
    }

    public static String admin() {
        return forRole("admin").sign(devKey());
    }

    public static String board() {
        return forRole("board").sign(devKey());
    }

    public static String integration() {
        return forRole("integration").sign(devKey());
    }

    public static String poolAdmin(java.util.UUID pool) {
        return forRole("pool-admin").claim("pool", pool.toString()).sign(devKey());
    }

    public static String ward(String hospitalOrganisationNumber) {
        return forRole("ward").claim("hospital", hospitalOrganisationNumber).sign(devKey());
    }

    public static String municipalIntake(String municipalityNumber) {
        return forRole("municipal-intake").claim("municipality", municipalityNumber).sign(devKey());
    }

    public static String expiredAdmin() {
        Instant anHourAgo = Instant.now().minus(Duration.ofHours(1));
        return forRole("admin").issuedAt(anHourAgo.minus(Duration.ofHours(1))).expiresAt(anHourAgo).sign(devKey());
    }

    public static String adminSignedWith(PrivateKey otherKey) {
        return forRole("admin").sign(otherKey);
    }

    private static JwtClaimsBuilder forRole(String role) {
        return Jwt.issuer(ISSUER).upn("test-" + role).subject("test-" + role).groups(Set.of(role));
    }

    private static PrivateKey devKey() {
        try {
            return KeyUtils.decodePrivateKey(Files.readString(DEV_KEY));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}

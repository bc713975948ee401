package no.samhandling.discharge.dashboard;

import io.quarkus.arc.profile.IfBuildProfile;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dev sign-in signs tokens with a key everyone can read: it must exist in dev mode and tests only. Quarkus
 * leaves a bean or resource annotated {@code @IfBuildProfile} out of any other build, so the packaged
 * (production) service has no sign-in page and no cookie hand-over; and production trusts no dev key.
 * (PackagedServiceIT checks the packaged service answers 404 there.)
 */
class DevSignInOnlyInDevAndTestsTest {

    @Test
    void everyPartOfTheDevSignInIsBuiltIntoDevModeAndTestsOnly() {
        for (Class<?> part : List.of(DevSignIn.class, DevSignInResource.class, DevSessionCookie.class)) {
            IfBuildProfile profile = part.getAnnotation(IfBuildProfile.class);
            assertThat(profile).as("%s is @IfBuildProfile", part.getSimpleName()).isNotNull();
            assertThat(profile.anyOf()).as(part.getSimpleName()).containsExactlyInAnyOrder("dev", "test");
            assertThat(profile.value()).isEmpty();
            assertThat(profile.allOf()).isEmpty();
        }
    }

    @Test
    void productionSignsInThroughTheIdentityProviderAndTrustsNoDevKey() throws IOException {
        List<String> properties = Files.readAllLines(Path.of("src/main/resources/application.properties"));
        assertThat(properties).contains("%prod.quarkus.oidc.dashboard.tenant-paths=/dashboard,/dashboard/*",
                "%prod.quarkus.oidc.dashboard.application-type=hybrid", "%prod.quarkus.http.auth.permission.dashboard.policy=authenticated");
        assertThat(properties).filteredOn(line -> line.contains("oidc.public-key") || line.contains("oidc.token.issuer=discharge-dev"))
                .allSatisfy(line -> assertThat(line).matches("%(dev|test)\\..*"));
    }
}

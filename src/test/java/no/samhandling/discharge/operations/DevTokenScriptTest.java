package no.samhandling.discharge.operations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** deploy/dev/token.sh, as README tells a newcomer to use it: each tenant's token is its own user. */
class DevTokenScriptTest {

    @Test
    void wardsOfTwoHospitalsAndIntakeTeamsOfTwoMunicipalitiesAreFourDistinctUsers() throws Exception {
        List<JsonNode> tokens = List.of(
                claims("ward", "--hospital", "983974899"), claims("ward", "--hospital", "983974910"),
                claims("municipal-intake", "--municipality", "1833"), claims("municipal-intake", "--municipality", "1804"));
        assertThat(tokens).extracting(t -> t.get("upn").asText()).doesNotHaveDuplicates()
                .containsExactly("dev-ward-983974899", "dev-ward-983974910", "dev-municipal-intake-1833", "dev-municipal-intake-1804");
        assertThat(tokens.getFirst().get("hospital").asText()).isEqualTo("983974899");
    }

    @Test
    void aNamedUserIsKept() throws Exception {
        assertThat(claims("ward", "--hospital", "983974899", "--user", "kari").get("upn").asText()).isEqualTo("kari");
    }

    private static JsonNode claims(String... arguments) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("bash", "deploy/dev/token.sh"));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String token = new String(process.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip();
        assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("token.sh exit code").isZero();
        return new ObjectMapper().readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
    }
}

package no.samhandling.discharge.operations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * openapi/openapi.yaml is the contract: it must equal what the service serves. When an API change is
 * intended, copy target/openapi-served.yaml over it (the failure message says so) and review the diff.
 */
@QuarkusTest
class OpenApiContractTest {

    private static final Path CONTRACT = Path.of("openapi/openapi.yaml");
    private static final Path SERVED_COPY = Path.of("target/openapi-served.yaml");

    @Test
    void servedDocumentEqualsTheCommittedContract() throws IOException {
        String served = given().accept("application/yaml").when().get("/q/openapi").then().statusCode(200).extract().asString();
        Files.createDirectories(SERVED_COPY.getParent());
        Files.writeString(SERVED_COPY, served);
        assertThat(CONTRACT).as("the contract file").exists();

        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        JsonNode contract = yaml.readTree(CONTRACT.toFile());
        JsonNode actual = yaml.readTree(served);
        assertThat(actual)
                .as("the served OpenAPI document differs from %s; if the change is intended: cp %s %s", CONTRACT, SERVED_COPY, CONTRACT)
                .isEqualTo(contract);
    }

    @Test
    void everyErrorResponseIsDocumentedAsProblemDetails() throws IOException {
        JsonNode contract = new ObjectMapper(new YAMLFactory()).readTree(CONTRACT.toFile());
        contract.get("paths").forEach(path -> path.forEach(operation -> operation.get("responses").fields().forEachRemaining(response -> {
            if (response.getKey().startsWith("4") || response.getKey().startsWith("5")) {
                assertThat(response.getValue().at("/content/application~1problem+json/schema/$ref").asText())
                        .as("response %s", response.getKey())
                        .isEqualTo("#/components/schemas/Problem");
            }
        })));
    }
}

package no.samhandling.discharge.operations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.quarkus.test.junit.QuarkusTest;
import no.samhandling.discharge.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * Every value the contract lists for a query parameter is accepted, as written there (lower-kebab codes,
 * not Java names), and an unreadable query parameter is a 400 problem naming it, never a 404.
 */
@QuarkusTest
class QueryParametersContractTest {

    private static final Path CONTRACT = Path.of("openapi/openapi.yaml");

    /** An enumerated query parameter of a GET operation without path parameters, and one value the contract lists. */
    record Documented(String path, String parameter, String value) {
    }

    @Test
    void everyDocumentedEnumValueOfEveryQueryParameterIsAccepted() throws IOException {
        List<Documented> documented = enumQueryValues();
        assertThat(documented).as("enumerated query parameters in %s", CONTRACT)
                .extracting(Documented::value).contains("awaiting-municipality");
        String admin = TestTokens.admin();
        for (Documented d : documented) {
            given().auth().oauth2(admin).queryParam(d.parameter(), d.value())
                    .when().get(d.path())
                    .then().statusCode(200);
        }
    }

    @Test
    void anUnknownEnumValueIsA400ThatNamesTheParameterAndItsValues() {
        given().auth().oauth2(TestTokens.admin()).queryParam("status", "AWAITING_MUNICIPALITY")
                .when().get("/stays")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/validation-failed"))
                .body("errors[0].field", equalTo("status"))
                .body("errors[0].message", org.hamcrest.Matchers.containsString("awaiting-municipality"));
    }

    @Test
    void aPageSizeThatIsNotANumberIsA400NotA404() {
        given().auth().oauth2(TestTokens.admin()).queryParam("size", "abc")
                .when().get("/stays")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("size"));
        given().auth().oauth2(TestTokens.board()).queryParam("page", "first")
                .when().get("/municipalities")
                .then().statusCode(400)
                .body("errors[0].field", equalTo("page"));
    }

    @Test
    void anAuditLogStayIdThatIsNotAnIdIsA400NotA404() {
        given().auth().oauth2(TestTokens.admin()).queryParam("stayId", "nope")
                .when().get("/audit-log")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("stayId"));
    }

    private static List<Documented> enumQueryValues() throws IOException {
        JsonNode contract = new ObjectMapper(new YAMLFactory()).readTree(CONTRACT.toFile());
        List<Documented> found = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : contract.get("paths").properties()) {
            JsonNode get = path.getValue().get("get");
            if (get == null || path.getKey().contains("{") || !get.has("parameters")) {
                continue;
            }
            for (JsonNode parameter : get.get("parameters")) {
                JsonNode schema = resolve(contract, parameter.path("schema"));
                if ("query".equals(parameter.path("in").asText()) && schema.has("enum")) {
                    schema.get("enum").forEach(value -> found.add(new Documented(path.getKey(), parameter.get("name").asText(), value.asText())));
                }
            }
        }
        return found;
    }

    private static JsonNode resolve(JsonNode contract, JsonNode schema) {
        String ref = schema.path("$ref").asText();
        return ref.startsWith("#/") ? contract.at(ref.substring(1)) : schema;
    }
}

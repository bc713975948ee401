package no.samhandling.discharge.operations;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.containsString;

@QuarkusTest
class HealthTest {

    @Test
    void readinessIsUpWithADatabaseAndAKafkaCheck() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("Database connections health check", "Kafka connection health check"))
                .body("checks.find { it.name == 'Kafka connection health check' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'Database connections health check' }.status", equalTo("UP"));
    }

    @Test
    void swaggerUiAndMetricsAreServed() {
        given().when().get("/q/swagger-ui/").then().statusCode(200).body(containsString("Swagger"));
        given().when().get("/q/metrics").then().statusCode(200).body(containsString("jvm_"));
    }
}

package no.samhandling.discharge.operations;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

@QuarkusTest
class HealthTest {

    /** Readiness is what a pod cannot serve without: the database. Kafka trouble is what the outbox is for. */
    @Test
    void readinessIsTheDatabaseOnly() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("Database connections health check"))
                .body("checks.name", not(hasItem(containsString("Kafka"))))
                .body("checks.name", not(hasItem("Outbox relay")))
                .body("checks.find { it.name == 'Database connections health check' }.status", equalTo("UP"));
    }

    @Test
    void theMessagingGroupShowsKafkaAndTheOutbox() {
        given().when().get("/q/health/group/messaging")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'Kafka' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'Kafka' }.data.brokers", equalTo(1))
                .body("checks.find { it.name == 'Outbox relay' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'Outbox relay' }.data.quarantined", equalTo(0));
    }

    @Test
    void swaggerUiAndMetricsAreServed() {
        given().when().get("/q/swagger-ui/").then().statusCode(200).body(containsString("Swagger"));
        given().when().get("/q/metrics").then().statusCode(200).body(containsString("jvm_"));
    }
}

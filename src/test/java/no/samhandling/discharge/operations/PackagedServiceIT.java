package no.samhandling.discharge.operations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import no.samhandling.discharge.testsupport.DevTokenVerification;
import no.samhandling.discharge.testsupport.TestTokens;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import no.samhandling.discharge.testsupport.RealInfrastructure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

/** The packaged service (production profile, production class path) against real PostgreSQL and Kafka. */
@QuarkusIntegrationTest
@WithTestResource(DevTokenVerification.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PackagedServiceIT {

    private static final Path APP = Path.of("target/quarkus-app");

    @Test
    void packagedServiceIsReadyWithItsDatabaseAndShowsKafkaInTheMessagingGroup() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("Database connections health check"));
        given().when().get("/q/health/group/messaging")
                .then().statusCode(200)
                .body("checks.find { it.name == 'Kafka' }.status", equalTo("UP"));
    }

    /**
     * The validator is built and warmed before the service reports ready, and consumers join quickly:
     * the first message after the start is answered within seconds (it took half a minute when the
     * validator was built on the first message), well inside a sender's acknowledgement timeout.
     */
    @Test
    @Order(1)
    void theFirstMessageAfterTheStartIsAcknowledgedWithinSeconds() throws IOException {
        String example = new String(PackagedServiceIT.class.getResourceAsStream("/fhir/examples/admission-notice.json").readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8);
        org.hl7.fhir.r4.model.Bundle bundle = ca.uhn.fhir.context.FhirContext.forR4Cached().newJsonParser()
                .parseResource(org.hl7.fhir.r4.model.Bundle.class, example);
        String stay = bundle.getEntry().stream().map(e -> e.getResource()).filter(org.hl7.fhir.r4.model.Encounter.class::isInstance)
                .map(org.hl7.fhir.r4.model.Encounter.class::cast).findFirst().orElseThrow().getIdentifierFirstRep().getValue();
        try (io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion kafka =
                     new io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion(RealInfrastructure.kafkaBootstrapServers())) {
            kafka.produceStrings().fromRecords(new org.apache.kafka.clients.producer.ProducerRecord<>("hospital.fhir.in", stay, example))
                    .awaitCompletion();
            var acks = kafka.consumeStrings().withGroupId("first-message-" + java.util.UUID.randomUUID())
                    .withAutoCommit().fromTopics("hospital.fhir.out")
                    .awaitRecords(1, java.time.Duration.ofSeconds(10));
            assertThat(acks.getRecords()).as("acknowledged within 10 s of being sent")
                    .anySatisfy(r -> assertThat(r.key()).isEqualTo(stay));
        }
    }

    @Test
    void packagedServiceMigratesTheReferenceDataAndServesIt() {
        given().auth().oauth2(TestTokens.board())
                .when().get("/municipalities/1833")
                .then().statusCode(200)
                .body("municipality.name", equalTo("Rana"));
    }

    /** The dashboard's dev sign-in signs tokens with a public key: the packaged service has no such page. */
    @Test
    void theDashboardsDevSignInIsNotInThePackagedService() {
        given().when().get("/dev/dashboard-sign-in").then().statusCode(404);
        given().formParam("role", "admin").when().post("/dev/dashboard-sign-in").then().statusCode(404);
    }

    @Test
    void noLocalInfrastructureIsOnTheProductionClassPath() throws IOException {
        List<String> libraries;
        try (Stream<Path> jars = Files.walk(APP.resolve("lib"))) {
            libraries = jars.map(path -> path.getFileName().toString()).toList();
        }
        assertThat(libraries).isNotEmpty()
                .noneMatch(name -> name.startsWith("io.zonky"))
                .noneMatch(name -> name.startsWith("org.apache.kafka.kafka_2.13"))
                .noneMatch(name -> name.startsWith("org.apache.kafka.kafka-server"))
                .noneMatch(name -> name.startsWith("org.scala-lang"))
                .noneMatch(name -> name.startsWith("org.testcontainers"));
        Path appJar;
        try (Stream<Path> jars = Files.list(APP.resolve("app"))) {
            appJar = jars.filter(path -> path.toString().endsWith(".jar")).findFirst().orElseThrow();
        }
        try (JarFile jar = new JarFile(appJar.toFile())) {
            assertThat(jar.stream().map(entry -> entry.getName()))
                    .contains("no/samhandling/discharge/DischargeCoordinationMain.class")
                    .noneMatch(name -> name.startsWith("no/samhandling/discharge/localdev/") && name.endsWith(".class"));
        }
    }

    @Test
    void committedKubernetesManifestsAreTheGeneratedOnes() throws IOException {
        // Compared as YAML documents: the generator does not keep the order of labels stable.
        assertThat(yamlDocuments(Path.of("deploy/kubernetes/kubernetes.yml")))
                .as("deploy/kubernetes/kubernetes.yml is stale: cp target/kubernetes/kubernetes.yml deploy/kubernetes/")
                .isEqualTo(yamlDocuments(Path.of("target/kubernetes/kubernetes.yml")));
    }

    private static List<JsonNode> yamlDocuments(Path file) throws IOException {
        YAMLFactory factory = new YAMLFactory();
        try (YAMLParser parser = factory.createParser(file.toFile())) {
            return new ObjectMapper(factory).readValues(parser, JsonNode.class).readAll();
        }
    }
}

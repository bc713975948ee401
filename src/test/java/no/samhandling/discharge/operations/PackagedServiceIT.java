package no.samhandling.discharge.operations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import no.samhandling.discharge.testsupport.DevTokenVerification;
import no.samhandling.discharge.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

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
class PackagedServiceIT {

    private static final Path APP = Path.of("target/quarkus-app");

    @Test
    void packagedServiceIsReadyWithDatabaseAndKafka() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("Database connections health check", "Kafka connection health check"));
    }

    @Test
    void packagedServiceMigratesTheReferenceDataAndServesIt() {
        given().auth().oauth2(TestTokens.board())
                .when().get("/municipalities/1833")
                .then().statusCode(200)
                .body("municipality.name", equalTo("Rana"));
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

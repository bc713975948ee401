package no.samhandling.discharge.web;

import io.quarkus.test.junit.QuarkusTest;
import no.samhandling.discharge.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

@QuarkusTest
class ProblemDetailsTest {

    @Test
    void unknownPathIsANotFoundProblem() {
        given().auth().oauth2(TestTokens.board())
                .when().get("/no-such-thing")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/not-found"))
                .body("title", equalTo("Not found"));
    }

    @Test
    void missingTokenIsAnUnauthenticatedProblemWithAChallenge() {
        given().when().get("/municipalities")
                .then().statusCode(401)
                .header("WWW-Authenticate", containsString("Bearer"))
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/unauthenticated"));
    }

    @Test
    void expiredTokenIsRefused() {
        given().auth().oauth2(TestTokens.expiredAdmin())
                .when().get("/municipalities")
                .then().statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void tokenSignedWithAnotherKeyIsRefused() throws NoSuchAlgorithmException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        given().auth().oauth2(TestTokens.adminSignedWith(generator.generateKeyPair().getPrivate()))
                .when().get("/municipalities")
                .then().statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void wrongMethodIsAProblem() {
        given().auth().oauth2(TestTokens.admin())
                .when().delete("/daily-rates/2024")
                .then().statusCode(405)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/method-not-allowed"));
    }

    @Test
    void wrongContentTypeIsAProblem() {
        given().auth().oauth2(TestTokens.admin())
                .contentType("text/plain").body("5745")
                .when().put("/daily-rates/2024")
                .then().statusCode(415)
                .contentType("application/problem+json")
                .body("detail", not(containsString("Exception")));
    }
}

package no.samhandling.discharge.dashboard;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import no.samhandling.discharge.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.startsWith;

/** The dashboard's pages over HTTP: who may see them, what wrong input answers, and the dev sign-in. */
@QuarkusTest
class DashboardResourceTest {

    @Test
    void withoutSigningInTheBrowserIsSentToTheDevSignIn() {
        given().redirects().follow(false).when().get("/dashboard")
                .then().statusCode(303).header("Location", endsWith("/dev/dashboard-sign-in"));
    }

    @Test
    void theDevSignInGivesABoardMemberACookieThatOpensTheDashboardButNoApi() {
        given().when().get("/dev/dashboard-sign-in").then().statusCode(200).contentType(startsWith("text/html"))
                .body(containsString("for=\"role-board\""), containsString("kun utvikling"));
        Response signedIn = given().redirects().follow(false).formParam("role", "board").when().post("/dev/dashboard-sign-in");
        assertThat(signedIn.statusCode()).isEqualTo(303);
        assertThat(signedIn.header("Location")).endsWith("/dashboard");
        assertThat(signedIn.header("Set-Cookie")).contains("HttpOnly").contains("SameSite=Strict");
        String cookie = signedIn.cookie(DevSignIn.COOKIE);
        assertThat(cookie).isNotBlank();

        given().cookie(DevSignIn.COOKIE, cookie).when().get("/dashboard").then().statusCode(200).contentType(startsWith("text/html"))
                .body(containsString("<html lang=\"nb\">"), containsString("Kommuner etter overliggerdøgn per 1000 innbyggere"),
                        containsString("href=\"/dev/dashboard-sign-out\""));
        given().cookie(DevSignIn.COOKIE, cookie).when().get("/statistics/discharge-ready-days").then().statusCode(401);
        given().redirects().follow(false).when().get("/dev/dashboard-sign-out")
                .then().statusCode(303).header("Set-Cookie", containsString("Max-Age=0"));
    }

    @Test
    void theDevSignInKnowsOnlyTheRolesThatMaySeeTheDashboard() {
        given().formParam("role", "ward").when().post("/dev/dashboard-sign-in")
                .then().statusCode(400).body(containsString("Velg en rolle"));
    }

    @Test
    void aWardOrAnIntakeTeamMayNotSeeIt() {
        given().auth().oauth2(TestTokens.ward("983974910")).when().get("/dashboard")
                .then().statusCode(403).contentType(startsWith("text/html")).body(containsString("Ingen tilgang"));
        given().auth().oauth2(TestTokens.municipalIntake("1860")).when().get("/dashboard/table.csv").then().statusCode(403);
    }

    @Test
    void aYearOutsideTheSchemeOrAnUnknownPartnershipOrBasisIsA400PageNamingIt() {
        String board = TestTokens.board();
        given().auth().oauth2(board).queryParam("year", "2011").when().get("/dashboard")
                .then().statusCode(400).contentType(startsWith("text/html")).body(containsString("År: must be a year from 2012"));
        given().auth().oauth2(board).queryParam("healthPartnership", "helsefellesskapet-atlantis").when().get("/dashboard")
                .then().statusCode(400).body(containsString("Helsefellesskap: unknown health partnership"));
        given().auth().oauth2(board).queryParam("basis", "bill").when().get("/dashboard")
                .then().statusCode(400).contentType(startsWith("text/html")).body(containsString("Grunnlag: must be one of paying, residence"));
        given().auth().oauth2(board).queryParam("year", "twenty").when().get("/dashboard/table.csv")
                .then().statusCode(400).body(containsString("År: must be a whole number"));
    }

    @Test
    void anAdministratorSeesTheCountsABoardMemberDoesNotInTheCsv() {
        SeededStays.registerOnce();
        String partnership = SeededStays.partnershipId();
        String admin = csv(TestTokens.admin(), partnership);
        String board = csv(TestTokens.board(), partnership);
        assertThat(board.lines()).anySatisfy(line -> assertThat(line).startsWith("1866;Hadsel;01.01.2021;31.12.2021;< 5;"));
        assertThat(admin.lines()).anySatisfy(line -> assertThat(line).startsWith("1866;Hadsel;01.01.2021;31.12.2021;7;"));
    }

    private static String csv(String token, String partnership) {
        byte[] body = given().auth().oauth2(token).queryParam("healthPartnership", partnership).queryParam("year", "2021")
                .when().get("/dashboard/table.csv")
                .then().statusCode(200).contentType(startsWith("text/csv"))
                .header("Content-Disposition", containsString("overliggerdogn-" + partnership + "-2021.csv"))
                .extract().asByteArray();
        return new String(body, StandardCharsets.UTF_8);
    }
}

package no.samhandling.discharge.reference;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import no.samhandling.discharge.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

@QuarkusTest
class ReferenceDataResourceTest {

    private static final String UNN = "983974899";
    private static final String TROMS_OG_OFOTEN = "helsefellesskapet-troms-og-ofoten";

    @Test
    void listsAllEightyMunicipalitiesSortedByNumberInPages() {
        given().auth().oauth2(TestTokens.board())
                .queryParam("size", 50)
                .when().get("/municipalities")
                .then().statusCode(200)
                .body("totalItems", equalTo(80))
                .body("totalPages", equalTo(2))
                .body("items", hasSize(50))
                .body("items[0].number", equalTo("1804"))
                .body("items[0].name", equalTo("Bodø"));
        given().auth().oauth2(TestTokens.board())
                .queryParam("size", 50).queryParam("page", 1)
                .when().get("/municipalities")
                .then().statusCode(200)
                .body("items", hasSize(30))
                .body("items[29].number", equalTo("5636"));
    }

    @Test
    void filtersMunicipalitiesByHealthPartnershipAndHospitalTrust() {
        given().auth().oauth2(TestTokens.board())
                .queryParam("healthPartnership", TROMS_OG_OFOTEN)
                .when().get("/municipalities")
                .then().statusCode(200)
                .body("totalItems", equalTo(24))
                .body("items.number", hasItems("1806", "1851", "1853", "5501"))
                .body("items.healthPartnership.id", everyItem(equalTo(TROMS_OG_OFOTEN)));
        given().auth().oauth2(TestTokens.board())
                .queryParam("hospitalTrust", "983974929")
                .when().get("/municipalities")
                .then().statusCode(200)
                .body("totalItems", equalTo(18))
                .body("items.hospitalTrust.name", everyItem(equalTo("Helgelandssykehuset")));
    }

    @Test
    void showsOneMunicipalityWithItsPopulationSeries() {
        given().auth().oauth2(TestTokens.ward(UNN))
                .when().get("/municipalities/1833")
                .then().statusCode(200)
                .body("municipality.name", equalTo("Rana"))
                .body("municipality.hospitalTrust.organisationNumber", equalTo("983974929"))
                .body("population.find { it.year == 2022 }.total", equalTo(26092))
                .body("population.find { it.year == 2022 }.ageGroups.'90+'", equalTo(284))
                .body("population.year", hasItems(2015, 2026));
    }

    @Test
    void findsTodaysMunicipalityByItsFormerNumber() {
        given().auth().oauth2(TestTokens.board())
                .when().get("/municipalities/5401")
                .then().statusCode(200)
                .body("municipality.number", equalTo("5501"))
                .body("municipality.name", equalTo("Tromsø"))
                .body("municipality.formerNumbers[0].number", equalTo("5401"))
                .body("municipality.formerNumbers[0].validToYear", equalTo(2023));
    }

    @Test
    void unknownMunicipalityIsANotFoundProblem() {
        given().auth().oauth2(TestTokens.board())
                .when().get("/municipalities/0301")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/not-found"))
                .body("status", equalTo(404))
                .body("instance", equalTo("/municipalities/0301"));
    }

    @Test
    void municipalityNumberMustBeFourDigits() {
        given().auth().oauth2(TestTokens.board())
                .when().get("/municipalities/18x3")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/validation-failed"))
                .body("errors[0].field", equalTo("number"));
    }

    @Test
    void listsHealthPartnershipsWithAllTheirMembers() {
        given().auth().oauth2(TestTokens.board())
                .when().get("/health-partnerships")
                .then().statusCode(200)
                .body("", hasSize(4))
                .body("collect { it.members.size() }.sum()", equalTo(80));
        given().auth().oauth2(TestTokens.board())
                .when().get("/health-partnerships/" + TROMS_OG_OFOTEN)
                .then().statusCode(200)
                .body("members", hasSize(24))
                .body("hospitalTrusts.organisationNumber", contains(UNN))
                .body("members.find { it.number == '1806' }.name", equalTo("Narvik"));
        given().auth().oauth2(TestTokens.board())
                .when().get("/health-partnerships/helse-sor-ost")
                .then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void dailyRatesListTheUnpublishedYearsAsUnknown() {
        given().auth().oauth2(TestTokens.board())
                .when().get("/daily-rates")
                .then().statusCode(200)
                .body("rates.find { it.year == 2024 }.nokPerDay", equalTo(5745.0f))
                .body("rates.find { it.year == 2012 }.nokPerDay", equalTo(4000.0f))
                .body("unknownYears", hasItem(2025))
                .body("unknownYears", not(hasItem(2024)));
        given().auth().oauth2(TestTokens.board())
                .when().get("/daily-rates/2025")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("detail", equalTo("The daily rate (døgnpris) for 2025 is not known. "
                        + "Costs for 2025 are reported as unknown until an administrator enters it."));
    }

    @Test
    void adminEntersAnUnknownRateThenCorrectsItWithTheVersionRead() {
        given().auth().oauth2(TestTokens.admin())
                .contentType(ContentType.JSON)
                .body(Map.of("nokPerDay", 4100, "source", "Statsbudsjettet 2013"))
                .when().put("/daily-rates/2013")
                .then().statusCode(201)
                .header("ETag", "\"0\"")
                .body("nokPerDay", equalTo(4100.0f))
                .body("updatedBy", equalTo("test-admin"));
        given().auth().oauth2(TestTokens.admin())
                .contentType(ContentType.JSON)
                .header("If-Match", "\"0\"")
                .body(Map.of("nokPerDay", 4125.5, "source", "Statsbudsjettet 2013, corrected"))
                .when().put("/daily-rates/2013")
                .then().statusCode(200)
                .body("nokPerDay", equalTo(4125.5f))
                .body("version", equalTo(1));
        given().auth().oauth2(TestTokens.admin())
                .contentType(ContentType.JSON)
                .header("If-Match", "\"0\"")
                .body(Map.of("nokPerDay", 9999, "source", "a stale form"))
                .when().put("/daily-rates/2013")
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/concurrent-update"));
        given().auth().oauth2(TestTokens.board())
                .when().get("/daily-rates/2013")
                .then().statusCode(200)
                .body("nokPerDay", equalTo(4125.5f));
    }

    @Test
    void invalidDailyRateIsRefusedFieldByField() {
        given().auth().oauth2(TestTokens.admin())
                .contentType(ContentType.JSON)
                .body(Map.of("nokPerDay", -5, "source", " "))
                .when().put("/daily-rates/2011")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/validation-failed"))
                .body("errors.field", hasItems("year", "nokPerDay", "source"));
        given().auth().oauth2(TestTokens.admin())
                .contentType(ContentType.JSON)
                .body("{\"nokPerDay\": \"four thousand\", \"source\": \"x\"}")
                .when().put("/daily-rates/2025")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("nokPerDay"));
        given().auth().oauth2(TestTokens.admin())
                .contentType(ContentType.JSON)
                .body("{\"nokPerDay\": 5900,")
                .when().put("/daily-rates/2025")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/malformed-request"));
        given().auth().oauth2(TestTokens.board())
                .when().get("/daily-rates/2025")
                .then().statusCode(404);
    }

    @Test
    void onlyAnAdminMayChangeReferenceData() {
        for (String token : List.of(TestTokens.board(), TestTokens.ward(UNN), TestTokens.municipalIntake("1833"))) {
            given().auth().oauth2(token)
                    .contentType(ContentType.JSON)
                    .body(Map.of("nokPerDay", 6000, "source", "not allowed"))
                    .when().put("/daily-rates/2025")
                    .then().statusCode(403)
                    .contentType("application/problem+json")
                    .body("type", equalTo("/problems/forbidden"));
        }
        given().auth().oauth2(TestTokens.municipalIntake("1833"))
                .contentType(ContentType.JSON)
                .body(Map.of("ageGroups", Map.of("0-17", 1), "source", "not allowed"))
                .when().put("/municipalities/1833/population/2026")
                .then().statusCode(403);
    }

    @Test
    void adminEntersAMissingPopulationYearAndTheTotalIsTheSumOfTheAgeGroups() {
        Map<String, Integer> ageGroups = Map.of("0-17", 15000, "18-29", 14000, "30-49", 22000,
                "50-66", 16000, "67-79", 8000, "80-89", 2500, "90+", 500);
        given().auth().oauth2(TestTokens.admin())
                .contentType(ContentType.JSON)
                .body(Map.of("ageGroups", ageGroups, "source", "SSB 07459, 5401 Tromsø"))
                .when().put("/municipalities/5501/population/2023")
                .then().statusCode(201)
                .body("total", equalTo(78000))
                .body("municipalityNumber", equalTo("5501"));
        given().auth().oauth2(TestTokens.board())
                .when().get("/municipalities/5501")
                .then().statusCode(200)
                .body("population.find { it.year == 2023 }.total", equalTo(78000))
                .body("population.find { it.year == 2023 }.updatedBy", equalTo("test-admin"));
    }

    @Test
    void populationWithAMissingOrUnknownAgeGroupIsRefused() {
        given().auth().oauth2(TestTokens.admin())
                .contentType(ContentType.JSON)
                .body(Map.of("ageGroups", Map.of("0-17", 100, "18-29", -1, "100+", 3), "source", "SSB"))
                .when().put("/municipalities/1833/population/2026")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItems("ageGroups.18-29", "ageGroups.100+", "ageGroups.90+"));
        given().auth().oauth2(TestTokens.board())
                .when().get("/municipalities/1833")
                .then().statusCode(200)
                .body("population.find { it.year == 2026 }.updatedBy", equalTo("reference-data"));
    }
}

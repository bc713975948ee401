package no.samhandling.discharge.reference;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import no.samhandling.discharge.testsupport.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * An administrator enters a partnership, a hospital trust and a municipality with its population (what the
 * national-scale benchmark does for the municipalities beyond Helse Nord). The rows are removed afterwards:
 * other tests count the 80 municipalities of Helse Nord.
 */
@QuarkusTest
class ReferenceAdministrationTest {

    private static final String PARTNERSHIP = "helsefellesskap-syntetisk-test";
    private static final String TRUST = "999000111";
    private static final String MUNICIPALITY = "7999";

    @Inject
    AgroalDataSource dataSource;

    @AfterEach
    void removeTheTestEntries() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            for (String sql : new String[]{
                    "DELETE FROM population WHERE municipality_number = '" + MUNICIPALITY + "'",
                    "DELETE FROM population_year WHERE municipality_number = '" + MUNICIPALITY + "'",
                    "DELETE FROM municipality WHERE number = '" + MUNICIPALITY + "'",
                    "DELETE FROM hospital_trust WHERE organisation_number = '" + TRUST + "'",
                    "DELETE FROM health_partnership WHERE id = '" + PARTNERSHIP + "'"}) {
                try (PreparedStatement statement = connection.prepareStatement(sql)) {
                    statement.executeUpdate();
                }
            }
        }
    }

    @Test
    void adminEntersAPartnershipATrustAndAMunicipalityAndTheSamePutTwiceChangesNothing() throws SQLException {
        long auditedBefore = lastAuditRow();
        Map<String, String> partnership = Map.of("name", "Syntetisk helsefellesskap");
        put("/health-partnerships/" + PARTNERSHIP, partnership).statusCode(201)
                .header("Location", endsWith("/health-partnerships/" + PARTNERSHIP))
                .body("id", equalTo(PARTNERSHIP)).body("name", equalTo("Syntetisk helsefellesskap"));
        put("/health-partnerships/" + PARTNERSHIP, partnership).statusCode(200).body("name", equalTo("Syntetisk helsefellesskap"));

        Map<String, String> trust = Map.of("name", "Syntetisk helseforetak");
        put("/hospital-trusts/" + TRUST, trust).statusCode(201).body("organisationNumber", equalTo(TRUST));
        put("/hospital-trusts/" + TRUST, trust).statusCode(200).body("name", equalTo("Syntetisk helseforetak"));
        given().auth().oauth2(TestTokens.board()).when().get("/hospital-trusts/" + TRUST)
                .then().statusCode(200).body("name", equalTo("Syntetisk helseforetak"));

        Map<String, String> municipality = Map.of("name", "Syntetisk kommune", "county", "Syntetisk fylke",
                "localHospitalArea", "Syntetisk", "hospitalTrust", TRUST, "healthPartnership", PARTNERSHIP);
        put("/municipalities/" + MUNICIPALITY, municipality).statusCode(201)
                .body("number", equalTo(MUNICIPALITY)).body("hospitalTrust.name", equalTo("Syntetisk helseforetak"))
                .body("healthPartnership.id", equalTo(PARTNERSHIP));
        put("/municipalities/" + MUNICIPALITY, municipality).statusCode(200).body("name", equalTo("Syntetisk kommune"));
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("ageGroups", Map.of("0-17", 100, "18-29", 80, "30-49", 150, "50-66", 140, "67-79", 90, "80-89", 30, "90+", 10),
                        "source", "Synthetic"))
                .when().put("/municipalities/" + MUNICIPALITY + "/population/2024").then().statusCode(201);

        given().auth().oauth2(TestTokens.board()).when().get("/health-partnerships/" + PARTNERSHIP)
                .then().statusCode(200).body("members.number", contains(MUNICIPALITY))
                .body("hospitalTrusts.name", contains("Syntetisk helseforetak"));
        given().auth().oauth2(TestTokens.board()).queryParam("healthPartnership", PARTNERSHIP)
                .when().get("/municipalities").then().statusCode(200).body("totalItems", equalTo(1));
        given().auth().oauth2(TestTokens.board()).when().get("/municipalities/" + MUNICIPALITY)
                .then().statusCode(200).body("population.find { it.year == 2024 }.total", equalTo(600));
        // The statistics keep reference data under its version: the population entered since is in the next answer.
        partnershipIn2024().body(containsString("Syntetisk helsefellesskap")).body("groups[0].current.population", equalTo(600));
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("ageGroups", Map.of("0-17", 200, "18-29", 80, "30-49", 150, "50-66", 140, "67-79", 90, "80-89", 30, "90+", 10),
                        "source", "Synthetic, corrected"))
                .when().put("/municipalities/" + MUNICIPALITY + "/population/2024").then().statusCode(200);
        partnershipIn2024().body("groups[0].current.population", equalTo(700));

        assertThat(auditRows("set-municipality:" + MUNICIPALITY, auditedBefore)).isEqualTo(2);
        assertThat(auditRows("set-hospital-trust:" + TRUST, auditedBefore)).isEqualTo(2);
        assertThat(auditRows("set-health-partnership:" + PARTNERSHIP, auditedBefore)).isEqualTo(2);
    }

    private static io.restassured.response.ValidatableResponse partnershipIn2024() {
        return given().auth().oauth2(TestTokens.admin())
                .queryParam("groupBy", "health-partnership").queryParam("healthPartnership", PARTNERSHIP)
                .queryParam("from", "2024-01-01").queryParam("to", "2024-12-31")
                .when().get("/statistics/discharge-ready-days").then().statusCode(200);
    }

    @Test
    void anExistingMunicipalityCanMoveToAnotherPartnership() {
        put("/health-partnerships/" + PARTNERSHIP, Map.of("name", "Syntetisk helsefellesskap")).statusCode(201);
        put("/hospital-trusts/" + TRUST, Map.of("name", "Syntetisk helseforetak")).statusCode(201);
        put("/municipalities/" + MUNICIPALITY, Map.of("name", "Syntetisk kommune", "county", "Troms", "localHospitalArea", "Tromsø",
                "hospitalTrust", "983974899", "healthPartnership", "helsefellesskapet-troms-og-ofoten")).statusCode(201);
        put("/municipalities/" + MUNICIPALITY, Map.of("name", "Syntetisk kommune II", "county", "Syntetisk fylke",
                "localHospitalArea", "Syntetisk", "hospitalTrust", TRUST, "healthPartnership", PARTNERSHIP)).statusCode(200)
                .body("name", equalTo("Syntetisk kommune II")).body("county", equalTo("Syntetisk fylke"))
                .body("hospitalTrust.organisationNumber", equalTo(TRUST));
        given().auth().oauth2(TestTokens.board()).when().get("/health-partnerships/helsefellesskapet-troms-og-ofoten")
                .then().statusCode(200).body("members.number", org.hamcrest.Matchers.not(hasItem(MUNICIPALITY)));
    }

    @Test
    void onlyAnAdministratorEntersReferenceData() {
        for (String token : new String[]{TestTokens.board(), TestTokens.integration(), TestTokens.ward("983974899"),
                TestTokens.municipalIntake("1833")}) {
            given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("name", "X"))
                    .when().put("/health-partnerships/" + PARTNERSHIP).then().statusCode(403);
            given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("name", "X"))
                    .when().put("/hospital-trusts/" + TRUST).then().statusCode(403);
            given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("name", "X"))
                    .when().put("/municipalities/" + MUNICIPALITY).then().statusCode(403);
        }
        given().contentType(ContentType.JSON).body(Map.of("name", "X")).when().put("/hospital-trusts/" + TRUST).then().statusCode(401);
        given().auth().oauth2(TestTokens.board()).when().get("/hospital-trusts/" + TRUST).then().statusCode(404);
    }

    @Test
    void invalidEntriesAreRefusedFieldByField() {
        put("/health-partnerships/Not_Kebab", Map.of("name", " ")).statusCode(400)
                .contentType("application/problem+json")
                .body("type", endsWith("/problems/validation-failed"))
                .body("errors.field", containsInAnyOrder("id", "name"));
        put("/hospital-trusts/12345", Map.of("name", "x".repeat(201))).statusCode(400)
                .body("errors.field", containsInAnyOrder("organisationNumber", "name"));
        put("/hospital-trusts/999000112", Map.of("name", "Universitetssykehuset Nord-Norge")).statusCode(409)
                .body("type", endsWith("/problems/conflict"));
        put("/municipalities/" + MUNICIPALITY, Map.of("name", "Syntetisk kommune", "hospitalTrust", "999999999",
                "healthPartnership", "no-such-partnership")).statusCode(400)
                .body("errors.field", containsInAnyOrder("county", "localHospitalArea", "hospitalTrust", "healthPartnership"))
                .body("errors.find { it.field == 'hospitalTrust' }.message", containsString("PUT /hospital-trusts/999999999"));
        put("/municipalities/5401", Map.of("name", "Tromsø", "county", "Troms", "localHospitalArea", "Tromsø",
                "hospitalTrust", "983974899", "healthPartnership", "helsefellesskapet-troms-og-ofoten")).statusCode(400)
                .body("errors.field", contains("number"));
        put("/municipalities/12", Map.of()).statusCode(400);
        given().auth().oauth2(TestTokens.admin()).when().get("/hospital-trusts/999000112").then().statusCode(404);
        given().auth().oauth2(TestTokens.admin()).when().get("/municipalities/" + MUNICIPALITY).then().statusCode(404);
    }

    private static io.restassured.response.ValidatableResponse put(String path, Map<String, ?> body) {
        return given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(body).when().put(path).then();
    }

    private long lastAuditRow() throws SQLException {
        return single("SELECT coalesce(max(id), 0) FROM audit_log", null, 0);
    }

    private long auditRows(String action, long after) throws SQLException {
        return single("SELECT count(*) FROM audit_log WHERE action LIKE ? AND principal = 'test-admin' AND id > ?", action, after);
    }

    private long single(String sql, String action, long after) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            if (action != null) {
                statement.setString(1, action);
                statement.setLong(2, after);
            }
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}

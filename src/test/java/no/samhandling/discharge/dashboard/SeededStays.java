package no.samhandling.discharge.dashboard;

import io.restassured.http.ContentType;
import no.samhandling.discharge.testsupport.DischargeReadyStays;
import no.samhandling.discharge.testsupport.TestTokens;

import java.time.LocalDate;
import java.util.Map;

import static io.restassured.RestAssured.given;

/**
 * Stays of 2020 and 2021 in Helsefellesskapet Lofoten, Vesterålen, Salten (years no other test uses there),
 * registered through the REST API as a ward of Nordlandssykehuset would: in 2021 six patients from Vestvågøy, nine
 * from Vågan (seven of the partnership's in March, so that month shows) and two from Hadsel (fewer than five: hidden
 * from board members), and in 2020 five from Vestvågøy, so that Vestvågøy has a change to show.
 */
final class SeededStays {

    static final String NORDLANDSSYKEHUSET = "983974910";
    static final String VESTVAGOY = "1860";
    static final String VAGAN = "1865";
    static final String HADSEL = "1866";
    static final String PARTNERSHIP_NAME = "Helsefellesskapet Lofoten, Vesterålen, Salten";
    static final String INTERVENTION = "Felles mottaksteam startet";

    private static boolean registered;

    private SeededStays() {
    }

    static synchronized void registerOnce() {
        if (registered) {
            return;
        }
        String ward = TestTokens.ward(NORDLANDSSYKEHUSET);
        int[][] vestvagoy2021 = {{1, 10, 4}, {2, 6, 9}, {3, 14, 3}, {3, 20, 6}, {6, 2, 12}, {10, 9, 5}};
        int[][] vagan2021 = {{1, 16, 2}, {3, 3, 7}, {3, 8, 2}, {3, 10, 3}, {3, 24, 4}, {3, 27, 2}, {5, 22, 4}, {8, 8, 3}, {11, 13, 8}};
        int[][] hadsel2021 = {{4, 4, 5}, {9, 18, 2}};
        int[][] vestvagoy2020 = {{2, 2, 3}, {4, 11, 4}, {7, 5, 2}, {9, 21, 6}, {12, 1, 3}};
        for (int[] stay : vestvagoy2021) {
            DischargeReadyStays.waitedDays(ward, VESTVAGOY, LocalDate.of(2021, stay[0], stay[1]), stay[2]);
        }
        for (int[] stay : vagan2021) {
            DischargeReadyStays.waitedDays(ward, VAGAN, LocalDate.of(2021, stay[0], stay[1]), stay[2]);
        }
        for (int[] stay : hadsel2021) {
            DischargeReadyStays.waitedDays(ward, HADSEL, LocalDate.of(2021, stay[0], stay[1]), stay[2]);
        }
        for (int[] stay : vestvagoy2020) {
            DischargeReadyStays.waitedDays(ward, VESTVAGOY, LocalDate.of(2020, stay[0], stay[1]), stay[2]);
        }
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).header("Idempotency-Key", java.util.UUID.randomUUID().toString())
                .body(Map.of("healthPartnership", partnershipId(), "title", INTERVENTION, "startsOn", "2021-06-01"))
                .when().post("/interventions").then().statusCode(201);
        registered = true;
    }

    static String partnershipId() {
        return given().auth().oauth2(TestTokens.board()).when().get("/municipalities/" + VESTVAGOY).then().statusCode(200)
                .extract().path("municipality.healthPartnership.id");
    }
}

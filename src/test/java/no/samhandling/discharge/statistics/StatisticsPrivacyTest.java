package no.samhandling.discharge.statistics;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.ValidatableResponse;
import no.samhandling.discharge.testsupport.DischargeReadyStays;
import no.samhandling.discharge.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/**
 * September 2019 (no other test uses 2019), one patient per stay, 2 discharge-ready days each: Bodø 7 (Lofoten, Vesterålen,
 * Salten), Narvik 6 (Troms og Ofoten), Vefsn 4 and Alstahaug 1 (Helgeland: 5), Alta 2 (Finnmark); 20 in the region.
 * August 2019: Bodø 8 stays of 3 days. Bodø had 52 024 inhabitants on 1 January 2019, Alstahaug under 10 000.
 */
@QuarkusTest
class StatisticsPrivacyTest {

    static final String BODO = "1804";
    static final String NARVIK = "1806";
    static final String VEFSN = "1824";
    static final String ALSTAHAUG = "1820";
    static final String ALTA = "5601";
    static final String HELGELAND = "helsefellesskap-helgeland";
    static final String FINNMARK = "helsefellesskapet-finnmark";
    static final long BODO_2019 = 52_024;

    private static boolean seeded;

    @BeforeEach
    void registerTheStaysOnce() {
        if (seeded) {
            return;
        }
        String ward = TestTokens.ward(StatisticsResourceTest.HELGELANDSSYKEHUSET);
        Map<String, Integer> september = Map.of(BODO, 7, NARVIK, 6, VEFSN, 4, ALSTAHAUG, 1, ALTA, 2);
        september.forEach((municipality, stays) -> {
            for (int i = 0; i < stays; i++) {
                DischargeReadyStays.waitedDays(ward, municipality, LocalDate.of(2019, 9, 3 + i), 2);
            }
        });
        for (int i = 0; i < 8; i++) {
            DischargeReadyStays.waitedDays(ward, BODO, LocalDate.of(2019, 8, 5 + i), 3);
        }
        seeded = true;
    }

    @Test
    void aBoardMemberCannotWorkOutAHiddenPartnershipFromTheRegionMinusTheOthers() {
        JsonPath admin = json(september(TestTokens.admin(), "health-partnership", null));
        assertThat(admin.getInt("groups.find { it.key == '" + HELGELAND + "' }.current.patients")).isEqualTo(5);
        assertThat(admin.getInt("groups.find { it.key == '" + FINNMARK + "' }.current.patients")).isEqualTo(2);

        // Finnmark has 2 patients; shown Helgeland's 5 with the region's 20, Finnmark's would be the region minus the rest.
        september(TestTokens.board(), "health-partnership", null).statusCode(200)
                .body("suppressionRule", containsString("next fewest patients"))
                .body("groups.find { it.key == '" + FINNMARK + "' }.current.suppressed", equalTo(true))
                .body("groups.find { it.key == '" + HELGELAND + "' }.current.suppressed", equalTo(true))
                .body("groups.find { it.key == '" + HELGELAND + "' }.current.dischargeReadyDays", nullValue())
                .body("groups.find { it.key == '" + HELGELAND + "' }.change", nullValue())
                .body("groups.find { it.key == 'helsefellesskapet-lofoten-vesteralen-salten' }.current.patients", equalTo(7))
                .body("groups.find { it.key == 'helsefellesskapet-troms-og-ofoten' }.current.patients", equalTo(6));
        september(TestTokens.board(), "region", null).statusCode(200)
                .body("groups[0].current.patients", equalTo(20)).body("groups[0].current.dischargeReadyDays", equalTo(40));
    }

    @Test
    void thePreviousRangeIsProtectedAsWhenAskedForItself() {
        // October 2019's previous range, 31 August to 30 September, holds September's stays.
        given().auth().oauth2(TestTokens.board()).queryParam("groupBy", "health-partnership").queryParam("from", "2019-10-01")
                .queryParam("to", "2019-10-31").when().get("/statistics/discharge-ready-days").then().statusCode(200)
                .body("previousFrom", equalTo("2019-08-31"))
                .body("groups.find { it.key == '" + HELGELAND + "' }.previous.suppressed", equalTo(true))
                .body("groups.find { it.key == '" + FINNMARK + "' }.previous.suppressed", equalTo(true))
                .body("groups.find { it.key == 'helsefellesskapet-troms-og-ofoten' }.previous.patients", equalTo(6))
                .body("groups.find { it.key == 'helsefellesskapet-troms-og-ofoten' }.change", nullValue());
    }

    @Test
    void theSameGroupIsHiddenWhicheverWayTheBoardAsksForIt() {
        september(TestTokens.board(), "region", HELGELAND).statusCode(200)
                .body("groups[0].municipalities", equalTo(18)).body("groups[0].current.suppressed", equalTo(true));
        september(TestTokens.board(), "hospital-trust", HELGELAND).statusCode(200)
                .body("groups[0].current.suppressed", equalTo(true));
        september(TestTokens.admin(), "hospital-trust", HELGELAND).statusCode(200)
                .body("groups[0].current.suppressed", equalTo(false)).body("groups[0].current.patients", equalTo(5));
        // The municipalities: Bodø's 7 are shown, Vefsn's 4 and Alstahaug's 1 are not.
        september(TestTokens.board(), "municipality", null).statusCode(200)
                .body("groups.find { it.key == '" + BODO + "' }.current.patients", equalTo(7))
                .body("groups.find { it.key == '" + VEFSN + "' }.current.suppressed", equalTo(true))
                .body("groups.find { it.key == '" + ALSTAHAUG + "' }.current.suppressed", equalTo(true));
    }

    @Test
    void theTrendHidesForEachIntervalExactlyWhatTheTableOfThatIntervalHides() {
        JsonPath partnerships = json(trend("health-partnership", null, "month"));
        // Helgeland's 5 patients are shown by the primary rule alone; the table hides them beside Finnmark's 2.
        assertThat(partnerships.getBoolean("groups.find { it.key == '" + HELGELAND + "' }.points.find { it.label == '2019-09' }.suppressed"))
                .isTrue();
        assertThat(partnerships.getString("suppressionRule")).contains("exactly when they are in the answer of discharge-ready-days");
        for (String groupBy : java.util.List.of("municipality", "health-partnership", "hospital-trust", "region")) {
            for (String interval : java.util.List.of("month", "quarter")) {
                for (String partnership : java.util.Arrays.asList(null, HELGELAND)) {
                    assertTrendAgreesWithTheTables(json(trend(groupBy, partnership, interval)), groupBy, partnership);
                }
            }
        }
    }

    private static void assertTrendAgreesWithTheTables(JsonPath trend, String groupBy, String partnership) {
        java.util.List<Map<String, Object>> groups = trend.getList("groups");
        assertThat(groups).isNotEmpty();
        Map<String, JsonPath> tables = new java.util.HashMap<>();
        for (Map<String, Object> group : groups) {
            @SuppressWarnings("unchecked")
            java.util.List<Map<String, Object>> points = (java.util.List<Map<String, Object>>) group.get("points");
            for (Map<String, Object> point : points) {
                JsonPath table = tables.computeIfAbsent(point.get("from") + "/" + point.get("to"), range -> {
                    var request = given().auth().oauth2(TestTokens.board()).queryParam("groupBy", groupBy)
                            .queryParam("from", point.get("from")).queryParam("to", point.get("to"));
                    if (partnership != null) {
                        request.queryParam("healthPartnership", partnership);
                    }
                    return json(request.when().get("/statistics/discharge-ready-days").then().statusCode(200));
                });
                assertThat(point.get("suppressed")).as("%s %s %s", groupBy, group.get("key"), point.get("label"))
                        .isEqualTo(table.getBoolean("groups.find { it.key == '" + group.get("key") + "' }.current.suppressed"));
            }
        }
    }

    private static ValidatableResponse trend(String groupBy, String partnership, String interval) {
        var request = given().auth().oauth2(TestTokens.board()).queryParam("groupBy", groupBy).queryParam("interval", interval)
                .queryParam("from", "2019-07-01").queryParam("to", "2019-10-31");
        if (partnership != null) {
            request.queryParam("healthPartnership", partnership);
        }
        return request.when().get("/statistics/discharge-ready-days/trend").then().statusCode(200);
    }

    @Test
    void theCsvShowsTheComplementaryHiddenCellAsHiddenAndTheRatesStability() {
        byte[] csv = given().auth().oauth2(TestTokens.board()).queryParam("format", "csv").queryParam("groupBy", "health-partnership")
                .queryParam("from", "2019-09-01").queryParam("to", "2019-09-30")
                .when().get("/statistics/discharge-ready-days").then().statusCode(200).extract().asByteArray();
        String[] lines = new String(csv, StandardCharsets.UTF_8).substring(1).split("\r\n");
        assertThat(lines[0]).contains(";Skjult (personvern);").endsWith(";Ustabil rate;Hvorfor ustabil;Tjenesteområde");
        assertThat(lines).anySatisfy(line -> assertThat(line)
                .startsWith(HELGELAND + ";Helsefellesskap Helgeland;2019-09-01;2019-09-30;< 5;< 5;< 5;< 5;< 5;"));
        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("helsefellesskapet-troms-og-ofoten;")
                .contains(";12;12;6;6;").endsWith(";ja;" + UnstableRate.FEW_STAYS_REASON + ";alle"));
    }

    @Test
    void aSmallMunicipalitysRateIsFlaggedUnstableForEveryoneWithoutGivingHiddenCountsAway() {
        september(TestTokens.admin(), "municipality", HELGELAND).statusCode(200)
                .body("groups.find { it.key == '" + ALSTAHAUG + "' }.current.unstableRate", equalTo(true))
                .body("groups.find { it.key == '" + ALSTAHAUG + "' }.current.unstableRateReason",
                        equalTo(UnstableRate.SMALL_POPULATION_REASON + "; " + UnstableRate.FEW_STAYS_REASON))
                .body("groups.find { it.key == '" + VEFSN + "' }.current.unstableRateReason", equalTo(UnstableRate.FEW_STAYS_REASON));
        september(TestTokens.board(), "municipality", HELGELAND).statusCode(200)
                .body("groups.find { it.key == '" + ALSTAHAUG + "' }.current.unstableRateReason", equalTo(UnstableRate.SMALL_POPULATION_REASON))
                .body("groups.find { it.key == '" + VEFSN + "' }.current.unstableRate", equalTo(false));
        september(TestTokens.admin(), "region", null).statusCode(200)
                .body("groups[0].current.stays", equalTo(20)).body("groups[0].current.unstableRate", equalTo(false));
    }

    @Test
    void anInterventionsEffectIsTheFiguresBeforeAndAfterItsStart() {
        String id = given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("municipality", BODO, "title", "Mottaksteam startet", "startsOn", "2019-09-01"))
                .when().post("/interventions").then().statusCode(201).extract().path("id");
        JsonPath effect = json(given().auth().oauth2(TestTokens.board()).queryParam("months", 1)
                .when().get("/interventions/" + id + "/effect").then().statusCode(200)
                .body("group", equalTo(BODO)).body("groupName", equalTo("Bodø"))
                .body("before.from", equalTo("2019-08-02")).body("before.to", equalTo("2019-08-31"))
                .body("after.from", equalTo("2019-09-01")).body("after.to", equalTo("2019-09-30"))
                .body("after.partial", equalTo(false)).body("before.days", equalTo(30))
                .body("after.figures.dischargeReadyDays", equalTo(14)).body("before.figures.dischargeReadyDays", equalTo(24))
                .body("suppressionApplied", equalTo(true)));
        BigDecimal before = per1000(24);
        BigDecimal after = per1000(14);
        assertThat(effect.getObject("changes.find { it.figure == 'dischargeReadyDaysPer1000' }.before", BigDecimal.class))
                .isEqualByComparingTo(before);
        assertThat(effect.getObject("changes.find { it.figure == 'dischargeReadyDaysPer1000' }.after", BigDecimal.class))
                .isEqualByComparingTo(after);
        assertThat(effect.getString("summary")).isEqualTo("Utskrivningsklare døgn per 1000 innbyggere: 0,5 → 0,3 (\u221241 %).");
        assertThat(effect.getString("changes.find { it.figure == 'dischargeReadyDays' }.sentence"))
                .isEqualTo("Utskrivningsklare døgn: 24 → 14 (\u221242 %)");
        assertThat(effect.getObject("changes.find { it.figure == 'dischargeReadyDays' }.relativeChangePercent", BigDecimal.class))
                .isEqualByComparingTo("-41.7");
        assertThat(effect.getInt("changes.find { it.figure == 'stays' }.change")).isEqualTo(-1);
        assertThat(effect.getObject("changes.find { it.figure == 'meanDaysPerStay' }.before", BigDecimal.class)).isEqualByComparingTo("3.00");
        assertThat(effect.getObject("changes.find { it.figure == 'meanDaysPerStay' }.after", BigDecimal.class)).isEqualByComparingTo("2.00");
        assertThat(effect.getString("changes.find { it.figure == 'patients' }.sentence")).isEqualTo("Pasienter: 8 → 7 (\u221213 %)");
    }

    @Test
    void aBoardMemberSeesAnInterventionsHiddenFiguresAsHidden() {
        String id = given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("healthPartnership", HELGELAND, "title", "Felles korttidsplasser", "startsOn", "2019-09-01"))
                .when().post("/interventions").then().statusCode(201).extract().path("id");
        given().auth().oauth2(TestTokens.board()).queryParam("months", 1).when().get("/interventions/" + id + "/effect").then()
                .statusCode(200)
                .body("after.figures.suppressed", equalTo(true)).body("after.figures.patients", nullValue())
                .body("changes.find { it.figure == 'patients' }.sentence", equalTo("Pasienter: skjult → skjult"))
                .body("changes.find { it.figure == 'patients' }.change", nullValue());
        given().auth().oauth2(TestTokens.admin()).queryParam("months", 1).when().get("/interventions/" + id + "/effect").then()
                .statusCode(200)
                .body("suppressionApplied", equalTo(false))
                .body("changes.find { it.figure == 'patients' }.sentence", equalTo("Pasienter: 0 → 5 (+5)"));
    }

    private static BigDecimal per1000(long days) {
        return BigDecimal.valueOf(days * 1000).divide(BigDecimal.valueOf(BODO_2019), 2, RoundingMode.HALF_UP);
    }

    private static ValidatableResponse september(String token, String groupBy, String partnership) {
        var request = given().auth().oauth2(token).queryParam("groupBy", groupBy).queryParam("from", "2019-09-01").queryParam("to", "2019-09-30");
        if (partnership != null) {
            request.queryParam("healthPartnership", partnership);
        }
        return request.when().get("/statistics/discharge-ready-days").then();
    }

    private static JsonPath json(ValidatableResponse response) {
        return response.extract().jsonPath(JsonPathConfig.jsonPathConfig().numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
    }
}

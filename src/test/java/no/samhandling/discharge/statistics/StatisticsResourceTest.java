package no.samhandling.discharge.statistics;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.ValidatableResponse;
import no.samhandling.discharge.testsupport.DischargeReadyStays;
import no.samhandling.discharge.testsupport.TestPatients;
import no.samhandling.discharge.testsupport.TestClock;
import no.samhandling.discharge.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/**
 * A hand-computed case in March 2017 (daily rate 4 622 NOK), in two municipalities of Helsefellesskap Helgeland
 * that no other test uses: Alstahaug 1820 (7 428 inhabitants on 1 January 2017) and Vefsn 1824 (13 465).
 * <ul>
 * <li>Alstahaug, declared and notified 6 March, discharged 10 March: 4 discharge-ready days, 4 billable;</li>
 * <li>Alstahaug, declared and notified 13 March, municipality ready 15 March, discharged 17 March: 4 and 2;</li>
 * <li>Vefsn, declared and notified 20 March, discharged 23 March: 3 and 3 (one test moves the discharge to 25 March).</li>
 * </ul>
 * Every patient was born in 1940: 76 in March 2017, in the age group 67-79. The first Alstahaug patient goes home, the
 * second to a short-term bed (4 500 NOK a bed-day in the configuration); Helgelandssykehuset's bed-day costs 18 000 NOK.
 */
@QuarkusTest
class StatisticsResourceTest {

    static final String HELGELANDSSYKEHUSET = "983974929";
    static final String ALSTAHAUG = "1820";
    static final String VEFSN = "1824";
    static final String HEMNES = "1832";

    private static final java.util.concurrent.atomic.AtomicInteger PATIENTS = new java.util.concurrent.atomic.AtomicInteger();
    private final String ward = TestTokens.ward(HELGELANDSSYKEHUSET);
    private static String vefsnStay;
    private static String vefsnDischarge;

    @BeforeEach
    void registerTheStaysOnce() {
        if (vefsnStay != null) {
            return;
        }
        String first = waiting(ALSTAHAUG, "2017-03-06");
        post(ward, first, "discharge", Map.of("dischargedAt", "2017-03-10T10:00:00+01:00", "destination", "home")).statusCode(200);
        String second = waiting(ALSTAHAUG, "2017-03-13");
        post(TestTokens.municipalIntake(ALSTAHAUG), second, "municipality-response", Map.of("answeredAt", "2017-03-14T10:00:00+01:00",
                "canReceive", true, "readyFrom", "2017-03-15")).statusCode(200);
        post(ward, second, "discharge", Map.of("dischargedAt", "2017-03-17T10:00:00+01:00", "destination", "short-term-bed")).statusCode(200);
        vefsnStay = waiting(VEFSN, "2017-03-20");
        vefsnDischarge = post(ward, vefsnStay, "discharge", Map.of("dischargedAt", "2017-03-23T10:00:00+01:00", "destination", "home"))
                .statusCode(200).extract().path("events[-1].id");
    }

    @Test
    void figuresPerMunicipalityAreTheHandComputedOnes() {
        JsonPath answer = json(march(TestTokens.admin(), "municipality").statusCode(200)
                .body("suppressionApplied", equalTo(false))
                .body("previousFrom", equalTo("2017-01-29")).body("previousTo", equalTo("2017-02-28")));
        Map<String, Object> alstahaug = group(answer, ALSTAHAUG);
        assertThat(alstahaug).containsEntry("name", "Alstahaug");
        assertThat(figures(answer, ALSTAHAUG, "current")).containsEntry("dischargeReadyDays", 8).containsEntry("billableDays", 6)
                .containsEntry("stays", 2).containsEntry("patients", 2).containsEntry("population", 7428)
                .containsEntry("suppressed", false);
        assertThat(answer.getObject("groups.find { it.key == '1820' }.current.billedAmount", BigDecimal.class)).isEqualByComparingTo("27732.00");
        assertThat(answer.getObject("groups.find { it.key == '1820' }.current.dischargeReadyDaysPer1000", BigDecimal.class))
                .isEqualByComparingTo("1.08");
        assertThat(answer.getObject("groups.find { it.key == '1820' }.current.billableDaysPer1000", BigDecimal.class))
                .isEqualByComparingTo("0.81");
        assertThat(figures(answer, ALSTAHAUG, "previous")).containsEntry("dischargeReadyDays", 0).containsEntry("patients", 0);
        assertThat(answer.getInt("groups.find { it.key == '1820' }.change.dischargeReadyDays")).isEqualTo(8);
        assertThat(answer.getList("groups.find { it.key == '1820' }.current.populationYears", Integer.class)).containsExactly(2017);
        assertThat(answer.getString("denominator")).contains("1 January");
        // Vefsn's stay is 3 days here, or 5 after the correction test: either way one stay, billed at 4 622 NOK a day.
        int vefsnDays = answer.getInt("groups.find { it.key == '1824' }.current.dischargeReadyDays");
        assertThat(vefsnDays).isIn(3, 5);
        assertThat(answer.getObject("groups.find { it.key == '1824' }.current.billedAmount", BigDecimal.class))
                .isEqualByComparingTo(BigDecimal.valueOf(4622L * vefsnDays));
    }

    @Test
    void thePartnershipsRatePer1000IsAgainstThePopulationOfItsMembersInTheReferenceData() throws IOException {
        long population = partnershipPopulation2017("Helsefellesskap Helgeland");
        JsonPath answer = json(march(TestTokens.admin(), "health-partnership").statusCode(200));
        assertThat(answer.getList("groups.key", String.class)).containsExactly("helsefellesskap-helgeland");
        long days = answer.getLong("groups[0].current.dischargeReadyDays");
        assertThat(days).isGreaterThanOrEqualTo(11);
        assertThat(answer.getLong("groups[0].current.population")).isEqualTo(population);
        assertThat(answer.getObject("groups[0].current.dischargeReadyDaysPer1000", BigDecimal.class)).isEqualByComparingTo(
                BigDecimal.valueOf(days * 1000).divide(BigDecimal.valueOf(population), 2, RoundingMode.HALF_UP));
    }

    @Test
    void aBoardMemberSeesNoCountOfFewerThanFivePatientsAnAdministratorDoes() {
        march(TestTokens.board(), "municipality").statusCode(200)
                .body("suppressionApplied", equalTo(true))
                .body("suppressionRule", org.hamcrest.Matchers.containsString("fewer than 5 patients"))
                .body("groups.find { it.key == '1820' }.current.suppressed", equalTo(true))
                .body("groups.find { it.key == '1820' }.current.dischargeReadyDays", nullValue())
                .body("groups.find { it.key == '1820' }.current.patients", nullValue())
                .body("groups.find { it.key == '1820' }.current.billedAmount", nullValue())
                .body("groups.find { it.key == '1820' }.current.population", equalTo(7428))
                .body("groups.find { it.key == '1820' }.change", nullValue());
        march(TestTokens.admin(), "municipality").statusCode(200)
                .body("groups.find { it.key == '1820' }.current.suppressed", equalTo(false))
                .body("groups.find { it.key == '1820' }.current.patients", equalTo(2));
        given().auth().oauth2(ward).queryParam("groupBy", "municipality").when().get("/statistics/discharge-ready-days")
                .then().statusCode(403);
    }

    @Test
    void aCorrectedDischargeChangesTheFigures() {
        post(ward, vefsnStay, "events/" + vefsnDischarge + "/correction", Map.of("reason", "Feil dato",
                "corrected", Map.of("dischargedAt", "2017-03-25T10:00:00+01:00", "destination", "home"))).statusCode(200);
        march(TestTokens.admin(), "municipality").statusCode(200)
                .body("groups.find { it.key == '1824' }.current.dischargeReadyDays", equalTo(5))
                .body("groups.find { it.key == '1824' }.current.billableDays", equalTo(5))
                .body("groups.find { it.key == '1824' }.current.billedAmount", equalTo(23110.00f));
    }

    @Test
    void theCsvIsForANorwegianSpreadsheet() {
        byte[] body = given().auth().oauth2(TestTokens.admin()).accept("text/csv").queryParam("groupBy", "municipality")
                .queryParam("healthPartnership", partnershipId()).queryParam("from", "2017-03-01").queryParam("to", "2017-03-31")
                .when().get("/statistics/discharge-ready-days")
                .then().statusCode(200).contentType(org.hamcrest.Matchers.startsWith("text/csv")).extract().asByteArray();
        assertThat(body).startsWith(0xEF, 0xBB, 0xBF);
        String[] lines = new String(body, StandardCharsets.UTF_8).substring(1).split("\r\n");
        assertThat(lines[0]).startsWith("Gruppe;Navn;Fra;Til;Overliggerdøgn;Betalingsdøgn;Opphold;Pasienter;Fakturert beløp (NOK)");
        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("1820;Alstahaug;2017-03-01;2017-03-31;8;6;2;2;27732,00;;7428;2017;1,08;0,81;nei;"));

        String board = given().auth().oauth2(TestTokens.board()).queryParam("format", "csv").queryParam("groupBy", "municipality")
                .queryParam("healthPartnership", partnershipId()).queryParam("from", "2017-03-01").queryParam("to", "2017-03-31")
                .when().get("/statistics/discharge-ready-days")
                .then().statusCode(200).extract().asString();
        assertThat(board.lines()).anySatisfy(line -> assertThat(line).startsWith("1820;Alstahaug;2017-03-01;2017-03-31;< 5;< 5;< 5;< 5;< 5;"));
    }

    @Test
    void aPeriodStillRunningCountsUpToTodayAsTheStaysOwnViewDoes() {
        // Hemnes, May 2016 (daily rate 4 505 NOK): declared and notified on 2 May; nothing is stored for it then.
        try {
            TestClock.fixAt("2016-05-02T12:00");
            String stay = waiting(HEMNES, "2016-05-02");
            TestClock.fixAt("2016-05-10T12:00");
            may2016(HEMNES).body("current.dischargeReadyDays", equalTo(8)).body("current.billableDays", equalTo(8))
                    .body("current.billedAmount", equalTo(36040.00f));
            given().auth().oauth2(ward).when().get("/stays/" + stay).then().statusCode(200).body("figures.dischargeReadyDays", equalTo(8));
            TestClock.fixAt("2016-05-12T12:00");
            may2016(HEMNES).body("current.dischargeReadyDays", equalTo(10));
            post(ward, stay, "discharge", Map.of("dischargedAt", "2016-05-12T10:00:00+02:00", "destination", "home")).statusCode(200);
            may2016(HEMNES).body("current.dischargeReadyDays", equalTo(10)).body("current.stays", equalTo(1));
        } finally {
            TestClock.release();
        }
    }

    @Test
    void aRangeOverNewYearDividesByTheDayWeightedMeanOfItsYearsPopulations() throws IOException {
        long days2016 = 31;
        long days2017 = 31;
        long expected = Math.round((population(HEMNES, "2016") * days2016 + population(HEMNES, "2017") * days2017) / 62.0);
        JsonPath answer = json(given().auth().oauth2(TestTokens.admin()).queryParam("groupBy", "municipality")
                .queryParam("healthPartnership", partnershipId()).queryParam("from", "2016-12-01").queryParam("to", "2017-01-31")
                .when().get("/statistics/discharge-ready-days").then().statusCode(200));
        assertThat(answer.getLong("groups.find { it.key == '1832' }.current.population")).isEqualTo(expected);
        assertThat(answer.getList("groups.find { it.key == '1832' }.current.populationYears", Integer.class)).containsExactly(2016, 2017);
    }

    private ValidatableResponse may2016(String municipality) {
        return given().auth().oauth2(TestTokens.admin()).queryParam("groupBy", "municipality").queryParam("healthPartnership", partnershipId())
                .queryParam("from", "2016-05-01").queryParam("to", "2016-05-31")
                .when().get("/statistics/discharge-ready-days").then().statusCode(200).rootPath("groups.find { it.key == '" + municipality + "' }");
    }

    private static long population(String municipality, String year) throws IOException {
        return Files.readAllLines(Path.of("src/main/reference-data/population-nord.csv")).stream().map(line -> line.split(","))
                .filter(f -> f[0].equals(municipality) && f[1].equals(year) && f[2].equals("all")).mapToLong(f -> Long.parseLong(f[3]))
                .findFirst().orElseThrow();
    }

    @Test
    void aMonthOrAQuarterIsAskedByItsNumberInsteadOfARange() {
        given().auth().oauth2(TestTokens.admin()).queryParam("healthPartnership", partnershipId())
                .queryParam("period", "month").queryParam("year", 2017).queryParam("month", 3)
                .when().get("/statistics/discharge-ready-days").then().statusCode(200)
                .body("period", equalTo("month")).body("from", equalTo("2017-03-01")).body("to", equalTo("2017-03-31"))
                .body("groups.find { it.key == '1820' }.current.dischargeReadyDays", equalTo(8));
        given().auth().oauth2(TestTokens.admin()).queryParam("healthPartnership", partnershipId())
                .queryParam("period", "quarter").queryParam("year", 2017).queryParam("quarter", 1)
                .when().get("/statistics/discharge-ready-days").then().statusCode(200)
                .body("from", equalTo("2017-01-01")).body("to", equalTo("2017-03-31"))
                .body("previousFrom", equalTo("2016-10-03")).body("previousTo", equalTo("2016-12-31"))
                .body("groups.find { it.key == '1820' }.current.dischargeReadyDays", equalTo(8))
                .body("groups.find { it.key == '1820' }.current.stays", equalTo(2));
        given().auth().oauth2(TestTokens.admin()).queryParam("period", "year").queryParam("year", 2017).queryParam("groupBy", "region")
                .when().get("/statistics/discharge-ready-days").then().statusCode(200)
                .body("from", equalTo("2017-01-01")).body("to", equalTo("2017-12-31"));
    }

    @Test
    void aPeriodWithARangeOrANumberThatDoesNotExistIsAProblemNamingTheField() {
        given().auth().oauth2(TestTokens.admin()).queryParam("period", "month").queryParam("from", "2017-03-01")
                .when().get("/statistics/discharge-ready-days").then().statusCode(400).body("errors[0].field", equalTo("from"));
        given().auth().oauth2(TestTokens.admin()).queryParam("period", "quarter").queryParam("quarter", 5)
                .when().get("/statistics/discharge-ready-days").then().statusCode(400).body("errors[0].field", equalTo("quarter"));
        given().auth().oauth2(TestTokens.admin()).queryParam("month", 3)
                .when().get("/statistics/discharge-ready-days").then().statusCode(400).body("errors[0].field", equalTo("month"));
        given().auth().oauth2(TestTokens.admin()).queryParam("standardPopulationYear", 1990)
                .when().get("/statistics/discharge-ready-days").then().statusCode(400)
                .body("errors[0].field", equalTo("standardPopulationYear"));
        given().auth().oauth2(TestTokens.admin()).queryParam("interval", "month").queryParam("from", "2017-03-01").queryParam("to", "2016-01-01")
                .when().get("/statistics/discharge-ready-days/trend").then().statusCode(400).body("errors[0].field", equalTo("to"));
    }

    @Test
    void meanDaysPerStayAndTheRealCostInHospitalAndMunicipalBedsStandBesideTheBill() {
        JsonPath answer = json(march(TestTokens.admin(), "municipality").statusCode(200));
        String alstahaug = "groups.find { it.key == '1820' }.current.";
        assertThat(answer.getObject(alstahaug + "meanDaysPerStay", BigDecimal.class)).isEqualByComparingTo("4.00");
        assertThat(answer.getObject(alstahaug + "realCost.hospitalBedCost", BigDecimal.class)).isEqualByComparingTo("144000.00");
        assertThat(answer.getObject(alstahaug + "realCost.municipalBedCost", BigDecimal.class)).isEqualByComparingTo("18000.00");
        assertThat(answer.getInt(alstahaug + "realCost.municipalBedDays")).isEqualTo(4);
        assertThat(answer.getInt(alstahaug + "realCost.daysWithoutCareLevel")).isEqualTo(4);
        assertThat(answer.getList(alstahaug + "realCost.hospitalsWithoutCost")).isEmpty();
        assertThat(answer.getString("realCostDefinition")).contains("cost per bed-day");
    }

    @Test
    void theStandardisedRateWeighsEachAgeGroupByItsShareOfTheRegionsPopulation() throws IOException {
        int standardYear = latestCompleteYear();
        JsonPath answer = json(march(TestTokens.admin(), "municipality").statusCode(200).body("standardPopulationYear", equalTo(standardYear)));
        assertThat(answer.getString("standardisation")).contains("age alone").contains("standard population");
        String alstahaug = "groups.find { it.key == '1820' }.current.";
        assertThat(answer.getObject(alstahaug + "dischargeReadyDaysPer1000Standardised", BigDecimal.class))
                .isEqualByComparingTo(standardised(8, 937, standardYear));
        assertThat(answer.getObject(alstahaug + "billableDaysPer1000Standardised", BigDecimal.class))
                .isEqualByComparingTo(standardised(6, 937, standardYear));
        assertThat(answer.getInt(alstahaug + "unknownAgeDays")).isZero();
        JsonPath with2024 = json(given().auth().oauth2(TestTokens.admin()).queryParam("groupBy", "municipality")
                .queryParam("healthPartnership", partnershipId()).queryParam("from", "2017-03-01").queryParam("to", "2017-03-31")
                .queryParam("standardPopulationYear", 2024).when().get("/statistics/discharge-ready-days").then().statusCode(200));
        assertThat(with2024.getObject(alstahaug + "dischargeReadyDaysPer1000Standardised", BigDecimal.class))
                .isEqualByComparingTo(standardised(8, 937, 2024));
        assertThat(with2024.getMap("standardPopulation")).containsKey("67-79");
    }

    @Test
    void byServiceAreaEachGroupsFiguresAreAlsoSplitBySomaticMentalHealthAndAddiction() {
        JsonPath answer = json(given().auth().oauth2(TestTokens.admin()).queryParam("groupBy", "municipality")
                .queryParam("healthPartnership", partnershipId()).queryParam("from", "2017-03-01").queryParam("to", "2017-03-31")
                .queryParam("byServiceArea", true).when().get("/statistics/discharge-ready-days").then().statusCode(200)
                .body("byServiceArea", equalTo(true)));
        String areas = "groups.find { it.key == '1820' }.serviceAreas";
        assertThat(answer.getList(areas + ".serviceArea", String.class)).containsExactly("somatic", "mental-health", "addiction");
        assertThat(answer.getInt(areas + ".find { it.serviceArea == 'somatic' }.current.dischargeReadyDays")).isEqualTo(8);
        assertThat(answer.getInt(areas + ".find { it.serviceArea == 'somatic' }.current.patients")).isEqualTo(2);
        assertThat(answer.getInt(areas + ".find { it.serviceArea == 'mental-health' }.current.dischargeReadyDays")).isZero();
        String csv = given().auth().oauth2(TestTokens.admin()).queryParam("format", "csv").queryParam("groupBy", "municipality")
                .queryParam("healthPartnership", partnershipId()).queryParam("from", "2017-03-01").queryParam("to", "2017-03-31")
                .queryParam("byServiceArea", true).when().get("/statistics/discharge-ready-days").then().statusCode(200).extract().asString();
        assertThat(csv.lines()).anySatisfy(line -> assertThat(line).startsWith("1820;Alstahaug;2017-03-01;2017-03-31;8;6;2;2;")
                .endsWith(";somatic"));
        assertThat(csv.lines()).anySatisfy(line -> assertThat(line).startsWith("1820;Alstahaug;2017-03-01;2017-03-31;8;6;2;2;27732,00;")
                .contains(";4,00;").contains(";144000,00;18000,00;4;").endsWith(";alle"));
    }

    @Test
    void theTrendGivesEachMonthOrQuarterOfEachGroupWithItsRates() {
        JsonPath months = json(given().auth().oauth2(TestTokens.admin()).queryParam("groupBy", "municipality")
                .queryParam("healthPartnership", partnershipId()).queryParam("interval", "month")
                .queryParam("from", "2017-02-15").queryParam("to", "2017-04-02")
                .when().get("/statistics/discharge-ready-days/trend").then().statusCode(200)
                .body("from", equalTo("2017-02-01")).body("to", equalTo("2017-04-30")));
        String alstahaug = "groups.find { it.key == '1820' }.points";
        assertThat(months.getList(alstahaug + ".label", String.class)).containsExactly("2017-02", "2017-03", "2017-04");
        assertThat(months.getList(alstahaug + ".dischargeReadyDays", Integer.class)).containsExactly(0, 8, 0);
        assertThat(months.getList(alstahaug + ".billableDays", Integer.class)).containsExactly(0, 6, 0);
        assertThat(months.getObject(alstahaug + "[1].dischargeReadyDaysPer1000", BigDecimal.class)).isEqualByComparingTo("1.08");
        BigDecimal standardised = json(march(TestTokens.admin(), "municipality")).getObject(
                "groups.find { it.key == '1820' }.current.dischargeReadyDaysPer1000Standardised", BigDecimal.class);
        assertThat(months.getObject(alstahaug + "[1].dischargeReadyDaysPer1000Standardised", BigDecimal.class)).isEqualByComparingTo(standardised);
        given().auth().oauth2(TestTokens.admin()).queryParam("groupBy", "health-partnership").queryParam("healthPartnership", partnershipId())
                .queryParam("interval", "quarter").queryParam("from", "2017-01-01").queryParam("to", "2017-03-31")
                .when().get("/statistics/discharge-ready-days/trend").then().statusCode(200)
                .body("groups[0].points.label", equalTo(List.of("2017-Q1")))
                .body("groups[0].points[0].dischargeReadyDays", org.hamcrest.Matchers.greaterThanOrEqualTo(11));
        given().auth().oauth2(TestTokens.board()).queryParam("groupBy", "municipality").queryParam("healthPartnership", partnershipId())
                .queryParam("from", "2017-03-01").queryParam("to", "2017-03-31")
                .when().get("/statistics/discharge-ready-days/trend").then().statusCode(200)
                .body("suppressionApplied", equalTo(true))
                .body("groups.find { it.key == '1820' }.points[0].suppressed", equalTo(true))
                .body("groups.find { it.key == '1820' }.points[0].dischargeReadyDays", nullValue())
                .body("groups.find { it.key == '1820' }.points[0].population", equalTo(7428));
    }

    @Test
    void theTrendAsCsvIsForANorwegianSpreadsheetWithTheJsonTrendsRolesAndHiddenCells() {
        byte[] body = trendCsv(TestTokens.admin()).accept("text/csv").when().get("/statistics/discharge-ready-days/trend")
                .then().statusCode(200).contentType(org.hamcrest.Matchers.startsWith("text/csv"))
                .header("Content-Disposition", org.hamcrest.Matchers.containsString("overliggerdogn-utvikling-2017-02-01-2017-03-31.csv"))
                .extract().asByteArray();
        assertThat(body).startsWith(0xEF, 0xBB, 0xBF);
        List<String> lines = List.of(new String(body, StandardCharsets.UTF_8).substring(1).split("\r\n"));
        assertThat(lines.getFirst()).startsWith("Gruppe;Navn;Periode;Fra;Til;Overliggerdøgn;Betalingsdøgn;Innbyggere;"
                + "Overliggerdøgn per 1000 innbyggere;");
        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("1820;Alstahaug;2017-02;2017-02-01;2017-02-28;0;0;7428;"))
                .anySatisfy(line -> assertThat(line).startsWith("1820;Alstahaug;2017-03;2017-03-01;2017-03-31;8;6;7428;1,08;0,81;")
                        .endsWith(";" + standardYear() + ";0;nei"));
        assertThat(trendCsv(TestTokens.integration()).queryParam("format", "csv").when().get("/statistics/discharge-ready-days/trend")
                .then().statusCode(200).extract().asString()).contains("1820;Alstahaug;2017-03;2017-03-01;2017-03-31;8;6;");

        String board = trendCsv(TestTokens.board()).queryParam("format", "csv").when().get("/statistics/discharge-ready-days/trend")
                .then().statusCode(200).contentType(org.hamcrest.Matchers.startsWith("text/csv")).extract().asString();
        assertThat(board.lines()).contains("1820;Alstahaug;2017-03;2017-03-01;2017-03-31;< 5;< 5;7428;< 5;< 5;< 5;< 5;" + standardYear() + ";< 5;ja");

        for (String other : List.of(ward, TestTokens.municipalIntake(ALSTAHAUG))) {
            trendCsv(other).queryParam("format", "csv").when().get("/statistics/discharge-ready-days/trend").then().statusCode(403);
        }
        given().accept("text/csv").queryParam("groupBy", "municipality").when().get("/statistics/discharge-ready-days/trend")
                .then().statusCode(401);
    }

    private io.restassured.specification.RequestSpecification trendCsv(String token) {
        return given().auth().oauth2(token).queryParam("groupBy", "municipality").queryParam("healthPartnership", partnershipId())
                .queryParam("interval", "month").queryParam("from", "2017-02-01").queryParam("to", "2017-03-31");
    }

    private static int standardYear() {
        return given().auth().oauth2(TestTokens.admin()).queryParam("groupBy", "region").queryParam("from", "2017-03-01")
                .queryParam("to", "2017-03-31").when().get("/statistics/discharge-ready-days/trend").then().statusCode(200)
                .extract().path("standardPopulationYear");
    }

    /** The latest year whose population of every municipality is in the reference data, by age group. */
    private static int latestCompleteYear() throws IOException {
        Map<String, Long> rows = Files.readAllLines(Path.of("src/main/reference-data/population-nord.csv")).stream().skip(1)
                .map(line -> line.split(",")).filter(f -> !f[2].equals("all"))
                .collect(Collectors.groupingBy(f -> f[1], Collectors.counting()));
        long municipalities = Files.readAllLines(Path.of("src/main/reference-data/municipalities-nord.csv")).size() - 1;
        return rows.entrySet().stream().filter(e -> e.getValue() == municipalities * 7).mapToInt(e -> Integer.parseInt(e.getKey())).max()
                .orElseThrow();
    }

    /** Days all in the age group 67-79 among its inhabitants, weighted by the group's share of the region's population of the year. */
    private static BigDecimal standardised(long days, long inhabitants67to79, int year) throws IOException {
        List<String[]> region = Files.readAllLines(Path.of("src/main/reference-data/population-nord.csv")).stream().skip(1)
                .map(line -> line.split(",")).filter(f -> f[1].equals(String.valueOf(year)) && !f[2].equals("all")).toList();
        long total = region.stream().mapToLong(f -> Long.parseLong(f[3])).sum();
        long aged = region.stream().filter(f -> f[2].equals("67-79")).mapToLong(f -> Long.parseLong(f[3])).sum();
        return BigDecimal.valueOf(days * aged).divide(BigDecimal.valueOf(inhabitants67to79), java.math.MathContext.DECIMAL128)
                .multiply(BigDecimal.valueOf(1000)).divide(BigDecimal.valueOf(total), 2, RoundingMode.HALF_UP);
    }

    @Test
    void aPartnershipsTotalIsTheSumOfItsMembersWhilePatientsElsewhereAreWaiting() {
        // Bodø (1804) is in another partnership: its patient's days not yet stored must not reach Helgeland's region total.
        try {
            TestClock.fixAt("2019-05-02T12:00");
            waiting("1804", "2019-05-02");
            TestClock.fixAt("2019-05-10T12:00");
            JsonPath total = json(given().auth().oauth2(TestTokens.admin()).queryParam("groupBy", "region")
                    .queryParam("healthPartnership", partnershipId()).queryParam("period", "month").queryParam("year", 2019).queryParam("month", 5)
                    .when().get("/statistics/discharge-ready-days").then().statusCode(200));
            JsonPath members = json(given().auth().oauth2(TestTokens.admin()).queryParam("groupBy", "municipality")
                    .queryParam("healthPartnership", partnershipId()).queryParam("period", "month").queryParam("year", 2019).queryParam("month", 5)
                    .when().get("/statistics/discharge-ready-days").then().statusCode(200));
            assertThat(total.getLong("groups[0].current.dischargeReadyDays"))
                    .isEqualTo(members.getList("groups.current.dischargeReadyDays", Long.class).stream().mapToLong(Long::longValue).sum());
            given().auth().oauth2(TestTokens.admin()).queryParam("groupBy", "municipality").queryParam("period", "month")
                    .queryParam("year", 2019).queryParam("month", 5).when().get("/statistics/discharge-ready-days").then().statusCode(200)
                    .body("groups.find { it.key == '1804' }.current.dischargeReadyDays", org.hamcrest.Matchers.greaterThanOrEqualTo(8));
        } finally {
            TestClock.release();
        }
    }

    @Test
    void anInvertedRangeIsAProblemNamingTheField() {
        given().auth().oauth2(TestTokens.admin()).queryParam("from", "2017-03-31").queryParam("to", "2017-03-01")
                .when().get("/statistics/discharge-ready-days")
                .then().statusCode(400).body("errors[0].field", equalTo("to"));
    }

    private ValidatableResponse march(String token, String groupBy) {
        return given().auth().oauth2(token).queryParam("groupBy", groupBy).queryParam("healthPartnership", partnershipId())
                .queryParam("from", "2017-03-01").queryParam("to", "2017-03-31")
                .when().get("/statistics/discharge-ready-days").then();
    }

    private static String partnershipId() {
        return given().auth().oauth2(TestTokens.admin()).when().get("/municipalities/" + ALSTAHAUG).then().statusCode(200)
                .body("municipality.healthPartnership.id", equalTo("helsefellesskap-helgeland"))
                .extract().path("municipality.healthPartnership.id");
    }

    private static long partnershipPopulation2017(String partnership) throws IOException {
        Set<String> members = Files.readAllLines(Path.of("src/main/reference-data/municipalities-nord.csv")).stream()
                .filter(line -> line.contains("," + partnership + ",")).map(line -> line.substring(0, 4)).collect(Collectors.toSet());
        assertThat(members).contains(ALSTAHAUG, VEFSN);
        return Files.readAllLines(Path.of("src/main/reference-data/population-nord.csv")).stream().map(line -> line.split(","))
                .filter(f -> members.contains(f[0]) && f[1].equals("2017") && f[2].equals("all")).mapToLong(f -> Long.parseLong(f[3])).sum();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> group(JsonPath answer, String key) {
        return answer.getMap("groups.find { it.key == '" + key + "' }");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> figures(JsonPath answer, String key, String period) {
        Map<String, Object> figures = new HashMap<>(answer.getMap("groups.find { it.key == '" + key + "' }." + period));
        figures.replaceAll((k, v) -> v instanceof BigDecimal d && d.scale() <= 0 ? d.intValueExact() : v);
        return figures;
    }

    /** Admitted at 07:00, admission notice at 08:00, declared at 09:00 and notified at 10:00 on the given day; born in 1940. */
    private String waiting(String municipality, String day) {
        return DischargeReadyStays.waiting(ward, TestPatients.fodselsnummer(LocalDate.of(1940, 5, 1 + PATIENTS.getAndIncrement() % 28)),
                municipality, day);
    }

    private static ValidatableResponse post(String token, String stayId, String command, Map<String, ?> body) {
        return DischargeReadyStays.post(token, stayId, command, body);
    }

    private static JsonPath json(ValidatableResponse response) {
        return response.extract().jsonPath(JsonPathConfig.jsonPathConfig().numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
    }
}

package no.samhandling.discharge.dashboard;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import no.samhandling.discharge.testsupport.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.NumberFormat;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard in a real browser: Debian's headless Chromium, driven through its chromedriver by Selenium (no
 * browser download). A board member signs in the dev way, picks Helsefellesskapet Lofoten, Vesterålen, Salten and 2021, and the
 * numbers on the screen are the statistics API's for the stays of {@link SeededStays}; the CSV downloads with
 * the same rows; Tab reaches every control; the page fits a tablet. Screenshots: target/dashboard-*.png.
 */
@QuarkusTest
class DashboardBrowserTest {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Locale NORWEGIAN = Locale.of("nb", "NO");

    @TestHTTPResource("/")
    URL base;

    private static ChromeDriver browser;
    private static Path downloads;

    @BeforeAll
    static void startChromium() throws IOException {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Debian's chromium and chromium-driver are not installed (apt-get install -y chromium chromium-driver; .ci/run does it as root): "
                        + "the dashboard's browser test is skipped");
        downloads = Files.createTempDirectory("dashboard-downloads-");
        Path profile = Files.createTempDirectory("dashboard-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toString());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=1280,1000",
                "--lang=nb-NO");
        options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
                "download.prompt_for_download", false, "download.directory_upgrade", true));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    }

    @AfterAll
    static void stopChromium() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aBoardMemberSignsInPicksLofotenVesteralenSaltenAnd2021AndSeesTheStatisticsApisNumbers() throws IOException {
        SeededStays.registerOnce();
        String partnership = SeededStays.partnershipId();

        browser.get(base + "dev/dashboard-sign-out");
        browser.get(base + "dashboard");
        assertThat(browser.getCurrentUrl()).as("not signed in: to the dev sign-in").contains("/dev/dashboard-sign-in");
        assertThat(browser.findElement(By.id("role-board")).isSelected()).isTrue();
        browser.findElement(By.id("sign-in")).click();
        // The click returns before the form's POST and its redirect have loaded the next page: wait for it.
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.urlMatches("/dashboard$"));
        assertThat(browser.getCurrentUrl()).endsWith("/dashboard");

        new Select(browser.findElement(By.id("healthPartnership"))).selectByVisibleText(SeededStays.PARTNERSHIP_NAME);
        new Select(browser.findElement(By.id("year"))).selectByVisibleText("2021");
        browser.findElement(By.id("show")).click();
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(driver -> driver.getCurrentUrl().contains("year=2021"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains(SeededStays.PARTNERSHIP_NAME);
        assertThat(browser.findElement(By.id("period")).getText()).isEqualTo("01.01.2021–31.12.2021");

        JsonPath api = statistics("municipality", partnership, "2021-01-01", "2021-12-31");
        List<Map<String, Object>> groups = api.getList("groups");
        assertThat(groups).hasSize(browser.findElements(By.cssSelector("#municipalities tbody tr")).size());
        for (int i = 0; i < groups.size(); i++) {
            String key = api.getString("groups[" + i + "].key");
            assertRowShows(key, api, "groups[" + i + "]");
        }
        assertThat(rowsOnScreen()).as("sorted by discharge-ready days per 1000, highest first").isEqualTo(expectedOrder(api));
        assertThat(cell(SeededStays.HADSEL, "dischargeReadyDays")).isEqualTo("< 5");
        assertThat(cell(SeededStays.HADSEL, "rate")).isEqualTo("< 5");
        assertThat(cell(SeededStays.VESTVAGOY, "dischargeReadyDays")).isEqualTo(whole(api.getLong("groups.find { it.key == '1860' }.current.dischargeReadyDays")))
                .isNotEqualTo("0");

        JsonPath total = statistics("health-partnership", partnership, "2021-01-01", "2021-12-31");
        assertRowShows("total", total, "groups[0]");

        WebElement trendTable = browser.findElement(By.id("trend-table"));
        List<WebElement> months = trendTable.findElements(By.cssSelector("tbody tr"));
        assertThat(months).hasSize(12);
        browser.findElement(By.cssSelector("#trend-heading ~ details summary")).click();
        JsonPath trend = monthlyTrend(partnership, "2021-01-01", "2021-12-31");
        assertThat(trend.getList("groups[0].points")).hasSize(12);
        int shownMonths = 0;
        for (int month = 1; month <= 12; month++) {
            String point = "groups[0].points[" + (month - 1) + "]";
            assertThat(trend.getString(point + ".label")).isEqualTo(java.time.YearMonth.of(2021, month).toString());
            List<WebElement> cells = months.get(month - 1).findElements(By.tagName("td"));
            boolean hidden = trend.getBoolean(point + ".suppressed");
            shownMonths += hidden ? 0 : 1;
            assertThat(text(cells.get(0))).as("days in month %d", month)
                    .isEqualTo(hidden ? "< 5" : whole(trend.getLong(point + ".dischargeReadyDays")));
            assertThat(text(cells.get(1))).as("rate in month %d", month)
                    .isEqualTo(hidden ? "< 5" : decimal(trend.getObject(point + ".dischargeReadyDaysPer1000", BigDecimal.class)));
        }
        assertThat(shownMonths).as("the months of few patients are hidden").isLessThan(12);
        assertThat(browser.findElement(By.cssSelector("#trend title")).getAttribute("textContent")).contains("per 1000 innbyggere per måned");
        assertThat(browser.findElement(By.cssSelector("#trend desc")).getAttribute("textContent")).contains("Høyest i");
        assertThat(shownMonths).as("March has enough patients to show").isPositive();
        assertThat(browser.findElements(By.cssSelector("#trend rect.column"))).as("a column for each month shown").hasSize(shownMonths);
        assertThat(text(browser.findElement(By.id("interventions")))).isEqualTo("Tiltak: 01.06.2021: " + SeededStays.INTERVENTION + ".");
        assertThat(browser.findElements(By.cssSelector("#trend line.marker"))).as("the measure marked on the trend").hasSize(1);
        assertThat(text(browser.findElement(By.cssSelector("#costs [data-field=billed]"))))
                .isEqualTo(kroner(total.getObject("groups[0].current.billedAmount", BigDecimal.class)));
        assertThat(text(browser.findElement(By.cssSelector("#costs [data-field=realHospitalBeds]"))))
                .isEqualTo(kroner(total.getObject("groups[0].current.realCost.hospitalBedCost", BigDecimal.class)));
        assertThat(text(browser.findElement(By.cssSelector("#costs [data-field=realMunicipalBeds]"))))
                .isEqualTo(kroner(total.getObject("groups[0].current.realCost.municipalBedCost", BigDecimal.class)));

        browser.findElement(By.id("to-definitions")).click();
        browser.findElement(By.cssSelector("#definisjoner summary")).click();
        assertThat(browser.findElement(By.cssSelector("#definisjoner dl")).isDisplayed()).isTrue();
        assertThat(browser.findElement(By.cssSelector("#definisjoner dl")).getText()).contains("SSB tabell 07459").contains("befolkningsår 2021");

        screenshot("dashboard-1280.png", 1280);

        browser.findElement(By.id("csv")).click();
        Path csv = awaitDownload();
        byte[] bytes = Files.readAllBytes(csv);
        assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
        List<String> lines = List.of(new String(bytes, StandardCharsets.UTF_8).substring(1).split("\r\n"));
        assertThat(lines.getFirst()).startsWith("Kommunenummer;Kommune;Fra;Til;Overliggerdøgn;Overliggerdøgn per 1000 innbyggere (ujustert)");
        assertThat(lines.subList(1, lines.size()).stream().map(line -> line.substring(0, 4)).toList()).isEqualTo(rowsOnScreen());
        Map<String, Object> alta = api.getMap("groups.find { it.key == '1860' }.current");
        assertThat(lines).contains("1860;Vestvågøy;01.01.2021;31.12.2021;" + alta.get("dischargeReadyDays") + ";"
                + spreadsheet(api.getObject("groups.find { it.key == '1860' }.current.dischargeReadyDaysPer1000", BigDecimal.class), 1) + ";"
                + spreadsheet(api.getObject("groups.find { it.key == '1860' }.change.dischargeReadyDaysPer1000", BigDecimal.class), 1) + ";"
                + alta.get("billableDays") + ";" + spreadsheet(api.getObject("groups.find { it.key == '1860' }.current.billedAmount", BigDecimal.class), 2)
                + ";" + alta.get("population"));
        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("1866;Hadsel;01.01.2021;31.12.2021;< 5;< 5;skjult;< 5;< 5;"));
    }

    @Test
    void tabReachesEveryControlInOrderEachWithItsLabelAndTheTabletWidthNeedsNoSidewaysScrolling() throws IOException {
        SeededStays.registerOnce();
        signInAsBoardMember();
        browser.get(base + "dashboard?healthPartnership=" + SeededStays.partnershipId() + "&year=2021");
        for (String control : List.of("healthPartnership", "year", "basis", "rate")) {
            assertThat(browser.findElements(By.cssSelector("label[for=" + control + "]"))).as("label of %s", control).hasSize(1);
        }
        List<String> reached = new ArrayList<>();
        for (int i = 0; i < 14; i++) {
            new org.openqa.selenium.interactions.Actions(browser).sendKeys(Keys.TAB).perform();
            WebElement active = browser.switchTo().activeElement();
            reached.add(Optional.ofNullable(active.getAttribute("id")).filter(id -> !id.isEmpty()).orElse(active.getTagName()));
        }
        assertThat(reached).as("from the top of the page, Tab after Tab")
                .containsSubsequence("healthPartnership", "year", "basis", "rate", "show", "to-definitions", "csv");

        WebElement year = browser.findElement(By.id("year"));
        year.sendKeys(Keys.ARROW_UP);
        new org.openqa.selenium.interactions.Actions(browser).sendKeys(Keys.TAB, Keys.TAB, Keys.TAB, Keys.ENTER).perform();
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(driver -> driver.getCurrentUrl().contains("year=2022"));

        screenshot("dashboard-768.png", 768);
        long overflow = (Long) ((JavascriptExecutor) browser).executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertThat(overflow).as("sideways scrolling of the page at 768 px").isLessThanOrEqualTo(0L);
    }

    private void signInAsBoardMember() {
        browser.get(base + "dev/dashboard-sign-in");
        browser.findElement(By.id("role-board")).click();
        browser.findElement(By.id("sign-in")).click();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.urlMatches("/dashboard$"));
    }

    private void assertRowShows(String key, JsonPath api, String group) {
        boolean suppressed = api.getBoolean(group + ".current.suppressed");
        String hidden = "< 5";
        assertThat(cell(key, "dischargeReadyDays")).as("days of %s", key)
                .isEqualTo(suppressed ? hidden : whole(api.getLong(group + ".current.dischargeReadyDays")));
        assertThat(cell(key, "billableDays")).as("billable days of %s", key)
                .isEqualTo(suppressed ? hidden : whole(api.getLong(group + ".current.billableDays")));
        BigDecimal rate = api.getObject(group + ".current.dischargeReadyDaysPer1000", BigDecimal.class);
        assertThat(cell(key, "rate")).as("rate of %s", key).isEqualTo(suppressed ? hidden : decimal(rate));
        BigDecimal billed = api.getObject(group + ".current.billedAmount", BigDecimal.class);
        assertThat(cell(key, "billedAmount")).as("billed of %s", key).isEqualTo(suppressed ? hidden : kroner(billed));
        Object population = api.get(group + ".current.population");
        assertThat(cell(key, "population")).as("population of %s", key)
                .isEqualTo(population == null ? "ikke tilgjengelig" : whole(api.getLong(group + ".current.population")));
        BigDecimal change = api.getObject(group + ".change.dischargeReadyDaysPer1000", BigDecimal.class);
        String shownChange = cell(key, "change");
        if (suppressed || api.getBoolean(group + ".previous.suppressed")) {
            assertThat(shownChange).isEqualTo("skjult");
        } else if (change == null) {
            assertThat(shownChange).isEqualTo("ikke tilgjengelig");
        } else {
            assertThat(shownChange).isEqualTo((change.setScale(1, RoundingMode.HALF_UP).signum() > 0 ? "+" : "") + decimal(change));
        }
    }

    private static List<String> expectedOrder(JsonPath api) {
        List<Map<String, Object>> groups = api.getList("groups");
        java.text.Collator collator = java.text.Collator.getInstance(NORWEGIAN);
        return groups.stream().sorted(Comparator.comparing((Map<String, Object> g) -> rate(g), Comparator.nullsLast(Comparator.<BigDecimal>reverseOrder()))
                .thenComparing(g -> (String) g.get("name"), collator)).map(g -> (String) g.get("key")).toList();
    }

    @SuppressWarnings("unchecked")
    private static BigDecimal rate(Map<String, Object> group) {
        Object value = ((Map<String, Object>) group.get("current")).get("dischargeReadyDaysPer1000");
        return value == null ? null : new BigDecimal(value.toString());
    }

    private List<String> rowsOnScreen() {
        return browser.findElements(By.cssSelector("#municipalities tbody tr")).stream().map(row -> row.getAttribute("data-municipality")).toList();
    }

    private String cell(String key, String field) {
        return text(browser.findElement(By.cssSelector("#municipalities tr[data-municipality='" + key + "'] [data-field=" + field + "]")));
    }

    /** The text as a reader sees it: a no-break space between thousands reads as a space. */
    private static String text(WebElement element) {
        return element.getText().replace('\u00A0', ' ').replace('\u202F', ' ').strip();
    }

    private static String whole(long value) {
        return NumberFormat.getIntegerInstance(NORWEGIAN).format(value).replace('\u00A0', ' ').replace('\u202F', ' ');
    }

    private static String decimal(BigDecimal value) {
        NumberFormat format = NumberFormat.getNumberInstance(NORWEGIAN);
        format.setMinimumFractionDigits(1);
        format.setMaximumFractionDigits(1);
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format.format(value).replace('\u00A0', ' ').replace('\u202F', ' ').replace('\u2212', '-').replace("-", "\u2212");
    }

    private static String kroner(BigDecimal value) {
        return whole(value.setScale(0, RoundingMode.HALF_UP).longValueExact()) + " kr";
    }

    private static String spreadsheet(BigDecimal value, int decimals) {
        return value == null ? "" : value.setScale(decimals, RoundingMode.HALF_UP).toPlainString().replace('.', ',');
    }

    private static JsonPath statistics(String groupBy, String partnership, String from, String to) {
        return given().auth().oauth2(TestTokens.board()).queryParam("groupBy", groupBy).queryParam("healthPartnership", partnership)
                .queryParam("from", from).queryParam("to", to).when().get("/statistics/discharge-ready-days").then().statusCode(200)
                .extract().jsonPath(JsonPathConfig.jsonPathConfig().numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
    }

    private static JsonPath monthlyTrend(String partnership, String from, String to) {
        return given().auth().oauth2(TestTokens.board()).queryParam("groupBy", "health-partnership").queryParam("healthPartnership", partnership)
                .queryParam("interval", "month").queryParam("from", from).queryParam("to", to)
                .when().get("/statistics/discharge-ready-days/trend").then().statusCode(200)
                .extract().jsonPath(JsonPathConfig.jsonPathConfig().numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
    }

    private void screenshot(String name, int width) throws IOException {
        browser.manage().window().setSize(new Dimension(width, 1000));
        long height = (Long) ((JavascriptExecutor) browser).executeScript("return document.documentElement.scrollHeight;");
        browser.manage().window().setSize(new Dimension(width, (int) Math.min(height + 140, 4000)));
        Path target = Path.of("target", name);
        Files.createDirectories(target.getParent());
        Files.write(target, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        browser.manage().window().setSize(new Dimension(width, 1000));
    }

    /** The browser writes the file in the background: wait for it (at most a minute) rather than for a time. */
    private static Path awaitDownload() throws IOException {
        for (int attempt = 0; attempt < 600; attempt++) {
            try (Stream<Path> files = Files.list(downloads)) {
                Optional<Path> done = files.filter(file -> file.getFileName().toString().endsWith(".csv")).findFirst();
                if (done.isPresent()) {
                    return done.get();
                }
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("no CSV arrived in " + downloads);
    }
}

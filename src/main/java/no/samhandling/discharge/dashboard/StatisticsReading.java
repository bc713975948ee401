package no.samhandling.discharge.dashboard;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the statistics answer as the API serves it (its JSON), so the dashboard shows the API's own numbers.
 * A figure the answer does not carry (a rate without a population, a cost not configured) is unknown (null):
 * the page says "ikke tilgjengelig" for it.
 */
final class StatisticsReading {

    static final String AGE_STANDARDISED_PER_1000 = "dischargeReadyDaysPer1000Standardised";
    static final String REAL_COST = "realCost";
    static final String REAL_COST_HOSPITAL_BEDS = "hospitalBedCost";
    static final String REAL_COST_MUNICIPAL_BEDS = "municipalBedCost";

    private StatisticsReading() {
    }

    /** One group's figures for the range, and its change from the previous range. */
    record GroupReading(String key, String name, boolean suppressed, boolean previousSuppressed, Long dischargeReadyDays,
                        Long billableDays, Long patients, BigDecimal billedAmount, Long population, BigDecimal crudePer1000,
                        BigDecimal ageStandardisedPer1000, BigDecimal crudeChangePer1000, BigDecimal ageStandardisedChangePer1000,
                        BigDecimal realCostHospitalBeds, BigDecimal realCostMunicipalBeds) {

        BigDecimal per1000(Rate rate) {
            return rate == Rate.CRUDE ? crudePer1000 : ageStandardisedPer1000;
        }

        BigDecimal changePer1000(Rate rate) {
            return rate == Rate.CRUDE ? crudeChangePer1000 : ageStandardisedChangePer1000;
        }
    }

    /** One month of the trend of the selection's total. */
    record MonthReading(YearMonth month, boolean suppressed, Long dischargeReadyDays, BigDecimal crudePer1000,
                        BigDecimal ageStandardisedPer1000) {

        BigDecimal per1000(Rate rate) {
            return rate == Rate.CRUDE ? crudePer1000 : ageStandardisedPer1000;
        }
    }

    /** Something a partnership or municipality did, marked on the trend from the day it started. */
    record Intervention(LocalDate startsOn, String title) {
    }

    static List<GroupReading> groups(JsonNode answer) {
        List<GroupReading> groups = new ArrayList<>();
        for (JsonNode group : answer.path("groups")) {
            JsonNode current = group.path("current");
            JsonNode change = group.path("change");
            JsonNode realCost = current.path(REAL_COST);
            groups.add(new GroupReading(group.path("key").asText(), group.path("name").asText(), current.path("suppressed").asBoolean(),
                    group.path("previous").path("suppressed").asBoolean(), whole(current, "dischargeReadyDays"),
                    whole(current, "billableDays"), whole(current, "patients"), decimal(current, "billedAmount"),
                    whole(current, "population"), decimal(current, "dischargeReadyDaysPer1000"), decimal(current, AGE_STANDARDISED_PER_1000),
                    decimal(change, "dischargeReadyDaysPer1000"), decimal(change, AGE_STANDARDISED_PER_1000),
                    decimal(realCost, REAL_COST_HOSPITAL_BEDS), decimal(realCost, REAL_COST_MUNICIPAL_BEDS)));
        }
        return groups;
    }

    /** The months of the trend's first group (the trend of one total has one), by the first day of each. */
    static List<MonthReading> months(JsonNode trend) {
        List<MonthReading> months = new ArrayList<>();
        for (JsonNode point : trend.path("groups").path(0).path("points")) {
            months.add(new MonthReading(YearMonth.from(LocalDate.parse(point.path("from").asText())), point.path("suppressed").asBoolean(),
                    whole(point, "dischargeReadyDays"), decimal(point, "dischargeReadyDaysPer1000"), decimal(point, AGE_STANDARDISED_PER_1000)));
        }
        return months;
    }

    static List<Integer> populationYears(JsonNode answer) {
        List<Integer> years = new ArrayList<>();
        answer.path("groups").path(0).path("current").path("populationYears").forEach(year -> years.add(year.asInt()));
        return years;
    }

    private static Long whole(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isNumber() ? value.asLong() : null;
    }

    private static BigDecimal decimal(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isNumber() ? value.decimalValue() : null;
    }
}

package no.samhandling.discharge.dashboard;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the statistics answer as the API serves it (its JSON), so the dashboard shows the API's own numbers.
 * Fields the statistics capability is adding (age-standardised rates, real cost in hospital and municipal beds,
 * interventions) are read by the names below when the answer carries them, and are unknown (null) until then:
 * the page says "ikke tilgjengelig" for them. Names agreed here; change them in this one place if the API's differ.
 */
final class StatisticsReading {

    static final String AGE_STANDARDISED_PER_1000 = "dischargeReadyDaysPer1000AgeStandardised";
    static final String REAL_COST = "realCost";
    static final String REAL_COST_HOSPITAL_BEDS = "hospitalBeds";
    static final String REAL_COST_MUNICIPAL_BEDS = "municipalBeds";
    static final String INTERVENTIONS = "interventions";
    static final String INTERVENTION_STARTS_ON = "startsOn";
    static final String INTERVENTION_TITLE = "title";

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

    /**
     * The interventions the answer names (those without a readable start date left out), or null when the answer
     * carries no interventions at all: not known, rather than none.
     */
    static List<Intervention> interventions(JsonNode answer) {
        if (!answer.path(INTERVENTIONS).isArray()) {
            return null;
        }
        List<Intervention> interventions = new ArrayList<>();
        for (JsonNode intervention : answer.path(INTERVENTIONS)) {
            JsonNode startsOn = intervention.path(INTERVENTION_STARTS_ON);
            if (startsOn.isTextual()) {
                try {
                    interventions.add(new Intervention(LocalDate.parse(startsOn.asText()), intervention.path(INTERVENTION_TITLE).asText("")));
                } catch (java.time.format.DateTimeParseException e) {
                    // not a date: nothing to mark
                }
            }
        }
        return interventions;
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

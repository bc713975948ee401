package no.samhandling.discharge.statistics;

import no.samhandling.discharge.stay.ServiceArea;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** The JSON of the statistics: aggregates only, never personal data. */
public final class StatisticsViews {

    private StatisticsViews() {
    }

    @Schema(name = "DischargeReadyDayStatistics", description = "Discharge-ready days and billable days per group, for a date range and the "
            + "previous range of the same length")
    public record DischargeReadyDayStatistics(
            GroupBy groupBy,
            Basis basis,
            @Schema(description = "First day of the range") LocalDate from,
            @Schema(description = "Last day of the range (inclusive)") LocalDate to,
            @Schema(description = "The range of the same length just before, for the change") LocalDate previousFrom,
            LocalDate previousTo,
            @Schema(description = "Only the members of this health partnership, when given") String healthPartnership,
            @Schema(description = "Only this service area, when given") ServiceArea serviceArea,
            @Schema(description = "The denominator of the per-1000 rates, in words") String denominator,
            @Schema(description = "The privacy rule, in words") String suppressionRule,
            @Schema(description = "Whether the rule applied to this answer (board members)") boolean suppressionApplied,
            List<GroupFigures> groups,
            @Schema(description = "year, quarter or month when the range was asked as one; null for a from-to range") Interval period,
            @Schema(description = "The age standardisation, in words: method, age groups, standard population") String standardisation,
            @Schema(description = "The standard population: the region's inhabitants on 1 January of this year") int standardPopulationYear,
            @Schema(description = "The standard population's inhabitants by age group") java.util.Map<String, Long> standardPopulation,
            @Schema(description = "What the real cost is, in words") String realCostDefinition,
            @Schema(description = "Whether each group's figures are also split by service area (serviceAreas)") boolean byServiceArea) {

        /** The same answer with other groups and the privacy rule that made them. */
        public DischargeReadyDayStatistics with(String rule, List<GroupFigures> otherGroups) {
            return new DischargeReadyDayStatistics(groupBy, basis, from, to, previousFrom, previousTo, healthPartnership, serviceArea,
                    denominator, rule, suppressionApplied, otherGroups, period, standardisation, standardPopulationYear, standardPopulation,
                    realCostDefinition, byServiceArea);
        }
    }

    @Schema(name = "StatisticsGroup", description = "One group's figures for the range, the previous range, and the change")
    public record GroupFigures(
            @Schema(description = "Municipality number, health partnership id, hospital trust organisation number, or helse-nord") String key,
            String name,
            @Schema(description = "Municipalities in the group") int municipalities,
            PeriodFigures current,
            PeriodFigures previous,
            @Schema(description = "Current minus previous; null where either is suppressed or unknown") Change change,
            @Schema(description = "The same figures per service area (somatic, mental health, addiction), when byServiceArea=true; "
                    + "else null") List<ServiceAreaFigures> serviceAreas) {

        public GroupFigures with(PeriodFigures otherCurrent, PeriodFigures otherPrevious, Change otherChange) {
            return new GroupFigures(key, name, municipalities, otherCurrent, otherPrevious, otherChange, serviceAreas);
        }

        public GroupFigures withServiceAreas(List<ServiceAreaFigures> otherServiceAreas) {
            return new GroupFigures(key, name, municipalities, current, previous, change, otherServiceAreas);
        }
    }

    @Schema(name = "StatisticsServiceAreaFigures", description = "One group's figures in one service area")
    public record ServiceAreaFigures(ServiceArea serviceArea, PeriodFigures current, PeriodFigures previous, Change change) {

        public ServiceAreaFigures with(PeriodFigures otherCurrent, PeriodFigures otherPrevious, Change otherChange) {
            return new ServiceAreaFigures(serviceArea, otherCurrent, otherPrevious, otherChange);
        }
    }

    @Schema(name = "StatisticsPeriodFigures", description = "The figures of one range. Counts are null when suppressed.")
    public record PeriodFigures(
            @Schema(description = "A board member asked and the group had fewer than 5 patients, or another group's count of fewer "
                    + "than 5 could be worked out from this one: the counts and rates are null") boolean suppressed,
            @Schema(description = "Discharge-ready days (overliggerdøgn) in the range") Long dischargeReadyDays,
            @Schema(description = "Billable days (§ 13) in the range") Long billableDays,
            @Schema(description = "Stays with discharge-ready days in the range") Long stays,
            @Schema(description = "Patients with discharge-ready days in the range") Long patients,
            @Schema(description = "NOK: each billable day at its own year's daily rate; null where a rate is unknown") BigDecimal billedAmount,
            @Schema(description = "Years with billable days whose daily rate is not known") List<Integer> unknownRateYears,
            @Schema(description = "The denominator: inhabitants on 1 January, the mean over the range's years weighted by the range's days "
                    + "in each; null when a year's population of a member is missing") Long population,
            @Schema(description = "The years whose population on 1 January is used") List<Integer> populationYears,
            @Schema(description = "Years of the range without a population figure for every member") List<Integer> populationUnknownYears,
            @Schema(description = "Crude: days ÷ population × 1000, not annualised") BigDecimal dischargeReadyDaysPer1000,
            BigDecimal billableDaysPer1000,
            @Schema(description = "Discharge-ready days ÷ stays with discharge-ready days in the range") BigDecimal meanDaysPerStay,
            @Schema(description = "Directly age-standardised to the standard population (see standardisation); days of patients of "
                    + "unknown age are not in it") BigDecimal dischargeReadyDaysPer1000Standardised,
            BigDecimal billableDaysPer1000Standardised,
            @Schema(description = "Discharge-ready days of patients whose age is unknown (no birth date in the identifier): in the "
                    + "counts and crude rates, not in the standardised ones") Long unknownAgeDays,
            @Schema(description = "Real cost beside the bill; null when suppressed") RealCost.Figures realCost,
            @Schema(description = "The rate per 1000 swings by chance: fewer than 10 000 inhabitants, or fewer than 20 stays "
                    + "(judged on the stays only where they are shown)") boolean unstableRate,
            @Schema(description = "Why the rate is unstable; null when it is not", example = "fewer than 20 stays: the rate varies by "
                    + "more than 22 % by chance alone") String unstableRateReason) {

        /** The figures as the counting makes them, before the rate's stability is judged. */
        public PeriodFigures(boolean suppressed, Long dischargeReadyDays, Long billableDays, Long stays, Long patients, BigDecimal billedAmount,
                             List<Integer> unknownRateYears, Long population, List<Integer> populationYears,
                             List<Integer> populationUnknownYears, BigDecimal dischargeReadyDaysPer1000, BigDecimal billableDaysPer1000,
                             BigDecimal meanDaysPerStay, BigDecimal dischargeReadyDaysPer1000Standardised,
                             BigDecimal billableDaysPer1000Standardised, Long unknownAgeDays, RealCost.Figures realCost) {
            this(suppressed, dischargeReadyDays, billableDays, stays, patients, billedAmount, unknownRateYears, population, populationYears,
                    populationUnknownYears, dischargeReadyDaysPer1000, billableDaysPer1000, meanDaysPerStay,
                    dischargeReadyDaysPer1000Standardised, billableDaysPer1000Standardised, unknownAgeDays, realCost, false, null);
        }

        /** The same figures hidden from a board member: only the population stays. */
        public PeriodFigures hidden() {
            return new PeriodFigures(true, null, null, null, null, null, null, population, populationYears, populationUnknownYears,
                    null, null, null, null, null, null, null, unstableRate, unstableRateReason);
        }

        public PeriodFigures with(UnstableRate.Flag flag) {
            return new PeriodFigures(suppressed, dischargeReadyDays, billableDays, stays, patients, billedAmount, unknownRateYears,
                    population, populationYears, populationUnknownYears, dischargeReadyDaysPer1000, billableDaysPer1000, meanDaysPerStay,
                    dischargeReadyDaysPer1000Standardised, billableDaysPer1000Standardised, unknownAgeDays, realCost, flag.unstable(),
                    flag.reason());
        }
    }

    @Schema(name = "StatisticsChange", description = "Current range minus the previous one")
    public record Change(Long dischargeReadyDays, Long billableDays, BigDecimal billedAmount, BigDecimal dischargeReadyDaysPer1000,
                         BigDecimal billableDaysPer1000, BigDecimal dischargeReadyDaysPer1000Standardised,
                         BigDecimal billableDaysPer1000Standardised, BigDecimal meanDaysPerStay, BigDecimal hospitalBedCost,
                         BigDecimal municipalBedCost) {
    }

    @Schema(name = "DischargeReadyDayTrend", description = "Discharge-ready and billable days per group and interval, from the monthly "
            + "aggregates")
    public record Trend(
            GroupBy groupBy,
            Basis basis,
            Interval interval,
            @Schema(description = "First day of the first interval (the asked from, moved back to its interval's start)") LocalDate from,
            @Schema(description = "Last day of the last interval (the asked to, moved on to its interval's end)") LocalDate to,
            String healthPartnership,
            ServiceArea serviceArea,
            @Schema(description = "The denominator of the per-1000 rates, in words") String denominator,
            @Schema(description = "The age standardisation, in words") String standardisation,
            int standardPopulationYear,
            java.util.Map<String, Long> standardPopulation,
            String suppressionRule,
            boolean suppressionApplied,
            List<TrendGroup> groups) {
    }

    @Schema(name = "DischargeReadyDayTrendGroup", description = "One group's series")
    public record TrendGroup(String key, String name, int municipalities, List<TrendPoint> points) {
    }

    @Schema(name = "DischargeReadyDayTrendPoint", description = "One interval of a group's series; counts null when suppressed")
    public record TrendPoint(
            @Schema(description = "2017, 2017-Q1 or 2017-03") String label,
            LocalDate from,
            LocalDate to,
            boolean suppressed,
            Long dischargeReadyDays,
            Long billableDays,
            @Schema(description = "Inhabitants (day-weighted mean of the interval's years, all ages); null when unknown") Long population,
            BigDecimal dischargeReadyDaysPer1000,
            BigDecimal billableDaysPer1000,
            BigDecimal dischargeReadyDaysPer1000Standardised,
            BigDecimal billableDaysPer1000Standardised,
            Long unknownAgeDays) {
    }
}

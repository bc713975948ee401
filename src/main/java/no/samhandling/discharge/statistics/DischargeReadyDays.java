package no.samhandling.discharge.statistics;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import no.samhandling.discharge.statistics.StatisticsReference.Group;
import no.samhandling.discharge.statistics.StatisticsViews.Change;
import no.samhandling.discharge.statistics.StatisticsViews.DischargeReadyDayStatistics;
import no.samhandling.discharge.statistics.StatisticsViews.GroupFigures;
import no.samhandling.discharge.statistics.StatisticsViews.PeriodFigures;
import no.samhandling.discharge.statistics.StatisticsViews.ServiceAreaFigures;
import no.samhandling.discharge.codes.Coded;
import no.samhandling.discharge.stay.ServiceArea;
import no.samhandling.discharge.stay.StayFigureStore.UnstoredDay;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Set;
import java.util.List;
import java.util.OptionalInt;
import java.util.Map;

/**
 * Discharge-ready days, billable days, stays, patients, billed and real cost per group, from the aggregates
 * ({@code statistics_stay_month}) for the range's whole months, the stored days ({@code stay_day}) of the months it
 * covers in part, and the not yet stored days of the open periods, so a period still running counts up to today as
 * in the stay's own view. Per 1000 inhabitants, crude and directly age-standardised.
 */
@ApplicationScoped
public class DischargeReadyDays {

    /** Counts of fewer patients than this are suppressed for board members. */
    public static final int SMALLEST_SHOWN_PATIENT_COUNT = 5;

    static final String SUPPRESSION_RULE = "For board members a group's counts and rates in a range are suppressed (null, suppressed: true) "
            + "when fewer than 5 patients had discharge-ready days in it; the change is then null too.";
    static final String DENOMINATOR = "Crude rate: days ÷ inhabitants × 1000, not annualised. Inhabitants on 1 January (SSB table 07459, "
            + "all age groups) of the group's member municipalities; a range over several years divides by the mean of those years' "
            + "populations, each weighted by the range's days in that year. Unknown (null) when a member lacks a year's figure.";
    static final String STANDARDISATION = "Directly age-standardised by age alone (the population figures have no sex), in the age groups "
            + "0-17, 18-29, 30-49, 50-66, 67-79, 80-89 and 90+: the sum over age groups of the group's days in the age group ÷ its "
            + "inhabitants in it (the same day-weighted mean as the crude rate), times the age group's share of the standard "
            + "population, × 1000. Standard population: the region's (Helse Nord's) inhabitants on 1 January of standardPopulationYear "
            + "(by default the latest year with figures for every municipality). A patient's age is the one on the day of the period's "
            + "declaration, from the birth date in the identifier; days of patients of unknown age (felles hjelpenummer) are counted in "
            + "the crude rates and the counts but left out of the standardised rates (unknownAgeDays says how many).";
    static final String REAL_COST = "hospitalBedCost: each discharge-ready day at the configured cost per bed-day of the hospital trust the "
            + "patient waited in. municipalBedCost: the same days at the configured cost per bed-day of the municipal care level the "
            + "patient was discharged to (home care, short-term bed, nursing home; bed pool and other as 'other'); days of patients not "
            + "yet discharged, or discharged home, to another hospital or deceased, have no municipal care level and are not in it "
            + "(daysWithoutCareLevel). Unknown (null) where a cost is not configured, naming the hospitals or care levels.";

    private final DataSource dataSource;
    private final StatisticsConfig config;
    private final StatisticsCache cache;
    private final StayMonthRowStore rowStore;
    private final KeptReference reference;

    DischargeReadyDays(DataSource dataSource, StatisticsConfig config, StatisticsCache cache, StayMonthRowStore rowStore,
                       KeptReference reference) {
        this.dataSource = dataSource;
        this.config = config;
        this.cache = cache;
        this.rowStore = rowStore;
        this.reference = reference;
    }

    /** What the tallies depend on besides the aggregates' rows and the reference data. */
    private record TallyQuestion(GroupBy groupBy, Basis basis, DateRange range, boolean current, String healthPartnership, ServiceArea serviceArea,
                                 boolean byServiceArea) {
    }

    /** What is asked. */
    public record Query(GroupBy groupBy, Basis basis, DateRange range, Interval period, String healthPartnership, ServiceArea serviceArea,
                        boolean byServiceArea, int standardPopulationYear, boolean suppress) {
    }

    /** Years whose region population is complete, newest first: the standard populations one may choose. */
    @Transactional
    public List<Integer> standardPopulationYears() {
        try (Connection connection = dataSource.getConnection()) {
            return reference.completeRegionYears(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("statistics query failed", e);
        }
    }

    /** The standard population when none is asked for: the newest year whose region population is complete. */
    @Transactional
    public int defaultStandardPopulationYear() {
        return StatisticsReference.standardYear(standardPopulationYears(), OptionalInt.empty())
                .orElseThrow(() -> new IllegalStateException("no year has population figures for every municipality"));
    }

    /**
     * Only within the snapshot of {@link StatisticsAnswers}, which protects the figures: {@code unstored} are the open
     * periods' days not yet stored from the previous range's first day to the range's last, {@code counts} the change
     * counts of those months. Each range's tallies are kept on their own, unless it holds such days (they grow with the
     * calendar).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    DischargeReadyDayStatistics query(Query query, List<UnstoredDay> unstored, ChangeCounts counts) {
        DateRange current = query.range();
        DateRange previous = current.previous();
        try (Connection connection = dataSource.getConnection()) {
            Map<String, Group> groups = reference.groups(connection, counts.reference(), query.groupBy(), query.healthPartnership());
            Map<String, Tally> tallies = new HashMap<>();
            for (boolean isCurrent : List.of(false, true)) {
                DateRange range = isCurrent ? current : previous;
                List<UnstoredDay> inRange = ChangeCounts.within(range, unstored);
                TallyQuestion question = new TallyQuestion(query.groupBy(), query.basis(), range, isCurrent, query.healthPartnership(),
                        query.serviceArea(), query.byServiceArea());
                tallies.putAll(cache.get(counts.partKey(question, range, inRange), () -> tallies(connection, query, range, isCurrent, inRange, counts),
                        kept -> Tally.bytes(kept)));
            }
            Map<String, GroupPopulation> population = reference.population(connection, counts.reference(), query.groupBy(), query.healthPartnership(),
                    groups, previous.from().getYear(), current.to().getYear());
            Map<String, Long> standard = reference.standardPopulation(connection, counts.reference(), query.standardPopulationYear());
            Figures figures = new Figures(reference.dailyRates(connection, counts.reference()), standard, config, query.suppress());
            List<GroupFigures> answer = new ArrayList<>();
            for (Group group : groups.values()) {
                GroupPopulation groupPopulation = population.get(group.key());
                GroupPopulation.Population now = groupPopulation.over(current);
                GroupPopulation.Population before = groupPopulation.over(previous);
                PeriodFigures currentFigures = figures.of(tallies.get(Tally.key(group.key(), true, null)), now);
                PeriodFigures previousFigures = figures.of(tallies.get(Tally.key(group.key(), false, null)), before);
                List<ServiceAreaFigures> areas = null;
                if (query.byServiceArea()) {
                    areas = new ArrayList<>();
                    for (ServiceArea area : ServiceArea.values()) {
                        PeriodFigures c = figures.of(tallies.get(Tally.key(group.key(), true, area.code())), now);
                        PeriodFigures p = figures.of(tallies.get(Tally.key(group.key(), false, area.code())), before);
                        areas.add(new ServiceAreaFigures(area, c, p, change(c, p)));
                    }
                }
                answer.add(new GroupFigures(group.key(), group.name(), group.municipalities(), currentFigures, previousFigures,
                        change(currentFigures, previousFigures), areas));
            }
            return new DischargeReadyDayStatistics(query.groupBy(), query.basis(), current.from(), current.to(), previous.from(),
                    previous.to(), query.healthPartnership(), query.serviceArea(), DENOMINATOR, SUPPRESSION_RULE, query.suppress(), answer,
                    query.period(), STANDARDISATION, query.standardPopulationYear(), standard, REAL_COST, query.byServiceArea());
        } catch (SQLException e) {
            throw new IllegalStateException("statistics query failed", e);
        }
    }

    /**
     * One range's tallies (the current or the previous) from its rows ({@link StayMonthRowStore}: whole months kept,
     * months in part and the open periods' days not yet stored read), those of the scope's municipalities.
     */
    private Map<String, Tally> tallies(Connection connection, Query query, DateRange range, boolean isCurrent, List<UnstoredDay> unstored,
                                       ChangeCounts counts) throws SQLException {
        Membership membership = reference.membership(connection, counts.reference());
        Set<String> members = membership.municipalitiesOf(query.healthPartnership());
        List<StayMonthRows> rows = rowStore.rows(connection, List.of(range), unstored, counts).getFirst();
        return Tally.of(rows, query.basis(), members, query.serviceArea() == null ? null : query.serviceArea().code(), query.byServiceArea(),
                municipality -> membership.groupOf(query.groupBy(), municipality), isCurrent);
    }

    /** Turns tallies into the figures of the answer: rates, cost, suppression. */
    record Figures(Map<Integer, BigDecimal> rates, Map<String, Long> standard, StatisticsConfig config, boolean suppress) {

        PeriodFigures of(Tally tally, GroupPopulation.Population population) {
            Tally t = tally == null ? new Tally() : tally;
            if (suppress && t.patients < SMALLEST_SHOWN_PATIENT_COUNT) {
                return new PeriodFigures(true, null, null, null, null, null, null, population.inhabitants(), population.years(),
                        population.unknownYears(), null, null, null, null, null, null, null);
            }
            java.util.TreeSet<Integer> unknownRateYears = new java.util.TreeSet<>();
            BigDecimal billed = RealCost.priced(t.billableByYear, rates, unknownRateYears);
            Map<String, BigDecimal> careLevelCost = new HashMap<>();
            config.municipalBedDayCost().forEach((code, cost) -> Coded.find(CareLevel.class, code)
                    .ifPresent(level -> careLevelCost.put(level.code(), cost)));
            return new PeriodFigures(false, t.ready, t.billable, t.stays, t.patients,
                    billed, List.copyOf(unknownRateYears),
                    population.inhabitants(), population.years(), population.unknownYears(),
                    per1000(t.ready, population.inhabitants()), per1000(t.billable, population.inhabitants()),
                    t.stays == 0 ? null : BigDecimal.valueOf(t.ready).divide(BigDecimal.valueOf(t.stays), 2, RoundingMode.HALF_UP),
                    standardised(t.readyByAge, population), standardised(t.billableByAge, population),
                    t.readyByAge.getOrDefault(PatientAgeGroup.UNKNOWN, 0L),
                    RealCost.of(t.readyByHospital, t.readyByCareLevel, config.hospitalBedDayCost(), careLevelCost));
        }

        private BigDecimal standardised(Map<String, Long> days, GroupPopulation.Population population) {
            if (population.inhabitants() == null) {
                return null;
            }
            return DirectStandardisation.per1000(days, population.byAgeGroup(), standard).orElse(null);
        }
    }

    static BigDecimal per1000(long days, Long inhabitants) {
        if (inhabitants == null || inhabitants == 0) {
            return null;
        }
        return BigDecimal.valueOf(days).multiply(BigDecimal.valueOf(1000)).divide(BigDecimal.valueOf(inhabitants), 2, RoundingMode.HALF_UP);
    }

    private static Change change(PeriodFigures current, PeriodFigures previous) {
        if (current.suppressed() || previous.suppressed()) {
            return null;
        }
        return new Change(current.dischargeReadyDays() - previous.dischargeReadyDays(), current.billableDays() - previous.billableDays(),
                minus(current.billedAmount(), previous.billedAmount()),
                minus(current.dischargeReadyDaysPer1000(), previous.dischargeReadyDaysPer1000()),
                minus(current.billableDaysPer1000(), previous.billableDaysPer1000()),
                minus(current.dischargeReadyDaysPer1000Standardised(), previous.dischargeReadyDaysPer1000Standardised()),
                minus(current.billableDaysPer1000Standardised(), previous.billableDaysPer1000Standardised()),
                minus(current.meanDaysPerStay(), previous.meanDaysPerStay()),
                minus(current.realCost().hospitalBedCost(), previous.realCost().hospitalBedCost()),
                minus(current.realCost().municipalBedCost(), previous.realCost().municipalBedCost()));
    }

    static BigDecimal minus(BigDecimal a, BigDecimal b) {
        return a == null || b == null ? null : a.subtract(b);
    }

    /** Whether the health partnership exists. */
    @Transactional
    public boolean partnershipExists(String id) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("SELECT 1 FROM health_partnership WHERE id = ?")) {
            statement.setString(1, id);
            try (ResultSet result = statement.executeQuery()) {
                return result.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("statistics query failed", e);
        }
    }
}

package no.samhandling.discharge.statistics;

import jakarta.enterprise.context.ApplicationScoped;
import no.samhandling.discharge.statistics.StatisticsReference.Group;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The reference data every answer reads ({@link StatisticsReference}: groups, membership, populations, the standard
 * population, daily rates), kept under the version of the reference data (V71: raised by PostgreSQL with every change of
 * municipalities, partnerships, trusts, populations or daily rates). It is the same for every answer until an
 * administrator changes it, and reading it again (a population sum over every municipality and year) cost about as
 * much as counting a changed month. Read in an answer's snapshot with the version read there, so what is kept is that
 * version's.
 */
@ApplicationScoped
class KeptReference {

    private final StatisticsCache cache;

    KeptReference(StatisticsCache cache) {
        this.cache = cache;
    }

    private record MembershipQuestion() {
    }

    private record GroupsQuestion(GroupBy groupBy, String healthPartnership) {
    }

    private record PopulationQuestion(GroupBy groupBy, String healthPartnership, int fromYear, int toYear) {
    }

    private record StandardPopulationQuestion(int year) {
    }

    private record DailyRatesQuestion() {
    }

    private record CompleteYearsQuestion() {
    }

    private static StatisticsCache.Key key(Object question, long reference) {
        return new StatisticsCache.Key(question, reference, 0);
    }

    Membership membership(Connection connection, long reference) throws SQLException {
        return cache.get(key(new MembershipQuestion(), reference), () -> StatisticsReference.membership(connection), KeptReference::bytes);
    }

    Map<String, Group> groups(Connection connection, long reference, GroupBy groupBy, String healthPartnership) throws SQLException {
        return cache.get(key(new GroupsQuestion(groupBy, healthPartnership), reference),
                () -> java.util.Collections.unmodifiableMap(StatisticsReference.groups(connection, groupBy, healthPartnership)),
                groups -> Footprint.of(groups.size(), 1, groups.size()) + groups.values().stream().mapToLong(g -> Footprint.of(g.name())).sum());
    }

    Map<String, GroupPopulation> population(Connection connection, long reference, GroupBy groupBy, String healthPartnership,
                                            Map<String, Group> groups, int fromYear, int toYear) throws SQLException {
        int years = toYear - fromYear + 1;
        return cache.get(key(new PopulationQuestion(groupBy, healthPartnership, fromYear, toYear), reference),
                () -> Map.copyOf(StatisticsReference.population(connection, groupBy, healthPartnership, groups, fromYear, toYear)),
                population -> Footprint.of(population.size(), population.size() * (3L + years), population.size() * years * 9L));
    }

    Map<String, Long> standardPopulation(Connection connection, long reference, int year) throws SQLException {
        return cache.get(key(new StandardPopulationQuestion(year), reference),
                () -> java.util.Collections.unmodifiableMap(StatisticsReference.standardPopulation(connection, year)),
                standard -> Footprint.of(0, 1, standard.size()));
    }

    Map<Integer, BigDecimal> dailyRates(Connection connection, long reference) throws SQLException {
        return cache.get(key(new DailyRatesQuestion(), reference), () -> Map.copyOf(StatisticsReference.dailyRates(connection)),
                rates -> Footprint.of(rates.size(), 1, rates.size()));
    }

    /**
     * The years with a population figure of every municipality, newest first, outside an answer's snapshot (the
     * request's checks): kept only when the version read before and after is the same, so what is kept is that version's.
     */
    List<Integer> completeRegionYears(Connection connection) throws SQLException {
        long before = ChangeCounts.referenceVersion(connection);
        StatisticsCache.Key key = key(new CompleteYearsQuestion(), before);
        Optional<List<Integer>> kept = cache.kept(key);
        if (kept.isPresent()) {
            return kept.get();
        }
        List<Integer> years = List.copyOf(StatisticsReference.completeRegionYears(connection));
        if (ChangeCounts.referenceVersion(connection) == before) {
            cache.keep(key, years, Footprint.of(1, 1, years.size()));
        }
        return years;
    }

    /** A membership's estimated size: its two maps, the cells of every level and their names, the relations. */
    static long bytes(Membership membership) {
        long cellNames = membership.allCells().stream().mapToLong(Footprint::of).sum();
        return Footprint.of(1 + membership.relations().size(), 2 + GroupBy.values().length + 1,
                2L * membership.partnershipOf().size() + 2L * membership.allCells().size()) + 2 * cellNames;
    }
}

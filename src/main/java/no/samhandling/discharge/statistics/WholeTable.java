package no.samhandling.discharge.statistics;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import no.samhandling.discharge.statistics.Membership.GroupCount;
import no.samhandling.discharge.statistics.Membership.Hidden;
import no.samhandling.discharge.stay.ServiceArea;
import no.samhandling.discharge.stay.StayFigureStore.UnstoredDay;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The protection of the whole table (every municipality, partnership, hospital trust area and the region) of some
 * disjoint ranges, for one basis and service area: the patients and discharge-ready days of every group of every level
 * in each range, counted from the rows the answers are counted from ({@link StayMonthRowStore}), then {@link Suppression}
 * per range.
 */
@ApplicationScoped
class WholeTable {

    private final DataSource dataSource;
    private final StatisticsCache cache;
    private final StayMonthRowStore rowStore;
    private final KeptReference reference;

    WholeTable(DataSource dataSource, StatisticsCache cache, StayMonthRowStore rowStore, KeptReference reference) {
        this.dataSource = dataSource;
        this.cache = cache;
        this.rowStore = rowStore;
        this.reference = reference;
    }

    /** What a range's hidden cells depend on besides the aggregates' rows and the reference data. */
    private record RangeQuestion(Basis basis, ServiceArea serviceArea, DateRange range) {
    }

    /** The membership every cell is named by, of the reference data's version {@code referenceVersion} (the answer's). */
    @Transactional
    Membership membership(long referenceVersion) {
        try (Connection connection = dataSource.getConnection()) {
            return reference.membership(connection, referenceVersion);
        } catch (SQLException e) {
            throw new IllegalStateException("statistics query failed", e);
        }
    }

    /**
     * The hidden cells of each range's table, in the order of {@code ranges} (disjoint, in ascending order), in the
     * answer's snapshot: {@code unstored} are the open periods' days not yet stored over the ranges, {@code counts} the
     * change counts of their months. Each range without such days is kept on its own under the change count of its
     * months, so a change of one month reads only the ranges it is in; a range with such days (they grow with the
     * calendar) is read every time.
     */
    @Transactional
    List<Hidden> hidden(Membership membership, Basis basis, ServiceArea serviceArea, List<DateRange> ranges, List<UnstoredDay> unstored,
                        ChangeCounts counts) {
        try (Connection connection = dataSource.getConnection()) {
            List<Hidden> hidden = new ArrayList<>();
            List<Integer> missing = new ArrayList<>();
            List<StatisticsCache.Key> keys = new ArrayList<>();
            for (DateRange range : ranges) {
                StatisticsCache.Key key = counts.partKey(new RangeQuestion(basis, serviceArea, range), range, unstored).orElse(null);
                keys.add(key);
                hidden.add(key == null ? null : cache.<Hidden>kept(key).orElse(null));
                if (hidden.getLast() == null) {
                    missing.add(keys.size() - 1);
                }
            }
            if (!missing.isEmpty()) {
                Map<Integer, List<GroupCount>> counted = counts(connection, membership, basis, serviceArea, missing.stream().map(ranges::get).toList(),
                        unstored, counts);
                for (int j = 0; j < missing.size(); j++) {
                    Hidden computed = membership.hidden(counted.getOrDefault(j, List.of()));
                    hidden.set(missing.get(j), computed);
                    StatisticsCache.Key key = keys.get(missing.get(j));
                    if (key != null) {
                        cache.keep(key, computed, computed.bytes());
                    }
                }
            }
            return List.copyOf(hidden);
        } catch (SQLException e) {
            throw new IllegalStateException("statistics query failed", e);
        }
    }

    /** Per range index, each group's patients and days, from the ranges' rows ({@link StayMonthRowStore}). */
    private Map<Integer, List<GroupCount>> counts(Connection connection, Membership membership, Basis basis, ServiceArea serviceArea,
                                                  List<DateRange> ranges, List<UnstoredDay> unstored, ChangeCounts counts) throws SQLException {
        List<List<StayMonthRows>> rows = rowStore.rows(connection, ranges, unstored, counts);
        Map<Integer, List<GroupCount>> counted = new HashMap<>();
        for (int i = 0; i < ranges.size(); i++) {
            counted.put(i, membership.counts(rows.get(i), basis, serviceArea == null ? null : serviceArea.code()));
        }
        return counted;
    }
}

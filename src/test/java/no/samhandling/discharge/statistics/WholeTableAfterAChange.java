package no.samhandling.discharge.statistics;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;
import no.samhandling.discharge.statistics.Membership.Hidden;
import no.samhandling.discharge.stay.ServiceArea;
import no.samhandling.discharge.stay.StayFigureStore.UnstoredDay;

import javax.sql.DataSource;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The whole table as in the product, except that a change set with {@link #next} is made once in the middle of the next
 * answer that is protected: after the answer read its figures and before it reads the whole table's hidden cells.
 * A singleton: a subclass of a bean without a constructor of no arguments cannot be proxied.
 */
@Alternative
@Priority(1)
@Singleton
class WholeTableAfterAChange extends WholeTable {

    private static final AtomicReference<Runnable> NEXT = new AtomicReference<>();

    WholeTableAfterAChange(DataSource dataSource, StatisticsCache cache, StayMonthRowStore rowStore, KeptReference reference) {
        super(dataSource, cache, rowStore, reference);
    }

    static void next(Runnable change) {
        NEXT.set(change);
    }

    /** In the answer's transaction, as the product's. */
    @Override
    List<Hidden> hidden(Membership membership, Basis basis, ServiceArea serviceArea, List<DateRange> ranges, List<UnstoredDay> unstored,
                        ChangeCounts counts) {
        Runnable change = NEXT.getAndSet(null);
        if (change != null) {
            change.run();
        }
        return super.hidden(membership, basis, serviceArea, ranges, unstored, counts);
    }
}

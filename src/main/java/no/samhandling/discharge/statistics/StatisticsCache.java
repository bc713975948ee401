package no.samhandling.discharge.statistics;

import jakarta.enterprise.context.ApplicationScoped;

import java.sql.SQLException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Optional;
import java.util.function.ToLongFunction;

/**
 * What the statistics computed from the aggregates of some months, kept for the next question alike. An entry is
 * found only by the question, the reference data's version and the months' change count read in the asking transaction
 * ({@link ChangeCounts}, V71), which grow with every committed change: an event's effect is in the next answer, on every
 * instance. Where a question's range holds days of open periods not yet stored (they grow with the calendar), those
 * days are part of its key ({@link ChangeCounts#key(Object, DateRange, java.util.List)}).
 *
 * <p>Bounded by size, not by count: a municipality table or a long trend at national scale is megabytes, so each kept
 * answer carries its estimated size ({@link Footprint}), the least recently used go first while the total is above the
 * budget ({@value #BUDGET_BYTES} bytes, under a tenth of the service's heap), and an answer larger than the whole budget
 * is not kept at all.
 */
@ApplicationScoped
class StatisticsCache {

    static final long BUDGET_BYTES = 32L * 1024 * 1024;

    /** A question, the reference data's version and the change count of its months ({@link ChangeCounts}). */
    record Key(Object question, long reference, long changes) {
    }

    private record Kept(Object answer, long bytes) {
    }

    private final long budget;
    private final LinkedHashMap<Key, Kept> entries = new LinkedHashMap<>(64, 0.75f, true);
    private long bytes;

    StatisticsCache() {
        this(BUDGET_BYTES);
    }

    StatisticsCache(long budget) {
        this.budget = budget;
    }

    /** A computation from the database. */
    interface Computation<T> {
        T compute() throws SQLException;
    }

    /**
     * The answer kept for the key, or the computed one, kept at the size {@code size} estimates. Two callers may compute
     * the same answer at once; both are right.
     */
    <T> T get(Key key, Computation<T> computation, ToLongFunction<? super T> size) throws SQLException {
        Optional<T> kept = kept(key);
        if (kept.isPresent()) {
            return kept.get();
        }
        T computed = computation.compute();
        keep(key, computed, size.applyAsLong(computed));
        return computed;
    }

    /** {@link #get(Key, Computation, ToLongFunction)} where there is a key; computed every time where there is none. */
    <T> T get(Optional<Key> key, Computation<T> computation, ToLongFunction<? super T> size) throws SQLException {
        return key.isPresent() ? get(key.get(), computation, size) : computation.compute();
    }

    @SuppressWarnings("unchecked")
    <T> Optional<T> kept(Key key) {
        synchronized (entries) {
            Kept kept = entries.get(key);
            return kept == null ? Optional.empty() : Optional.of((T) kept.answer());
        }
    }

    void keep(Key key, Object answer, long answerBytes) {
        synchronized (entries) {
            Kept replaced = entries.remove(key);
            if (replaced != null) {
                bytes -= replaced.bytes();
            }
            if (answerBytes > budget) {
                return;
            }
            entries.put(key, new Kept(answer, answerBytes));
            bytes += answerBytes;
            Iterator<Kept> leastRecentlyUsed = entries.values().iterator();
            while (bytes > budget) {
                bytes -= leastRecentlyUsed.next().bytes();
                leastRecentlyUsed.remove();
            }
        }
    }

    /** Forgets every kept answer (a test's way to have the next answer computed). */
    void clear() {
        synchronized (entries) {
            entries.clear();
            bytes = 0;
        }
    }

    /** The estimated size of all kept answers. */
    long keptBytes() {
        synchronized (entries) {
            return bytes;
        }
    }
}

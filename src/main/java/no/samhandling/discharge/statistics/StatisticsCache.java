package no.samhandling.discharge.statistics;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.sql.SQLException;

/**
 * What the statistics computed from the aggregates of some months, kept for the next question alike. An entry is
 * found only by the question and the months' change count read in the asking transaction ({@code statistics_month.changes},
 * V65), which grows with every committed change of those months: an event's effect is in the next answer, on every
 * instance. Questions whose ranges hold days of open periods not yet stored (they grow with the calendar) are not
 * kept. The least recently used entries go first.
 */
@ApplicationScoped
class StatisticsCache {

    static final int ENTRIES = 512;

    /** A question and the change count of its months. */
    record Key(Object question, long changes) {
    }

    private final Map<Key, Object> entries = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Object> eldest) {
            return size() > ENTRIES;
        }
    };

    /** A computation from the database. */
    interface Computation<T> {
        T compute() throws SQLException;
    }

    /** The answer kept for the key, or the computed one, kept. Two callers may compute the same answer at once; both are right. */
    <T> T get(Key key, Computation<T> computation) throws SQLException {
        Optional<T> kept = kept(key);
        if (kept.isPresent()) {
            return kept.get();
        }
        T computed = computation.compute();
        keep(key, computed);
        return computed;
    }

    @SuppressWarnings("unchecked")
    <T> Optional<T> kept(Key key) {
        synchronized (entries) {
            return Optional.ofNullable((T) entries.get(key));
        }
    }

    void keep(Key key, Object answer) {
        synchronized (entries) {
            entries.put(key, answer);
        }
    }
}

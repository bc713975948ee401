package no.samhandling.discharge.statistics;

/**
 * The approximate heap size of what {@link StatisticsCache} keeps, from the value's structure: its objects, maps and
 * map entries, each at a fixed estimate. Basis (64-bit HotSpot, compressed references): a map entry is its node
 * (a {@code TreeMap.Entry} of 40 bytes, or a {@code HashMap.Node} of 32 bytes and its table slot), its boxed value
 * (a {@code Long}, 16 bytes) and its own key (a {@code String} of up to 16 Latin-1 characters: 24 bytes and an array of
 * 16 bytes plus the characters, about 56 bytes): {@value #ENTRY} bytes; a map's own fields (a {@code TreeMap} or
 * {@code HashMap} and its empty table) {@value #MAP} bytes; a small object of a few longs and references {@value #OBJECT}
 * bytes. It errs on the large side: strings shared between entries are counted in each.
 */
final class Footprint {

    static final long ENTRY = 112;
    static final long MAP = 64;
    static final long OBJECT = 72;
    /** A string's header and its array's, without the characters. */
    static final long STRING = 40;

    private Footprint() {
    }

    static long of(long objects, long maps, long entries) {
        return objects * OBJECT + maps * MAP + entries * ENTRY;
    }

    /** A string longer than an entry's key estimate allows for, such as a cell named by all its municipalities. */
    static long of(String string) {
        return STRING + string.length();
    }
}

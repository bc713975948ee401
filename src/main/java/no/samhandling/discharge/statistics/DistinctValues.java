package no.samhandling.discharge.statistics;

/**
 * Counts distinct values of two longs (a stay's UUID; a patient's number and 0) without boxing them: an open-addressing
 * hash set that only grows, each value's two halves side by side in one array (one cache line per probe). Counting a
 * year's patients per group at national scale adds some hundred thousand values per answer, where a
 * {@code HashSet<Long>} spent most of the answer's time boxing, hashing and resizing.
 */
final class DistinctValues {

    /** Marks a free slot; the value (0, 0) itself is counted apart. */
    private static final long FREE = 0;

    private long[] slots = new long[2 * 16];
    private int size;
    private boolean zero;

    /** Adds the value; whether it was not yet counted. */
    boolean add(long first, long second) {
        if (first == FREE && second == FREE) {
            boolean added = !zero;
            zero = true;
            return added;
        }
        if (4 * (size + 1) > slots.length) {
            grow();
        }
        int mask = slots.length / 2 - 1;
        for (int slot = slot(first, second, mask); ; slot = (slot + 1) & mask) {
            int at = 2 * slot;
            long high = slots[at];
            long low = slots[at + 1];
            if (high == FREE && low == FREE) {
                slots[at] = first;
                slots[at + 1] = second;
                size++;
                return true;
            }
            if (high == first && low == second) {
                return false;
            }
        }
    }

    /** How many distinct values were added. */
    int size() {
        return size + (zero ? 1 : 0);
    }

    private static int slot(long first, long second, int mask) {
        long mixed = first * 0x9E3779B97F4A7C15L + second * 0xC2B2AE3D27D4EB4FL;
        mixed ^= mixed >>> 31;
        mixed *= 0xBF58476D1CE4E5B9L;
        return (int) (mixed ^ (mixed >>> 32)) & mask;
    }

    private void grow() {
        long[] old = slots;
        slots = new long[old.length * 2];
        size = 0;
        for (int at = 0; at < old.length; at += 2) {
            if (old[at] != FREE || old[at + 1] != FREE) {
                add(old[at], old[at + 1]);
            }
        }
    }
}

package no.samhandling.discharge.statistics;

import java.util.HashSet;
import java.util.Set;
import java.util.function.IntUnaryOperator;

/**
 * Counts the distinct values (two longs: a stay's UUID; a patient's number and 0) of each group (0 …
 * {@code groups − 1}), where nearly every value is in one group only (a patient's days of a year are nearly always in
 * one municipality): one open-addressing table of each value's first group, so a row costs one probe, not one per
 * group and level; the few values seen in further groups are listed on their own. The counts of coarser groups (the
 * partnerships, trusts or the region the groups make up) follow from the same table ({@link #counts(int, IntUnaryOperator)}).
 */
final class DistinctPerGroup {

    private static final long FREE = 0;

    private final int groups;
    private long[] values;
    private int[] firstGroup;
    private int size;
    private boolean zeroSeen;
    private int zeroGroup;
    /** The further groups of values seen in more than one: (value, group), once each. */
    private final Set<Further> further = new HashSet<>();

    private record Further(long first, long second, int group) {
    }

    DistinctPerGroup(int groups, int expectedValues) {
        this.groups = groups;
        int capacity = Integer.highestOneBit(Math.max(16, expectedValues * 2 - 1)) * 2;
        values = new long[2 * capacity];
        firstGroup = new int[capacity];
    }

    void add(long first, long second, int group) {
        if (group < 0 || group >= groups) {
            throw new IllegalArgumentException("group " + group + " of " + groups);
        }
        if (first == FREE && second == FREE) {
            if (!zeroSeen) {
                zeroSeen = true;
                zeroGroup = group;
            } else if (zeroGroup != group) {
                further.add(new Further(first, second, group));
            }
            return;
        }
        if (2 * (size + 1) > firstGroup.length) {
            grow();
        }
        int mask = firstGroup.length - 1;
        for (int slot = slot(first, second, mask); ; slot = (slot + 1) & mask) {
            long high = values[2 * slot];
            long low = values[2 * slot + 1];
            if (high == FREE && low == FREE) {
                values[2 * slot] = first;
                values[2 * slot + 1] = second;
                firstGroup[slot] = group;
                size++;
                return;
            }
            if (high == first && low == second) {
                if (firstGroup[slot] != group) {
                    further.add(new Further(first, second, group));
                }
                return;
            }
        }
    }

    /** Per group, its distinct values. */
    int[] counts() {
        return counts(groups, group -> group);
    }

    /**
     * Per coarser group ({@code coarser} of each group: 0 … {@code coarserGroups − 1}), its distinct values: a value in
     * several groups of one coarser group counts once in it.
     */
    int[] counts(int coarserGroups, IntUnaryOperator coarser) {
        int[] counts = new int[coarserGroups];
        for (int slot = 0; slot < firstGroup.length; slot++) {
            if (values[2 * slot] != FREE || values[2 * slot + 1] != FREE) {
                counts[coarser.applyAsInt(firstGroup[slot])]++;
            }
        }
        if (zeroSeen) {
            counts[coarser.applyAsInt(zeroGroup)]++;
        }
        Set<Further> counted = new HashSet<>();
        for (Further value : further) {
            int group = coarser.applyAsInt(value.group());
            if (group != coarser.applyAsInt(firstGroupOf(value.first(), value.second())) && counted.add(new Further(value.first(), value.second(), group))) {
                counts[group]++;
            }
        }
        return counts;
    }

    private int firstGroupOf(long first, long second) {
        if (first == FREE && second == FREE) {
            return zeroGroup;
        }
        int mask = firstGroup.length - 1;
        for (int slot = slot(first, second, mask); ; slot = (slot + 1) & mask) {
            if (values[2 * slot] == first && values[2 * slot + 1] == second) {
                return firstGroup[slot];
            }
        }
    }

    private static int slot(long first, long second, int mask) {
        long mixed = first * 0x9E3779B97F4A7C15L + second * 0xC2B2AE3D27D4EB4FL;
        mixed ^= mixed >>> 31;
        mixed *= 0xBF58476D1CE4E5B9L;
        return (int) (mixed ^ (mixed >>> 32)) & mask;
    }

    private void grow() {
        long[] oldValues = values;
        int[] oldGroups = firstGroup;
        values = new long[oldValues.length * 2];
        firstGroup = new int[oldGroups.length * 2];
        size = 0;
        int mask = firstGroup.length - 1;
        for (int old = 0; old < oldGroups.length; old++) {
            long high = oldValues[2 * old];
            long low = oldValues[2 * old + 1];
            if (high == FREE && low == FREE) {
                continue;
            }
            int slot = slot(high, low, mask);
            while (values[2 * slot] != FREE || values[2 * slot + 1] != FREE) {
                slot = (slot + 1) & mask;
            }
            values[2 * slot] = high;
            values[2 * slot + 1] = low;
            firstGroup[slot] = oldGroups[old];
            size++;
        }
    }
}

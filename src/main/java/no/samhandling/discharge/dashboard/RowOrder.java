package no.samhandling.discharge.dashboard;

import no.samhandling.discharge.dashboard.StatisticsReading.GroupReading;

import java.math.BigDecimal;
import java.text.Collator;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The table's order: the highest rate per 1000 first, as the health atlas sorts its bars; groups whose rate is
 * hidden (fewer than 5 patients) or unknown after them; ties by name in Norwegian alphabetical order (æ, ø, å last).
 */
final class RowOrder {

    private static final Collator NORWEGIAN = Collator.getInstance(Locale.of("nb", "NO"));

    private RowOrder() {
    }

    static List<GroupReading> byRate(List<GroupReading> groups, Rate rate) {
        Comparator<GroupReading> byRate = Comparator.comparing((GroupReading group) -> group.per1000(rate),
                Comparator.nullsLast(Comparator.<BigDecimal>reverseOrder()));
        return groups.stream().sorted(byRate.thenComparing(GroupReading::name, NORWEGIAN)).toList();
    }
}

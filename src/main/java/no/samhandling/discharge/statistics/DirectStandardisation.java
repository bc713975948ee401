package no.samhandling.discharge.statistics;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Map;
import java.util.Optional;

/**
 * Direct age standardisation (SAMDATA, SKDE's health atlas), by age alone: the population figures have no sex.
 * The rate per 1000 the group would have with the standard population's age structure:
 * Σ over the standard's age groups of (days in the group's age group ÷ its population in it) × that age
 * group's share of the standard population, × 1000. Days of patients of unknown age are not in it (the caller
 * states how many).
 */
public final class DirectStandardisation {

    private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);

    private DirectStandardisation() {
    }

    /**
     * @param days       discharge-ready (or billable) days by age group label
     * @param population the group's inhabitants by age group label (a mean over the range's years may be fractional)
     * @param standard   the standard population by age group label
     * @return per 1000 inhabitants, two decimals; empty when undefined: no standard, or days in an age group the
     * group has no inhabitants in
     */
    public static Optional<BigDecimal> per1000(Map<String, Long> days, Map<String, BigDecimal> population, Map<String, Long> standard) {
        long standardTotal = standard.values().stream().mapToLong(Long::longValue).sum();
        if (standardTotal <= 0) {
            return Optional.empty();
        }
        BigDecimal weighted = BigDecimal.ZERO;
        for (Map.Entry<String, Long> age : standard.entrySet()) {
            long inAge = days.getOrDefault(age.getKey(), 0L);
            BigDecimal inhabitants = population.getOrDefault(age.getKey(), BigDecimal.ZERO);
            if (inAge == 0) {
                continue;
            }
            if (inhabitants.signum() <= 0) {
                return Optional.empty();
            }
            weighted = weighted.add(BigDecimal.valueOf(inAge).multiply(BigDecimal.valueOf(age.getValue()))
                    .divide(inhabitants, MathContext.DECIMAL128));
        }
        return Optional.of(weighted.multiply(THOUSAND).divide(BigDecimal.valueOf(standardTotal), 2, RoundingMode.HALF_UP));
    }
}

package no.samhandling.discharge.dashboard;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** A row's bar: its value as a share of the largest value shown, in whole percent (0–100). */
final class BarScale {

    private BarScale() {
    }

    static int percent(BigDecimal value, BigDecimal largest) {
        if (value == null || largest == null || largest.signum() <= 0) {
            return 0;
        }
        return value.multiply(BigDecimal.valueOf(100)).divide(largest, 0, RoundingMode.HALF_UP).max(BigDecimal.ZERO)
                .min(BigDecimal.valueOf(100)).intValueExact();
    }
}

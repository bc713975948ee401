package no.samhandling.discharge.dashboard;

import no.samhandling.discharge.dashboard.StatisticsReading.GroupReading;

import java.math.BigDecimal;

/** Group figures for the dashboard's unit tests. */
final class Readings {

    private Readings() {
    }

    static GroupReading shown(String key, String name, long days, String crudePer1000) {
        return new GroupReading(key, name, false, false, days, days - 1, 5L, new BigDecimal("1234.50"), 21_000L,
                crudePer1000 == null ? null : new BigDecimal(crudePer1000), null, new BigDecimal("0.4"), null, null, null);
    }

    static GroupReading hidden(String key, String name) {
        return new GroupReading(key, name, true, false, null, null, null, null, 2_000L, null, null, null, null, null, null);
    }

    static GroupReading standardised(String key, String name, String crude, String standardised) {
        return new GroupReading(key, name, false, false, 10L, 8L, 6L, BigDecimal.TEN, 1_000L, new BigDecimal(crude), new BigDecimal(standardised),
                new BigDecimal("-1.25"), new BigDecimal("2.35"), new BigDecimal("150000"), new BigDecimal("90000"));
    }
}

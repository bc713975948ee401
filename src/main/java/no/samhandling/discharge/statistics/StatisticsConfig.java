package no.samhandling.discharge.statistics;

import io.smallrye.config.ConfigMapping;

import java.math.BigDecimal;
import java.util.Map;

/** Settings of the statistics ({@code discharge.statistics.*}); see README's configuration table. */
@ConfigMapping(prefix = "discharge.statistics")
public interface StatisticsConfig {

    /** NOK per bed-day in each hospital trust, by its organisation number: the real cost of a discharge-ready day there. */
    Map<String, BigDecimal> hospitalBedDayCost();

    /** NOK per bed-day at each municipal care level ({@link CareLevel} code). */
    Map<String, BigDecimal> municipalBedDayCost();
}

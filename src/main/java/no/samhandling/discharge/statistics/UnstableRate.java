package no.samhandling.discharge.statistics;

import java.util.ArrayList;
import java.util.List;

/**
 * Whether a group's rate per 1000 inhabitants is too unstable to compare from one period to the next
 * (statistics.md, Privacy: with only 7 of 80 municipalities in Helse Nord above 10 000 inhabitants, the rates of
 * small municipalities swing from year to year). Flagged when either holds:
 * <ul>
 * <li>fewer than {@value #SMALL_POPULATION} inhabitants: a few long stays make the rate;</li>
 * <li>fewer than {@value #FEW_STAYS} stays: a rate from fewer than 20 events has a relative standard error above
 * 22 % (1/√20 for a Poisson count), the limit below which the US National Center for Health Statistics calls a rate
 * unreliable; no Norwegian rule was found.</li>
 * </ul>
 * The stays are only used where they are shown, so the flag tells nothing about a suppressed cell.
 */
public final class UnstableRate {

    public static final long SMALL_POPULATION = 10_000;
    public static final long FEW_STAYS = 20;

    static final String SMALL_POPULATION_REASON = "fewer than 10 000 inhabitants: in a small municipality a few long stays "
            + "make the rate (7 of 80 municipalities in Helse Nord have more)";
    static final String FEW_STAYS_REASON = "fewer than 20 stays: the rate varies by more than 22 % by chance alone";

    /** Unstable or not, and why (null when stable). */
    public record Flag(boolean unstable, String reason) {
        static final Flag STABLE = new Flag(false, null);
    }

    private UnstableRate() {
    }

    /**
     * @param population the denominator, null when unknown
     * @param stays      the stays in the period, null when not shown (suppressed)
     */
    public static Flag of(Long population, Long stays) {
        List<String> reasons = new ArrayList<>();
        if (population != null && population < SMALL_POPULATION) {
            reasons.add(SMALL_POPULATION_REASON);
        }
        if (stays != null && stays < FEW_STAYS) {
            reasons.add(FEW_STAYS_REASON);
        }
        return reasons.isEmpty() ? Flag.STABLE : new Flag(true, String.join("; ", reasons));
    }
}

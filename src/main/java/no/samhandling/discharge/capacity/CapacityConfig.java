package no.samhandling.discharge.capacity;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the capacity capability ({@code discharge.capacity.*}); see README's configuration table. */
@ConfigMapping(prefix = "discharge.capacity")
public interface CapacityConfig {

    /** Published capacity older than this many Europe/Oslo days is flagged stale wherever it is shown. */
    @WithDefault("7")
    int staleAfterDays();

    /** The longest range of days one publication may cover. */
    @WithDefault("31")
    int longestPublicationDays();

    default Staleness staleness() {
        return new Staleness(staleAfterDays());
    }
}

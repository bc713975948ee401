package no.samhandling.discharge.capacity;

import com.fasterxml.jackson.annotation.JsonValue;
import no.samhandling.discharge.codes.Coded;

/**
 * The care levels (omsorgsnivå) a municipality offers places at, in the order of the lowest effective
 * care level (BEON): home care before a short-term bed before a rehabilitation bed, and so on.
 * Codes are those of the CodeSystem {@code http://samhandling.no/fhir/discharge/CodeSystem/care-levels}.
 */
public enum CareLevel implements Coded {
    /** Hjemmetjeneste: home nursing and home help. */
    HOME_CARE("home-care", "Home care (hjemmetjeneste)"),
    /** Korttidsplass. */
    SHORT_TERM_BED("short-term-bed", "Short-term bed (korttidsplass)"),
    /** Rehabiliteringsplass. */
    REHABILITATION_BED("rehabilitation-bed", "Rehabilitation bed (rehabiliteringsplass)"),
    /** Kommunal akutt døgnenhet (KAD / ØHD). */
    MUNICIPAL_ACUTE_BED("municipal-acute-bed", "Municipal acute bed (KAD / ØHD)"),
    /** Langtidsplass i sykehjem. */
    LONG_TERM_NURSING_HOME("long-term-nursing-home", "Long-term nursing home place (langtidsplass)"),
    /** Annet. */
    OTHER("other", "Other (annet)");

    private final String code;
    private final String display;

    CareLevel(String code, String display) {
        this.code = code;
        this.display = display;
    }

    @Override
    @JsonValue
    public String code() {
        return code;
    }

    public String display() {
        return display;
    }
}

package no.samhandling.discharge.statistics;

import com.fasterxml.jackson.annotation.JsonValue;
import no.samhandling.discharge.codes.Coded;
import no.samhandling.discharge.stay.DischargeDestination;

import java.util.Optional;

/**
 * The municipal care levels (omsorgsnivå) a cost per bed-day is configured for, as plain codes (capacity has
 * its own; statistics does not depend on it). A stay's care level is the one its patient was discharged to:
 * the place the municipality offered in the end.
 */
public enum CareLevel implements Coded {
    HOME_CARE("home-care"),
    SHORT_TERM("short-term"),
    REHABILITATION("rehabilitation"),
    KAD("kad"),
    NURSING_HOME("nursing-home"),
    OTHER("other");

    private final String code;

    CareLevel(String code) {
        this.code = code;
    }

    @Override
    @JsonValue
    public String code() {
        return code;
    }

    /** Home, another hospital and death are no municipal care level: their days have no municipal bed cost. */
    public static Optional<CareLevel> ofDestination(DischargeDestination destination) {
        if (destination == null) {
            return Optional.empty();
        }
        return switch (destination) {
            case HOME_CARE -> Optional.of(HOME_CARE);
            case SHORT_TERM_BED -> Optional.of(SHORT_TERM);
            case NURSING_HOME -> Optional.of(NURSING_HOME);
            case BED_POOL, OTHER -> Optional.of(OTHER);
            case HOME, OTHER_HOSPITAL, DECEASED -> Optional.empty();
        };
    }
}

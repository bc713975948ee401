package no.samhandling.discharge.dashboard;

import com.fasterxml.jackson.annotation.JsonValue;
import no.samhandling.discharge.codes.Coded;

/** Which rate per 1000 inhabitants the table sorts and draws by. */
public enum Rate implements Coded {
    CRUDE("crude", "ujustert"),
    AGE_STANDARDISED("age-standardised", "aldersstandardisert");

    private final String code;
    final String label;

    Rate(String code, String label) {
        this.code = code;
        this.label = label;
    }

    @Override
    @JsonValue
    public String code() {
        return code;
    }
}

package no.samhandling.discharge.statistics;

import com.fasterxml.jackson.annotation.JsonValue;
import no.samhandling.discharge.codes.Coded;

/** The answer's format when the Accept header cannot say it (a link in a browser or a spreadsheet). */
public enum Format implements Coded {
    JSON("json"),
    CSV("csv");

    private final String code;

    Format(String code) {
        this.code = code;
    }

    @Override
    @JsonValue
    public String code() {
        return code;
    }
}

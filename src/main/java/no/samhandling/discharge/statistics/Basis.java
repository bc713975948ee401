package no.samhandling.discharge.statistics;

import com.fasterxml.jackson.annotation.JsonValue;
import no.samhandling.discharge.codes.Coded;

/** Whose days they are: the paying municipality's (the bill) or the residence municipality's (SAMDATA's basis). */
public enum Basis implements Coded {
    PAYING("paying", "paying_municipality"),
    RESIDENCE("residence", "residence_municipality");

    private final String code;
    final String column;

    Basis(String code, String column) {
        this.code = code;
        this.column = column;
    }

    @Override
    @JsonValue
    public String code() {
        return code;
    }
}

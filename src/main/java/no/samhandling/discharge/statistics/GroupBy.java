package no.samhandling.discharge.statistics;

import com.fasterxml.jackson.annotation.JsonValue;
import no.samhandling.discharge.codes.Coded;

/**
 * What the statistics group by. Every grouping goes through the municipality (paying or residence, by the
 * basis): a hospital trust is its catchment area (the municipalities it serves), not the hospital that
 * treated the patient, so that every group has a population to divide by.
 */
public enum GroupBy implements Coded {
    MUNICIPALITY("municipality", "m.number", "m.name"),
    HEALTH_PARTNERSHIP("health-partnership", "m.health_partnership", "hp.name"),
    HOSPITAL_TRUST("hospital-trust", "m.hospital_trust", "ht.name"),
    REGION("region", "'helse-nord'", "'Helse Nord'");

    private final String code;
    final String keySql;
    final String nameSql;

    GroupBy(String code, String keySql, String nameSql) {
        this.code = code;
        this.keySql = keySql;
        this.nameSql = nameSql;
    }

    @Override
    @JsonValue
    public String code() {
        return code;
    }
}

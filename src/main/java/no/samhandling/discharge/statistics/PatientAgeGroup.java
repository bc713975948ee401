package no.samhandling.discharge.statistics;

import no.samhandling.discharge.reference.AgeGroup;

import java.time.LocalDate;
import java.time.Period;

/** The age group (of the population figures) a patient counts in: their age on the day of the period's declaration. */
public final class PatientAgeGroup {

    /** A patient without a known birth date (felles hjelpenummer) or born after the date. */
    public static final String UNKNOWN = "unknown";

    private PatientAgeGroup() {
    }

    /** The label of {@link AgeGroup}, or {@link #UNKNOWN}. */
    public static String of(LocalDate birthDate, LocalDate on) {
        if (birthDate == null || birthDate.isAfter(on)) {
            return UNKNOWN;
        }
        return ofAge(Period.between(birthDate, on).getYears()).label();
    }

    static AgeGroup ofAge(int years) {
        if (years < 18) {
            return AgeGroup.AGE_0_17;
        }
        if (years < 30) {
            return AgeGroup.AGE_18_29;
        }
        if (years < 50) {
            return AgeGroup.AGE_30_49;
        }
        if (years < 67) {
            return AgeGroup.AGE_50_66;
        }
        if (years < 80) {
            return AgeGroup.AGE_67_79;
        }
        if (years < 90) {
            return AgeGroup.AGE_80_89;
        }
        return AgeGroup.AGE_90_PLUS;
    }
}

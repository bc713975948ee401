package no.samhandling.discharge.stay;

import com.fasterxml.jackson.annotation.JsonValue;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;

/**
 * A Norwegian person identifier: fødselsnummer, D-nummer or felles hjelpenummer (HL7 Norway no-basis
 * systems). Personal data: it lives in the stay's row only, never in a URL, log line, key or message.
 */
public record PersonIdentifier(Kind kind, String value) {

    public enum Kind {
        FODSELSNUMMER("fodselsnummer", "urn:oid:2.16.578.1.12.4.1.4.1"),
        D_NUMMER("d-nummer", "urn:oid:2.16.578.1.12.4.1.4.2"),
        FELLES_HJELPENUMMER("felles-hjelpenummer", "urn:oid:2.16.578.1.12.4.1.4.3");

        private final String code;
        private final String fhirSystem;

        Kind(String code, String fhirSystem) {
            this.code = code;
            this.fhirSystem = fhirSystem;
        }

        @JsonValue
        public String code() {
            return code;
        }

        public String fhirSystem() {
            return fhirSystem;
        }
    }

    private static final int SYNTHETIC_MONTH_OFFSET = 80;
    private static final int[] FIRST_CHECK_WEIGHTS = {3, 7, 6, 1, 8, 9, 4, 5, 2};
    private static final int[] SECOND_CHECK_WEIGHTS = {5, 4, 3, 2, 7, 6, 5, 4, 3, 2};

    @Override
    public String toString() {
        return kind.code + ":***********";
    }

    /**
     * Reads an 11-digit identifier and tells which kind it is. Accepts both the check-digit rule in
     * force and the one for numbers issued from 2032, where the first check digit may leave a
     * remainder of 0 to 3 (Skatteetaten's new fødselsnummer); the second check digit is unchanged.
     *
     * @return empty when it is not a valid identifier of any kind
     */
    public static Optional<PersonIdentifier> parse(String value) {
        if (value == null || !value.matches("[0-9]{11}")) {
            return Optional.empty();
        }
        int[] digits = value.chars().map(c -> c - '0').toArray();
        if (!checkDigitsValid(digits)) {
            return Optional.empty();
        }
        int firstDigit = digits[0];
        if (firstDigit >= 8) {
            return Optional.of(new PersonIdentifier(Kind.FELLES_HJELPENUMMER, value));
        }
        int day = digits[0] * 10 + digits[1];
        Kind kind = Kind.FODSELSNUMMER;
        if (firstDigit >= 4) {
            kind = Kind.D_NUMMER;
            day -= 40;
        }
        int month = digits[2] * 10 + digits[3];
        if (month > 12) {
            // Skatteetaten's synthetic test persons (Tenor) add 80 to the month: never a real person, valid check digits.
            month -= SYNTHETIC_MONTH_OFFSET;
        }
        // From 2032 the month no longer encodes anything else; H-numbers (+40 on the month) are not accepted here.
        if (!isDate(day, month)) {
            return Optional.empty();
        }
        return Optional.of(new PersonIdentifier(kind, value));
    }

    /**
     * The birth date the number encodes: DDMMYY, the century from the individual number (digits 7-9) as
     * Skatteetaten assigns them (000-499: 1900-1999; 500-749 with YY 54-99: 1854-1899; 500-999 with YY
     * 00-39: 2000-2039; 900-999 with YY 40-99: 1940-1999). A D-nummer adds 4 to the first digit; synthetic
     * test numbers (Skatteetaten's test population) add 8 to the third, H-numbers 4. Empty for a felles
     * hjelpenummer, which encodes no birth date, and for a combination no rule assigns.
     */
    public Optional<LocalDate> birthDate() {
        if (kind == Kind.FELLES_HJELPENUMMER) {
            return Optional.empty();
        }
        int day = Integer.parseInt(value.substring(0, 2)) % 40;
        int month = Integer.parseInt(value.substring(2, 4)) % 40;
        int year = Integer.parseInt(value.substring(4, 6));
        int individual = Integer.parseInt(value.substring(6, 9));
        Integer century = century(individual, year);
        if (century == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.of(century + year, month, day));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private static Integer century(int individual, int year) {
        if (individual < 500) {
            return 1900;
        }
        if (year < 40) {
            return 2000;
        }
        if (individual >= 900) {
            return 1900;
        }
        if (individual < 750 && year >= 54) {
            return 1800;
        }
        return null;
    }

    private static boolean checkDigitsValid(int[] digits) {
        int first = 0;
        for (int i = 0; i < 9; i++) {
            first += FIRST_CHECK_WEIGHTS[i] * digits[i];
        }
        first += digits[9];
        if (first % 11 > 3) {
            return false;
        }
        int second = 0;
        for (int i = 0; i < 10; i++) {
            second += SECOND_CHECK_WEIGHTS[i] * digits[i];
        }
        second += digits[10];
        return second % 11 == 0;
    }

    private static boolean isDate(int day, int month) {
        try {
            LocalDate.of(2000, month, day); // a leap year: 29 February is a valid birth date
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }
}

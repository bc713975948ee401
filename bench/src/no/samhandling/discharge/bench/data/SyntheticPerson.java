package no.samhandling.discharge.bench.data;

import java.time.LocalDate;
import java.util.SplittableRandom;

/**
 * Synthetic fødselsnummer as Skatteetaten issues them for test persons (Tenor): the birth month plus 80,
 * so no real person can have one, with the individual number of the birth century and valid check digits.
 */
public final class SyntheticPerson {

    private static final int[] FIRST = {3, 7, 6, 1, 8, 9, 4, 5, 2};
    private static final int[] SECOND = {5, 4, 3, 2, 7, 6, 5, 4, 3, 2};

    private SyntheticPerson() {
    }

    public static String fodselsnummer(LocalDate birth, SplittableRandom random) {
        while (true) {
            // 1900-1999: individual numbers 000-499; 2000-2039: 500-999.
            int individual = birth.getYear() < 2000 ? random.nextInt(500) : 500 + random.nextInt(500);
            String nine = "%02d%02d%02d%03d".formatted(birth.getDayOfMonth(), birth.getMonthValue() + 80, birth.getYear() % 100, individual);
            String withChecks = withCheckDigits(nine);
            if (withChecks != null) {
                return withChecks;
            }
        }
    }

    /** The two mod-11 check digits; null when one would be 10 (no such number). */
    static String withCheckDigits(String nine) {
        int first = checkDigit(nine, FIRST);
        if (first == 10) {
            return null;
        }
        int second = checkDigit(nine + first, SECOND);
        return second == 10 ? null : nine + first + second;
    }

    private static int checkDigit(String digits, int[] weights) {
        int sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += weights[i] * (digits.charAt(i) - '0');
        }
        return (11 - sum % 11) % 11;
    }
}

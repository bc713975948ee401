package no.samhandling.discharge.testsupport;

import java.util.concurrent.ThreadLocalRandom;

/** Synthetic, valid person identifiers for tests (random birth dates, correct check digits). */
public final class TestPatients {

    private static final int[] FIRST = {3, 7, 6, 1, 8, 9, 4, 5, 2};
    private static final int[] SECOND = {5, 4, 3, 2, 7, 6, 5, 4, 3, 2};

    private TestPatients() {
    }

    public static String fodselsnummer() {
        return withCheckDigits(random -> String.format("%02d%02d%02d%03d", 1 + random.nextInt(28), 1 + random.nextInt(12),
                random.nextInt(100), random.nextInt(1000)));
    }

    /** A fødselsnummer of someone born on the day (1900 to 2039). */
    public static String fodselsnummer(java.time.LocalDate born) {
        int century = born.getYear() < 2000 ? 0 : 500;
        return withCheckDigits(random -> String.format("%02d%02d%02d%03d", born.getDayOfMonth(), born.getMonthValue(), born.getYear() % 100,
                century + random.nextInt(500)));
    }

    /** A D-nummer: 4 added to the first digit of the day of birth. */
    public static String dNummer() {
        return withCheckDigits(random -> String.format("%02d%02d%02d%03d", 41 + random.nextInt(28), 1 + random.nextInt(12),
                random.nextInt(100), random.nextInt(1000)));
    }

    /** A felles hjelpenummer: first digit 8 or 9, no birth date in it. */
    public static String fellesHjelpenummer() {
        return withCheckDigits(random -> String.format("%d%08d", 8 + random.nextInt(2), random.nextInt(100_000_000)));
    }

    private static String withCheckDigits(java.util.function.Function<ThreadLocalRandom, String> firstNine) {
        while (true) {
            String nine = firstNine.apply(ThreadLocalRandom.current());
            int k1 = check(nine, FIRST);
            int k2 = check(nine + k1, SECOND);
            if (k1 != 10 && k2 != 10) {
                return nine + k1 + k2;
            }
        }
    }

    private static int check(String digits, int[] weights) {
        int sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += weights[i] * (digits.charAt(i) - '0');
        }
        return (11 - sum % 11) % 11;
    }
}

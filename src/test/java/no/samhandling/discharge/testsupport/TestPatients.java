package no.samhandling.discharge.testsupport;

import java.util.concurrent.ThreadLocalRandom;

/** Synthetic, valid fødselsnumre for tests (random birth dates, correct check digits). */
public final class TestPatients {

    private static final int[] FIRST = {3, 7, 6, 1, 8, 9, 4, 5, 2};
    private static final int[] SECOND = {5, 4, 3, 2, 7, 6, 5, 4, 3, 2};

    private TestPatients() {
    }

    public static String fodselsnummer() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        while (true) {
            String nine = String.format("%02d%02d%02d%03d", 1 + random.nextInt(28), 1 + random.nextInt(12),
                    random.nextInt(100), random.nextInt(1000));
            int k1 = check(nine, FIRST);
            if (k1 == 10) {
                continue;
            }
            int k2 = check(nine + k1, SECOND);
            if (k2 != 10) {
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

package no.samhandling.discharge.stay;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PersonIdentifierTest {

    /** Builds an identifier with correct classic check digits from the first nine digits. */
    static String withCheckDigits(String nine) {
        int[] w1 = {3, 7, 6, 1, 8, 9, 4, 5, 2};
        int[] w2 = {5, 4, 3, 2, 7, 6, 5, 4, 3, 2};
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += w1[i] * (nine.charAt(i) - '0');
        }
        int k1 = (11 - sum % 11) % 11;
        String ten = nine + k1;
        sum = 0;
        for (int i = 0; i < 10; i++) {
            sum += w2[i] * (ten.charAt(i) - '0');
        }
        int k2 = (11 - sum % 11) % 11;
        return k1 == 10 || k2 == 10 ? null : ten + k2;
    }

    @Test
    void acceptsAValidFodselsnummer() {
        String fnr = withCheckDigits("010190100");
        assertThat(PersonIdentifier.parse(fnr)).get().extracting(PersonIdentifier::kind).isEqualTo(PersonIdentifier.Kind.FODSELSNUMMER);
    }

    @Test
    void refusesAWrongCheckDigit() {
        String fnr = withCheckDigits("010190100");
        String wrong = fnr.substring(0, 10) + ((fnr.charAt(10) - '0' + 1) % 10);
        assertThat(PersonIdentifier.parse(wrong)).isEmpty();
    }

    @Test
    void recognisesADNummerByItsFirstDigit() {
        String dnr = withCheckDigits("410190101");
        assertThat(PersonIdentifier.parse(dnr)).get().extracting(PersonIdentifier::kind).isEqualTo(PersonIdentifier.Kind.D_NUMMER);
    }

    @Test
    void recognisesAFellesHjelpenummer() {
        String fh = withCheckDigits("812345100");
        assertThat(fh).isNotNull();
        assertThat(PersonIdentifier.parse(fh)).get().extracting(PersonIdentifier::kind)
                .isEqualTo(PersonIdentifier.Kind.FELLES_HJELPENUMMER);
    }

    @Test
    void refusesImpossibleDatesAndWrongLengths() {
        assertThat(PersonIdentifier.parse(withCheckDigits("320190101"))).isEmpty();
        assertThat(PersonIdentifier.parse(withCheckDigits("011390100"))).isEmpty();
        assertThat(PersonIdentifier.parse("1234567890")).isEmpty();
        assertThat(PersonIdentifier.parse("0101901234x")).isEmpty();
        assertThat(PersonIdentifier.parse(null)).isEmpty();
    }

    @Test
    void acceptsTheRelaxedFirstCheckDigitOfNumbersFrom2032() {
        // Remainder 1 on the first check digit: invalid before 2032, valid under the new rule.
        String nine = "010190100";
        int[] w1 = {3, 7, 6, 1, 8, 9, 4, 5, 2};
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += w1[i] * (nine.charAt(i) - '0');
        }
        int classic = (11 - sum % 11) % 11;
        int relaxed = (classic + 1) % 11;
        if (relaxed == 10) {
            relaxed = (classic + 2) % 11;
        }
        String ten = nine + relaxed;
        int[] w2 = {5, 4, 3, 2, 7, 6, 5, 4, 3, 2};
        int sum2 = 0;
        for (int i = 0; i < 10; i++) {
            sum2 += w2[i] * (ten.charAt(i) - '0');
        }
        int k2 = (11 - sum2 % 11) % 11;
        if (k2 != 10) {
            assertThat(PersonIdentifier.parse(ten + k2)).isPresent();
        }
        String remainderFour = nine + ((classic + 4) % 11 == 10 ? (classic + 5) % 11 : (classic + 4) % 11);
        assertThat(PersonIdentifier.parse(remainderFour + "0")).isEmpty();
    }

    @Test
    void neverPrintsTheNumber() {
        String fnr = withCheckDigits("010190100");
        assertThat(PersonIdentifier.parse(fnr).orElseThrow().toString()).doesNotContain(fnr.substring(0, 6));
    }
}

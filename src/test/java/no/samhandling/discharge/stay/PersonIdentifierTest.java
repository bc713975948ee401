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
    void acceptsSkatteetatensSyntheticNumbersWithEightyAddedToTheMonth() {
        assertThat(PersonIdentifier.parse(withCheckDigits("018190100"))).get().extracting(PersonIdentifier::kind)
                .isEqualTo(PersonIdentifier.Kind.FODSELSNUMMER);
        assertThat(PersonIdentifier.parse(withCheckDigits("319290100"))).get().extracting(PersonIdentifier::kind)
                .isEqualTo(PersonIdentifier.Kind.FODSELSNUMMER);
        assertThat(PersonIdentifier.parse(withCheckDigits("418190101"))).get().extracting(PersonIdentifier::kind)
                .isEqualTo(PersonIdentifier.Kind.D_NUMMER);
        // Month 80 and 93 are 0 and 13 after the offset, 30 February no date at all.
        assertThat(withCheckDigits("019390101")).isNotNull();
        assertThat(PersonIdentifier.parse(withCheckDigits("018090100"))).isEmpty();
        assertThat(PersonIdentifier.parse(withCheckDigits("019390101"))).isEmpty();
        assertThat(PersonIdentifier.parse(withCheckDigits("308290100"))).isEmpty();
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

    @Test
    void theFirstCheckDigitMayLeaveARemainderOfUpToThreeUnderThe2032RuleButNotFour() {
        // 231285456 with first check digit 4 leaves remainder 3, with 5 remainder 4; both second check digits fit.
        assertThat(PersonIdentifier.parse("23128545646")).isPresent();
        assertThat(PersonIdentifier.parse("23128545654")).isEmpty();
    }

    @Test
    void theFirstCheckDigitIsPartOfItsOwnWeightedSum() {
        // The weighted sum of the nine digits plus the check digit itself must leave remainder 0 to 3.
        assertThat(PersonIdentifier.parse("15037712377")).isPresent();
        // Second check digit fits, first does not (remainder 8): subtracting the check digit would leave 0.
        assertThat(PersonIdentifier.parse("15037712342")).isEmpty();
    }

    @Test
    void eachKindHasItsCodeAndTheFhirIdentifierSystemOfHl7Norway() {
        assertThat(PersonIdentifier.Kind.FODSELSNUMMER.code()).isEqualTo("fodselsnummer");
        assertThat(PersonIdentifier.Kind.FODSELSNUMMER.fhirSystem()).isEqualTo("urn:oid:2.16.578.1.12.4.1.4.1");
        assertThat(PersonIdentifier.Kind.D_NUMMER.code()).isEqualTo("d-nummer");
        assertThat(PersonIdentifier.Kind.D_NUMMER.fhirSystem()).isEqualTo("urn:oid:2.16.578.1.12.4.1.4.2");
        assertThat(PersonIdentifier.Kind.FELLES_HJELPENUMMER.code()).isEqualTo("felles-hjelpenummer");
        assertThat(PersonIdentifier.Kind.FELLES_HJELPENUMMER.fhirSystem()).isEqualTo("urn:oid:2.16.578.1.12.4.1.4.3");
    }

    @Test
    void printsItsKindAndMasksEveryDigit() {
        assertThat(PersonIdentifier.parse("15037712377").orElseThrow().toString()).isEqualTo("fodselsnummer:***********");
    }

    private static java.util.Optional<java.time.LocalDate> born(String value) {
        return new PersonIdentifier(PersonIdentifier.Kind.FODSELSNUMMER, value).birthDate();
    }

    @Test
    void theIndividualNumberGivesTheCenturyOfTheBirthDate() {
        assertThat(born("01015012345")).contains(java.time.LocalDate.of(1950, 1, 1));
        assertThat(born("01015049945")).contains(java.time.LocalDate.of(1950, 1, 1));
        assertThat(born("01013950045")).contains(java.time.LocalDate.of(2039, 1, 1));
        assertThat(born("01010099945")).contains(java.time.LocalDate.of(2000, 1, 1));
        assertThat(born("01014090045")).contains(java.time.LocalDate.of(1940, 1, 1));
        assertThat(born("01015474945")).contains(java.time.LocalDate.of(1854, 1, 1));
    }

    @Test
    void aCombinationNoCenturyRuleAssignsHasNoBirthDate() {
        assertThat(born("01014050045")).isEmpty();
        assertThat(born("01014089945")).isEmpty();
        assertThat(born("01015475045")).isEmpty();
        assertThat(born("01015374945")).isEmpty();
    }

    @Test
    void dNummerSyntheticAndHNumbersCarryTheBirthDateShifted() {
        assertThat(new PersonIdentifier(PersonIdentifier.Kind.D_NUMMER, "71125012345").birthDate()).contains(java.time.LocalDate.of(1950, 12, 31));
        assertThat(born("01815012345")).contains(java.time.LocalDate.of(1950, 1, 1));
        assertThat(born("01525012345")).contains(java.time.LocalDate.of(1950, 12, 1));
        assertThat(born("15410012345")).contains(java.time.LocalDate.of(1900, 1, 15));
    }

    @Test
    void aFellesHjelpenummerAndAnImpossibleDateHaveNoBirthDate() {
        assertThat(new PersonIdentifier(PersonIdentifier.Kind.FELLES_HJELPENUMMER, "81015012345").birthDate()).isEmpty();
        assertThat(born("30025012345")).isEmpty();
        assertThat(born("29020010045")).isEmpty();
        assertThat(born("29020410045")).contains(java.time.LocalDate.of(1904, 2, 29));
    }
}

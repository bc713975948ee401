package no.samhandling.discharge.capacity;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CareNeedsTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "Hjemmesykepleie morgen og kveld | home-care",
            "Behov for hjemmetjenester | home-care",
            "Hjemmebaserte tjenester | home-care",
            "Hjemmehjelp | home-care",
            "Praktisk bistand i hjemmet | home-care",
            "home care twice a day | home-care",
            "Home-care | home-care",
            "Korttidsplass | short-term-bed",
            "korttidsopphold for observasjon | short-term-bed",
            "Avlastningsopphold | short-term-bed",
            "short-term-bed | short-term-bed",
            "short term stay | short-term-bed",
            "Rehabiliteringsplass | rehabilitation-bed",
            "Opptrening etter hoftebrudd | rehabilitation-bed",
            "rehabilitation-bed | rehabilitation-bed",
            "KAD | municipal-acute-bed",
            "KAD-seng | municipal-acute-bed",
            "ØHD-plass | municipal-acute-bed",
            "øhd | municipal-acute-bed",
            "Kommunal øyeblikkelig hjelp | municipal-acute-bed",
            "Øyeblikkelig-hjelp-seng | municipal-acute-bed",
            "kommunal akuttenhet | municipal-acute-bed",
            "municipal-acute-bed | municipal-acute-bed",
            "municipal acute | municipal-acute-bed",
            "Langtidsplass | long-term-nursing-home",
            "Søkt sykehjemsplass | long-term-nursing-home",
            "long-term-nursing-home | long-term-nursing-home",
            "long term | long-term-nursing-home",
            "nursing home | long-term-nursing-home",
            "Nursing-home | long-term-nursing-home"})
    void eachTermNamesItsCareLevel(String needs, String level) {
        CareNeeds.Need need = CareNeeds.of(needs);
        assertThat(need.level().code()).isEqualTo(level);
        assertThat(need.recognised()).isTrue();
        assertThat(need.terms()).isNotEmpty().allSatisfy(term -> assertThat(needs.toLowerCase()).contains(term));
    }

    @Test
    void theNeedIsTheHighestLevelNamedWithTheTermsInTheOrderTheyAppear() {
        CareNeeds.Need need = CareNeeds.of("Rehabilitering, deretter hjemmesykepleie; rehabilitering i 3 uker");
        assertThat(need.level()).isEqualTo(CareLevel.REHABILITATION_BED);
        assertThat(need.terms()).containsExactly("rehabilitering", "hjemmesykepleie");
    }

    @Test
    void aLowerTermAfterAHigherOneDoesNotLowerTheNeed() {
        assertThat(CareNeeds.of("Langtidsplass, i mellomtiden korttidsplass").level()).isEqualTo(CareLevel.LONG_TERM_NURSING_HOME);
        assertThat(CareNeeds.of("KAD, så hjemmesykepleie").level()).isEqualTo(CareLevel.MUNICIPAL_ACUTE_BED);
    }

    @Test
    void termsCountAtTheStartOfAWordOnly() {
        assertThat(CareNeeds.of("Skadet kne, skade i hofte").recognised()).isFalse();
        assertThat(CareNeeds.of("Kadett").recognised()).isFalse();
        assertThat(CareNeeds.of("ukorttid").recognised()).isFalse();
        assertThat(CareNeeds.of("2korttidsplass").recognised()).isFalse();
        assertThat(CareNeeds.of("KAD2").recognised()).isFalse();
        assertThat(CareNeeds.of("(korttidsplass)").level()).isEqualTo(CareLevel.SHORT_TERM_BED);
    }

    @Test
    void aNursingHomeAloneIsNoTermSinceShortTermPlacesAreInNursingHomesToo() {
        assertThat(CareNeeds.of("Sykehjem").recognised()).isFalse();
        assertThat(CareNeeds.of("Korttidsplass på sykehjem").level()).isEqualTo(CareLevel.SHORT_TERM_BED);
    }

    @Test
    void needsThatNameNoTermAreUnknownAndStartAtTheLowestLevel() {
        for (String text : new String[] {null, "", "   ", "Trenger tilsyn", "Sykehjem"}) {
            CareNeeds.Need need = CareNeeds.of(text);
            assertThat(need.recognised()).as(text).isFalse();
            assertThat(need.level()).as(text).isEqualTo(CareLevel.HOME_CARE);
            assertThat(need.terms()).as(text).isEmpty();
        }
    }

    @Test
    void termsAreFoundInAnyCase() {
        assertThat(CareNeeds.of("KORTTIDSPLASS").terms()).containsExactly("korttidsplass");
        assertThat(CareNeeds.of("ØYEBLIKKELIG HJELP").level()).isEqualTo(CareLevel.MUNICIPAL_ACUTE_BED);
    }

    @Test
    void theDeclarationsNeedsComeBeforeTheAdmissionNoticesExpectedNeeds() {
        assertThat(CareNeeds.stated("Rehabilitering", "Hjemmesykepleie")).isEqualTo("Rehabilitering");
        assertThat(CareNeeds.stated(null, "Hjemmesykepleie")).isEqualTo("Hjemmesykepleie");
        assertThat(CareNeeds.stated("  ", "Hjemmesykepleie")).isEqualTo("Hjemmesykepleie");
        assertThat(CareNeeds.stated(null, null)).isNull();
        assertThat(CareNeeds.stated(null, " ")).isNull();
        assertThat(CareNeeds.stated("", "")).isNull();
    }

    @Test
    void theTermsOfANeedCannotBeChangedAfterwards() {
        List<String> terms = new java.util.ArrayList<>(List.of("korttidsplass"));
        CareNeeds.Need need = new CareNeeds.Need(CareLevel.SHORT_TERM_BED, true, terms);
        terms.add("langtidsplass");
        assertThat(need.terms()).containsExactly("korttidsplass");
    }

    @Property
    void addingTextNeverLowersTheNeed(@ForAll String before, @ForAll String after) {
        CareNeeds.Need alone = CareNeeds.of(before);
        CareNeeds.Need more = CareNeeds.of(before + " " + after);
        if (alone.recognised()) {
            assertThat(more.recognised()).isTrue();
            assertThat(more.level()).isGreaterThanOrEqualTo(alone.level());
        }
    }

    @Property
    void aNeedIsNeverAtTheLevelOther(@ForAll String text) {
        assertThat(CareNeeds.of(text).level()).isNotEqualTo(CareLevel.OTHER);
    }
}

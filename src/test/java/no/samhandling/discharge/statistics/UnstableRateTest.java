package no.samhandling.discharge.statistics;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UnstableRateTest {

    @Test
    void aMunicipalityOfTenThousandWithTwentyStaysHasAStableRate() {
        assertThat(UnstableRate.of(10_000L, 20L)).isEqualTo(new UnstableRate.Flag(false, null));
    }

    @Test
    void fewerThanTenThousandInhabitantsMakeTheRateUnstable() {
        UnstableRate.Flag flag = UnstableRate.of(9_999L, 500L);
        assertThat(flag.unstable()).isTrue();
        assertThat(flag.reason()).isEqualTo(UnstableRate.SMALL_POPULATION_REASON).contains("10 000 inhabitants");
    }

    @Test
    void fewerThanTwentyStaysMakeTheRateUnstable() {
        UnstableRate.Flag flag = UnstableRate.of(52_000L, 19L);
        assertThat(flag.unstable()).isTrue();
        assertThat(flag.reason()).isEqualTo(UnstableRate.FEW_STAYS_REASON).contains("20 stays");
    }

    @Test
    void bothReasonsAreGivenWhenBothHold() {
        assertThat(UnstableRate.of(7_428L, 2L).reason())
                .isEqualTo(UnstableRate.SMALL_POPULATION_REASON + "; " + UnstableRate.FEW_STAYS_REASON);
    }

    @Test
    void aSuppressedCellIsJudgedByItsPopulationAloneAndAnUnknownPopulationByItsStaysAlone() {
        assertThat(UnstableRate.of(12_000L, null)).isEqualTo(new UnstableRate.Flag(false, null));
        assertThat(UnstableRate.of(7_428L, null)).isEqualTo(new UnstableRate.Flag(true, UnstableRate.SMALL_POPULATION_REASON));
        assertThat(UnstableRate.of(null, 40L)).isEqualTo(new UnstableRate.Flag(false, null));
        assertThat(UnstableRate.of(null, 3L)).isEqualTo(new UnstableRate.Flag(true, UnstableRate.FEW_STAYS_REASON));
    }
}

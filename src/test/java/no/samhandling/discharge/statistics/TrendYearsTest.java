package no.samhandling.discharge.statistics;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TrendYearsTest {

    private static DateRange range(String from, String to) {
        return new DateRange(LocalDate.parse(from), LocalDate.parse(to));
    }

    @Test
    void aRangeIsCutAtEveryTurnOfTheYearAndNowhereElse() {
        assertThat(DischargeReadyDayTrend.years(range("2023-04-01", "2025-06-30")))
                .containsExactly(range("2023-04-01", "2023-12-31"), range("2024-01-01", "2024-12-31"), range("2025-01-01", "2025-06-30"));
        assertThat(DischargeReadyDayTrend.years(range("2024-02-01", "2024-02-29"))).containsExactly(range("2024-02-01", "2024-02-29"));
        assertThat(DischargeReadyDayTrend.years(range("2016-01-01", "2025-12-31"))).hasSize(10)
                .allSatisfy(year -> assertThat(List.of(year.from().getMonthValue(), year.to().getMonthValue())).containsExactly(1, 12));
    }
}

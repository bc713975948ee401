package no.samhandling.discharge.statistics;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import no.samhandling.discharge.statistics.StatisticsViews.DischargeReadyDayStatistics;
import no.samhandling.discharge.statistics.StatisticsViews.Trend;
import no.samhandling.discharge.testsupport.DischargeReadyStays;
import no.samhandling.discharge.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What is kept: the same question in the same state is answered by the very answer computed the first time, until a
 * change of its months or of the reference data is committed. July 2018.
 */
@QuarkusTest
class KeptWholeAnswerTest {

    private static final DateRange JULY_2018 = new DateRange(LocalDate.of(2018, 7, 1), LocalDate.of(2018, 7, 31));

    @Inject
    StatisticsAnswers answers;

    @Inject
    DischargeReadyDayTrend trends;

    @Inject
    DischargeReadyDays statistics;

    @Inject
    DataSource dataSource;

    @Test
    void theSameQuestionInTheSameStateIsAnsweredByTheAnswerKeptUntilItsMonthsChange() {
        int standard = statistics.defaultStandardPopulationYear();
        DischargeReadyDays.Query table = new DischargeReadyDays.Query(GroupBy.HEALTH_PARTNERSHIP, Basis.PAYING, JULY_2018, null, null, null,
                false, standard, true);
        // Unprotected (an administrator's), so the region's days are shown however few.
        DischargeReadyDayTrend.Query trend = new DischargeReadyDayTrend.Query(GroupBy.REGION, Basis.PAYING, Interval.MONTH, JULY_2018, null, null,
                standard, false);
        DischargeReadyDayStatistics answer = answers.answer(table);
        Trend series = trends.query(trend);
        assertThat(answers.answer(table)).isSameAs(answer);
        assertThat(trends.query(trend)).isSameAs(series);

        DischargeReadyStays.waitedDays(TestTokens.ward(StatisticsResourceTest.HELGELANDSSYKEHUSET), "1804", LocalDate.of(2018, 7, 10), 2);

        DischargeReadyDayStatistics afterAStay = answers.answer(table);
        Trend seriesAfterAStay = trends.query(trend);
        assertThat(afterAStay).isNotSameAs(answer);
        assertThat(seriesAfterAStay.groups().getFirst().points().getFirst().dischargeReadyDays())
                .isEqualTo(series.groups().getFirst().points().getFirst().dischargeReadyDays() + 2);
        assertThat(answers.answer(table)).isSameAs(afterAStay);
    }

    @Test
    void everyStatementOnTheReferenceDataTheAnswersReadRaisesTheirVersion() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String change : List.of("UPDATE municipality SET name = name WHERE false", "UPDATE health_partnership SET name = name WHERE false",
                    "UPDATE hospital_trust SET name = name WHERE false", "UPDATE population SET inhabitants = inhabitants WHERE false",
                    "UPDATE daily_rate SET nok_per_day = nok_per_day WHERE false")) {
                long before = version(statement);
                statement.executeUpdate(change);
                assertThat(version(statement)).as(change).isEqualTo(before + 1);
            }
        }
    }

    private static long version(Statement statement) throws SQLException {
        try (ResultSet result = statement.executeQuery("SELECT version FROM statistics_reference_version")) {
            result.next();
            return result.getLong(1);
        }
    }
}

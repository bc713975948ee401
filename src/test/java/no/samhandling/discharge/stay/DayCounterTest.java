package no.samhandling.discharge.stay;

import no.samhandling.discharge.stay.StayEvent.Assessment;
import no.samhandling.discharge.stay.StayEvent.FollowUpConditions;
import no.samhandling.discharge.stay.StayEvent.MunicipalityAnswered;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;

import static no.samhandling.discharge.stay.HistoryBuilder.admittedAt;
import static no.samhandling.discharge.stay.HistoryBuilder.at;
import static org.assertj.core.api.Assertions.assertThat;

class DayCounterTest {

    /** Admitted, admission notice in time: the start of most histories below. */
    private static HistoryBuilder admitted() {
        return admittedAt("2024-03-01T10:00").admissionNotice("2024-03-01T15:00");
    }

    @Test
    void ministrysExampleNoticeOnDayZeroReadyOnDayThreeGivesThreeBillableDays() {
        StayFigures figures = admitted()
                .declared("2024-03-04T09:00").notice("2024-03-04T10:00")
                .municipalityReady("2024-03-05T12:00", "2024-03-07")
                .discharged("2024-03-07T11:00")
                .figures("2024-12-31");
        assertThat(figures.billableDays()).isEqualTo(3);
        assertThat(figures.dischargeReadyDays()).isEqualTo(3);
        assertThat(figures.periods().getFirst().billableFrom()).isEqualTo(LocalDate.of(2024, 3, 4));
        assertThat(figures.periods().getFirst().billableUntil()).isEqualTo(LocalDate.of(2024, 3, 7));
    }

    @Test
    void municipalityReadyTheSameDayGivesNoBillableDays() {
        StayFigures figures = admitted()
                .declared("2024-03-04T09:00").notice("2024-03-04T10:00")
                .municipalityReady("2024-03-04T14:00", "2024-03-04")
                .discharged("2024-03-05T11:00")
                .figures("2024-12-31");
        assertThat(figures.billableDays()).isZero();
        assertThat(figures.dischargeReadyDays()).isEqualTo(1);
    }

    @Test
    void liabilityRunsWhenTheMunicipalityNeverAnswers() {
        StayFigures figures = admitted()
                .declared("2024-03-04T09:00").notice("2024-03-04T10:00")
                .discharged("2024-03-14T11:00")
                .figures("2024-12-31");
        assertThat(figures.billableDays()).isEqualTo(10);
        assertThat(figures.dischargeReadyDays()).isEqualTo(10);
    }

    @Test
    void daysTheHospitalKeepsThePatientAfterTheMunicipalityIsReadyAreNotBillable() {
        StayFigures figures = admitted()
                .declared("2024-03-04T09:00").notice("2024-03-04T10:00")
                .municipalityCannot("2024-03-04T15:00", "2024-03-10")
                .municipalityReady("2024-03-09T09:00", "2024-03-09")
                .discharged("2024-03-12T11:00")
                .figures("2024-12-31");
        assertThat(figures.billableDays()).isEqualTo(5);
        assertThat(figures.dischargeReadyDays()).isEqualTo(8);
    }

    @Test
    void billableDaysStartOnTheNoticeDateWhenTheNoticeCameLaterThanTheDeclaration() {
        StayFigures figures = admitted()
                .declared("2024-03-04T09:00").notice("2024-03-06T10:00")
                .discharged("2024-03-10T11:00")
                .figures("2024-12-31");
        assertThat(figures.billableDays()).isEqualTo(4);
        assertThat(figures.dischargeReadyDays()).isEqualTo(6);
    }

    @Test
    void withdrawalEndsThePeriodAndASecondPeriodNeedsANewDeclarationAndNotice() {
        StayFigures figures = admitted()
                .declared("2024-03-04T09:00").notice("2024-03-04T10:00")
                .withdrawn("2024-03-06T08:00")
                .declared("2024-03-10T09:00").notice("2024-03-10T11:00")
                .municipalityReady("2024-03-11T09:00", "2024-03-13")
                .discharged("2024-03-15T10:00")
                .figures("2024-12-31");
        assertThat(figures.periods()).hasSize(2);
        assertThat(figures.periods().get(0).billableDays()).isEqualTo(2);
        assertThat(figures.periods().get(0).endedOn()).isEqualTo(LocalDate.of(2024, 3, 6));
        assertThat(figures.periods().get(1).billableDays()).isEqualTo(3);
        assertThat(figures.periods().get(1).dischargeReadyDays()).isEqualTo(5);
        assertThat(figures.billableDays()).isEqualTo(5);
        assertThat(figures.dischargeReadyDays()).isEqualTo(7);
    }

    @Test
    void aSecondPeriodWithoutANewNoticeIsNotBillable() {
        StayFigures figures = admitted()
                .declared("2024-03-04T09:00").notice("2024-03-04T10:00")
                .withdrawn("2024-03-06T08:00")
                .declared("2024-03-10T09:00")
                .discharged("2024-03-15T10:00")
                .figures("2024-12-31");
        assertThat(figures.periods().get(1).billableDays()).isZero();
        assertThat(figures.periods().get(1).notBillableBecause()).containsExactly(NonBillableReason.DISCHARGE_READY_NOTICE_MISSING);
        assertThat(figures.periods().get(1).dischargeReadyDays()).isEqualTo(5);
    }

    @Test
    void aPeriodAcrossNewYearCountsEachDayInItsOwnMonthAndYear() {
        StayFigures figures = admittedAt("2024-12-20T10:00").admissionNotice("2024-12-20T12:00")
                .declared("2024-12-29T09:00").notice("2024-12-29T10:00")
                .discharged("2025-01-03T10:00")
                .figures("2025-12-31");
        assertThat(figures.billableDays()).isEqualTo(5);
        assertThat(figures.billableDaysByMonth()).containsExactly(
                Map.entry(YearMonth.of(2024, 12), 3), Map.entry(YearMonth.of(2025, 1), 2));
        assertThat(figures.dischargeReadyDaysByMonth()).containsExactly(
                Map.entry(YearMonth.of(2024, 12), 3), Map.entry(YearMonth.of(2025, 1), 2));
    }

    @Test
    void anAdmissionNoticeAfterTwentyFourHoursMakesThePeriodNotBillableButKeepsItsDischargeReadyDays() {
        StayFigures figures = admittedAt("2024-03-01T10:00").admissionNotice("2024-03-02T10:01")
                .declared("2024-03-04T09:00").notice("2024-03-04T10:00")
                .discharged("2024-03-08T10:00")
                .figures("2024-12-31");
        assertThat(figures.billableDays()).isZero();
        assertThat(figures.dischargeReadyDays()).isEqualTo(4);
        assertThat(figures.periods().getFirst().notBillableBecause()).containsExactly(NonBillableReason.ADMISSION_NOTICE_LATE);
    }

    @Test
    void anAdmissionNoticeExactlyTwentyFourHoursAfterAdmissionIsInTime() {
        StayFigures figures = admittedAt("2024-03-01T10:00").admissionNotice("2024-03-02T10:00")
                .declared("2024-03-04T09:00").notice("2024-03-04T10:00")
                .discharged("2024-03-08T10:00")
                .figures("2024-12-31");
        assertThat(figures.billableDays()).isEqualTo(4);
    }

    @Test
    void noAdmissionNoticeAtAllIsAnotherReason() {
        StayFigures figures = admittedAt("2024-03-01T10:00")
                .declared("2024-03-04T09:00").notice("2024-03-04T10:00")
                .discharged("2024-03-08T10:00")
                .figures("2024-12-31");
        assertThat(figures.periods().getFirst().notBillableBecause()).containsExactly(NonBillableReason.ADMISSION_NOTICE_MISSING);
    }

    @Test
    void aLaterNoticeBecauseTheNeedAroseLaterCountsOnlyWhenConfigured() {
        HistoryBuilder history = admittedAt("2024-03-01T10:00").admissionNoticeBecauseNeedAroseLater("2024-03-05T10:00")
                .declared("2024-03-06T09:00").notice("2024-03-06T10:00")
                .discharged("2024-03-08T10:00");
        assertThat(history.figures("2024-12-31").billableDays()).isZero();
        DayCountingRules lenient = new DayCountingRules(Duration.ofHours(24), true);
        assertThat(history.figures(ServiceArea.SOMATIC, lenient, "2024-12-31").billableDays()).isEqualTo(2);
    }

    @Test
    void theAdmissionNoticeDeadlineIsConfigurable() {
        HistoryBuilder history = admittedAt("2024-03-01T10:00").admissionNotice("2024-03-02T20:00")
                .declared("2024-03-06T09:00").notice("2024-03-06T10:00")
                .discharged("2024-03-08T10:00");
        assertThat(history.figures("2024-12-31").billableDays()).isZero();
        assertThat(history.figures(ServiceArea.SOMATIC, new DayCountingRules(Duration.ofHours(48), false), "2024-12-31")
                .billableDays()).isEqualTo(2);
    }

    @Test
    void mentalHealthCareWithoutTheTwoExtraConditionsIsNotBillable() {
        HistoryBuilder missing = admitted()
                .declaredWith("2024-03-04T09:00", HistoryBuilder.HPR, HistoryBuilder.DOCUMENTED, new FollowUpConditions(true, false))
                .notice("2024-03-04T10:00").discharged("2024-03-08T10:00");
        StayFigures figures = missing.figures(ServiceArea.MENTAL_HEALTH, DayCountingRules.DEFAULT, "2024-12-31");
        assertThat(figures.billableDays()).isZero();
        assertThat(figures.dischargeReadyDays()).isEqualTo(4);
        assertThat(figures.periods().getFirst().notBillableBecause()).containsExactly(NonBillableReason.FOLLOW_UP_CONDITIONS_MISSING);

        HistoryBuilder met = admitted()
                .declaredWith("2024-03-04T09:00", HistoryBuilder.HPR, HistoryBuilder.DOCUMENTED, HistoryBuilder.FOLLOW_UP_DONE)
                .notice("2024-03-04T10:00").discharged("2024-03-08T10:00");
        assertThat(met.figures(ServiceArea.ADDICTION, DayCountingRules.DEFAULT, "2024-12-31").billableDays()).isEqualTo(4);
        assertThat(missing.figures(ServiceArea.SOMATIC, DayCountingRules.DEFAULT, "2024-12-31").billableDays())
                .as("somatic care has no such conditions").isEqualTo(4);
    }

    @Test
    void anUndocumentedDeclarationIsNotBillable() {
        StayFigures noHpr = admitted()
                .declaredWith("2024-03-04T09:00", " ", HistoryBuilder.DOCUMENTED, null)
                .notice("2024-03-04T10:00").discharged("2024-03-08T10:00").figures("2024-12-31");
        StayFigures noFunctionLevel = admitted()
                .declaredWith("2024-03-04T09:00", HistoryBuilder.HPR, new Assessment(true, true, false), null)
                .notice("2024-03-04T10:00").discharged("2024-03-08T10:00").figures("2024-12-31");
        assertThat(noHpr.periods().getFirst().notBillableBecause()).containsExactly(NonBillableReason.DECLARATION_NOT_DOCUMENTED);
        assertThat(noFunctionLevel.periods().getFirst().notBillableBecause()).containsExactly(NonBillableReason.DECLARATION_NOT_DOCUMENTED);
    }

    @Test
    void aCorrectedAnswerRecomputesTheFigures() {
        HistoryBuilder history = admitted()
                .declared("2024-03-04T09:00").notice("2024-03-04T10:00")
                .municipalityReady("2024-03-05T12:00", "2024-03-06");
        history.correctLast(new MunicipalityAnswered(at("2024-03-05T12:00"), true, LocalDate.of(2024, 3, 9), null, "nursing home"))
                .discharged("2024-03-10T11:00");
        assertThat(history.figures("2024-12-31").billableDays()).isEqualTo(5);
    }

    @Test
    void aCancelledNoticeMakesThePeriodNotBillable() {
        HistoryBuilder history = admitted().declared("2024-03-04T09:00").notice("2024-03-04T10:00");
        history.cancel(history.lastId()).discharged("2024-03-10T11:00");
        StayFigures figures = history.figures("2024-12-31");
        assertThat(figures.billableDays()).isZero();
        assertThat(figures.periods().getFirst().notBillableBecause()).containsExactly(NonBillableReason.DISCHARGE_READY_NOTICE_MISSING);
    }

    @Test
    void anOngoingPeriodIsCountedUpToToday() {
        StayFigures figures = admitted()
                .declared("2024-03-04T09:00").notice("2024-03-04T10:00")
                .figures("2024-03-09");
        assertThat(figures.periods().getFirst().ongoing()).isTrue();
        assertThat(figures.dischargeReadyDays()).isEqualTo(5);
        assertThat(figures.billableDays()).isEqualTo(5);
        assertThat(admitted().declared("2024-03-04T09:00").notice("2024-03-04T10:00").figures("2024-03-04").billableDays())
                .as("declared today: no day yet").isZero();
    }

    @Test
    void daysAreOsloCalendarDatesNotUtcDates() {
        // 00:30 in Oslo on 5 March is 23:30 UTC on 4 March: the declaration belongs to 5 March.
        StayFigures figures = admitted()
                .declared("2024-03-05T00:30").notice("2024-03-05T08:00")
                .discharged("2024-03-07T23:30")
                .figures("2024-12-31");
        assertThat(figures.periods().getFirst().declaredOn()).isEqualTo(LocalDate.of(2024, 3, 5));
        assertThat(figures.dischargeReadyDays()).isEqualTo(2);
    }

    @Test
    void daylightSavingChangesDoNotChangeTheDayCount() {
        // Summer time starts 31 March 2024 (a 23-hour day) and ends 27 October 2024 (a 25-hour day).
        StayFigures spring = admittedAt("2024-03-28T10:00").admissionNotice("2024-03-28T12:00")
                .declared("2024-03-30T23:30").notice("2024-03-30T23:45")
                .discharged("2024-04-01T00:15")
                .figures("2024-12-31");
        StayFigures autumn = admittedAt("2024-10-24T10:00").admissionNotice("2024-10-24T12:00")
                .declared("2024-10-26T23:30").notice("2024-10-26T23:45")
                .discharged("2024-10-28T00:15")
                .figures("2024-12-31");
        assertThat(spring.billableDays()).isEqualTo(2);
        assertThat(autumn.billableDays()).isEqualTo(2);
    }

    @Test
    void aStayNeverDeclaredDischargeReadyHasNoDays() {
        StayFigures figures = admitted().discharged("2024-03-10T10:00").figures("2024-12-31");
        assertThat(figures.periods()).isEmpty();
        assertThat(figures.dischargeReadyDays()).isZero();
    }

    @Test
    void ofTwoCanReceiveAnswersInOnePeriodTheEarliestReadyDateEndsTheBilling() {
        // Whichever answer came first: once the municipality could receive the patient, it no longer pays.
        StayFigures laterDateSecond = admitted()
                .declared("2024-03-04T09:00").notice("2024-03-04T10:00")
                .municipalityReady("2024-03-05T12:00", "2024-03-07")
                .municipalityReady("2024-03-06T12:00", "2024-03-09")
                .discharged("2024-03-10T11:00").figures("2024-12-31");
        StayFigures earlierDateSecond = admitted()
                .declared("2024-03-04T09:00").notice("2024-03-04T10:00")
                .municipalityReady("2024-03-05T12:00", "2024-03-09")
                .municipalityReady("2024-03-06T12:00", "2024-03-07")
                .discharged("2024-03-10T11:00").figures("2024-12-31");
        assertThat(laterDateSecond.periods().getFirst().billableUntil()).isEqualTo(LocalDate.of(2024, 3, 7));
        assertThat(earlierDateSecond.periods().getFirst().billableUntil()).isEqualTo(LocalDate.of(2024, 3, 7));
        assertThat(laterDateSecond.billableDays()).isEqualTo(3);
        assertThat(earlierDateSecond.billableDays()).isEqualTo(3);
    }
}

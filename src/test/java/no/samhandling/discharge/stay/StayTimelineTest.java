package no.samhandling.discharge.stay;

import org.junit.jupiter.api.Test;

import static no.samhandling.discharge.stay.HistoryBuilder.admittedAt;
import static org.assertj.core.api.Assertions.assertThat;

class StayTimelineTest {

    private static StayTimeline.Outcome replay(HistoryBuilder history) {
        return StayTimeline.replay(history.effective());
    }

    private static String refusal(HistoryBuilder history) {
        return replay(history).violation().orElseThrow().reason();
    }

    @Test
    void theRegulationsFlowEndsDischarged() {
        HistoryBuilder history = admittedAt("2024-03-01T10:00").admissionNotice("2024-03-01T12:00")
                .declared("2024-03-04T09:00").notice("2024-03-04T10:00")
                .municipalityCannot("2024-03-04T15:00", "2024-03-08")
                .municipalityReady("2024-03-07T09:00", "2024-03-08")
                .discharged("2024-03-08T10:00");
        assertThat(replay(history).violation()).isEmpty();
        assertThat(replay(history).status()).isEqualTo(StayStatus.DISCHARGED);
    }

    @Test
    void statusFollowsTheFlow() {
        HistoryBuilder history = admittedAt("2024-03-01T10:00");
        assertThat(replay(history).status()).isEqualTo(StayStatus.ADMITTED);
        assertThat(replay(history.declared("2024-03-04T09:00")).status()).isEqualTo(StayStatus.DISCHARGE_READY);
        assertThat(replay(history.notice("2024-03-04T10:00")).status()).isEqualTo(StayStatus.AWAITING_MUNICIPALITY);
        assertThat(replay(history.municipalityCannot("2024-03-04T11:00", "2024-03-09")).status()).isEqualTo(StayStatus.MUNICIPALITY_CANNOT_RECEIVE);
        assertThat(replay(history.municipalityReady("2024-03-05T11:00", "2024-03-06")).status()).isEqualTo(StayStatus.MUNICIPALITY_READY);
        assertThat(replay(history.withdrawn("2024-03-05T12:00")).status()).isEqualTo(StayStatus.ADMITTED);
    }

    @Test
    void declaringADischargedPatientDischargeReadyIsRefused() {
        assertThat(refusal(admittedAt("2024-03-01T10:00").discharged("2024-03-02T10:00").declared("2024-03-03T10:00")))
                .contains("discharged");
    }

    @Test
    void anAnswerToANoticeNeverSentIsRefused() {
        assertThat(refusal(admittedAt("2024-03-01T10:00").declared("2024-03-02T10:00").municipalityReady("2024-03-03T10:00", "2024-03-04")))
                .contains("notice that has been sent");
    }

    @Test
    void aNoticeWithoutADeclarationIsRefused() {
        assertThat(refusal(admittedAt("2024-03-01T10:00").notice("2024-03-02T10:00"))).contains("not declared discharge-ready");
    }

    @Test
    void aSecondNoticeInTheSamePeriodIsRefused() {
        assertThat(refusal(admittedAt("2024-03-01T10:00").declared("2024-03-02T10:00").notice("2024-03-02T11:00").notice("2024-03-02T12:00")))
                .contains("already been notified");
    }

    @Test
    void declaringTwiceWithoutWithdrawalIsRefused() {
        assertThat(refusal(admittedAt("2024-03-01T10:00").declared("2024-03-02T10:00").declared("2024-03-03T10:00")))
                .contains("already discharge-ready");
    }

    @Test
    void withdrawingAPatientWhoIsNotDischargeReadyIsRefused() {
        assertThat(refusal(admittedAt("2024-03-01T10:00").withdrawn("2024-03-02T10:00"))).contains("nothing to withdraw");
    }

    @Test
    void anEventDatedBeforeTheAdmissionIsRefused() {
        assertThat(refusal(admittedAt("2024-03-05T10:00").declared("2024-03-04T10:00"))).contains("before the admission");
    }

    @Test
    void dischargingTwiceIsRefused() {
        assertThat(refusal(admittedAt("2024-03-01T10:00").discharged("2024-03-02T10:00").discharged("2024-03-03T10:00")))
                .contains("discharged");
    }

    @Test
    void aCorrectionCanMakeTheHistoryImpossible() {
        HistoryBuilder history = admittedAt("2024-03-01T10:00").declared("2024-03-02T10:00").notice("2024-03-02T11:00");
        history.correctLast(new StayEvent.DischargeReadyNoticeSent(HistoryBuilder.at("2024-03-02T09:00")));
        assertThat(replay(history).violation()).isPresent();
    }

    @Test
    void aLateReportedEventIsPlacedWhereItHappened() {
        HistoryBuilder history = admittedAt("2024-03-01T10:00").declared("2024-03-02T10:00")
                .municipalityReady("2024-03-03T10:00", "2024-03-04")
                .notice("2024-03-02T11:00");
        assertThat(replay(history).violation()).isEmpty();
        assertThat(replay(history).status()).isEqualTo(StayStatus.MUNICIPALITY_READY);
    }

    @Test
    void aSecondAdmissionOnTheSameStayIsRefused() {
        assertThat(refusal(admittedAt("2024-03-01T10:00").add(new StayEvent.Admitted(HistoryBuilder.at("2024-03-02T10:00")))))
                .isEqualTo("The patient is already admitted on this stay.");
    }

    @Test
    void aHistoryWithoutAnAdmissionIsRefused() {
        assertThat(StayTimeline.replay(java.util.List.of()).violation().orElseThrow().reason())
                .isEqualTo("A stay starts with the admission.");
        assertThat(StayTimeline.replay(java.util.List.of()).status()).isNull();
    }

    @Test
    void aRefusalNamesTheEventThatCannotHappen() {
        assertThat(refusal(admittedAt("2024-03-05T10:00").declared("2024-03-04T10:00")))
                .isEqualTo("Nothing can happen before the admission: a discharge-ready declaration is dated before it.");
        assertThat(refusal(admittedAt("2024-03-01T10:00").discharged("2024-03-02T10:00").withdrawn("2024-03-03T10:00")))
                .isEqualTo("The patient has been discharged; a withdrawal cannot come after the discharge.");
    }
}

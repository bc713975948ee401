package no.samhandling.discharge.stay;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StayEventRulesTest {

    private static final Instant NOW = Instant.parse("2026-06-01T10:00:00Z");
    private static final StayEventRules RULES = new StayEventRules(Duration.ofMinutes(5),
            new DatePlausibility(LocalDate.of(2012, 1, 1), Period.ofYears(1)));

    @Test
    void theRulesOfTheConfigurationAreItsSkewAndDatePlausibility() {
        StayConfig config = new StayConfig() {
            public Duration admissionNoticeDeadline() {
                return Duration.ofHours(24);
            }

            public boolean acceptLaterAdmissionNoticeWhenNeedAroseDuringStay() {
                return false;
            }

            public int soonReadyWithinDays() {
                return 7;
            }

            public Duration allowedClockSkew() {
                return Duration.ofMinutes(2);
            }

            public LocalDate earliestDate() {
                return LocalDate.of(2015, 1, 1);
            }

            public Period planningHorizon() {
                return Period.ofMonths(6);
            }
        };
        assertThat(StayEventRules.of(config)).isEqualTo(new StayEventRules(Duration.ofMinutes(2),
                new DatePlausibility(LocalDate.of(2015, 1, 1), Period.ofMonths(6))));
    }

    @Test
    void anEventWithinTheClockSkewPassesOneBeyondItIsInTheFuture() {
        assertThatCode(() -> RULES.check(new StayEvent.Admitted(NOW.plusSeconds(300)), "", NOW)).doesNotThrowAnyException();
        assertThatThrownBy(() -> RULES.check(new StayEvent.Admitted(NOW.plusSeconds(301)), "", NOW))
                .isInstanceOfSatisfying(StayException.class, refused -> assertThat(refused.fields())
                        .containsExactly(new StayException.Field("time", "the admitted event lies in the future")));
    }

    @Test
    void historyTakesOnlyWhatHappenedBeforeNowWithNoSkew() {
        assertThatCode(() -> RULES.checkHistoric(new StayEvent.Admitted(NOW.minusNanos(1)), "", NOW)).doesNotThrowAnyException();
        for (Instant notPast : List.of(NOW, NOW.plusSeconds(1))) {
            assertThatThrownBy(() -> RULES.checkHistoric(new StayEvent.Admitted(notPast), "", NOW))
                    .isInstanceOfSatisfying(StayException.class, refused -> assertThat(refused.fields()).extracting(StayException.Field::field)
                            .containsExactly("time"));
        }
    }

    @Test
    void historyStillPassesTheOtherRules() {
        StayEvent cannotWithoutDate = new StayEvent.MunicipalityAnswered(NOW.minusSeconds(60), false, null, null, null);
        assertThatThrownBy(() -> RULES.checkHistoric(cannotWithoutDate, "", NOW))
                .isInstanceOfSatisfying(StayException.class, refused -> assertThat(refused.fields()).extracting(StayException.Field::field)
                        .containsExactly(MunicipalityAnswerRule.EXPECTED_READY_ON));
        assertThatThrownBy(() -> RULES.checkHistoric(new StayEvent.Admitted(Instant.parse("2011-12-31T10:00:00Z")), "corrected.", NOW))
                .isInstanceOfSatisfying(StayException.class, refused -> assertThat(refused.fields()).extracting(StayException.Field::field)
                        .containsExactly("corrected.admittedAt"));
    }

    @Test
    void anImplausibleDateIsNamedUnderThePrefix() {
        StayEvent farAhead = new StayEvent.AdmissionNoticeSent(NOW, LocalDate.of(2030, 1, 1), "Korttidsplass", false);
        assertThatThrownBy(() -> RULES.check(farAhead, "corrected.", NOW))
                .isInstanceOfSatisfying(StayException.class, refused -> assertThat(refused.fields()).extracting(StayException.Field::field)
                        .containsExactly("corrected.expectedDischargeDate"));
        assertThatCode(() -> RULES.check(new StayEvent.AdmissionNoticeSent(NOW, LocalDate.of(2026, 6, 10), "Korttidsplass", false), "", NOW))
                .doesNotThrowAnyException();
    }

    @Test
    void theTimelineAcceptsAHistoryInOrderAndRefusesOneOutOfOrder() {
        Instant admitted = NOW.minus(Duration.ofDays(5));
        RecordedEvent admission = RecordedEvent.original(UUID.randomUUID(), 1, new StayEvent.Admitted(admitted));
        StayEventRules.Accepted accepted = StayEventRules.accepted(List.of(admission,
                RecordedEvent.original(UUID.randomUUID(), 2, new StayEvent.Discharged(admitted.plusSeconds(86400), DischargeDestination.HOME))));
        assertThat(accepted.status()).isEqualTo(StayStatus.DISCHARGED);
        assertThat(accepted.history()).hasSize(2);
        assertThat(StayEventRules.accepted(List.of(admission)).status()).isEqualTo(StayStatus.ADMITTED);

        List<RecordedEvent> noticeBeforeDeclaration = List.of(admission,
                RecordedEvent.original(UUID.randomUUID(), 2, new StayEvent.DischargeReadyNoticeSent(admitted.plusSeconds(3600))));
        assertThatThrownBy(() -> StayEventRules.accepted(noticeBeforeDeclaration))
                .isInstanceOfSatisfying(StayException.class, refused -> assertThat(refused.kind()).isEqualTo(StayException.Kind.IMPOSSIBLE_TRANSITION));
    }
}

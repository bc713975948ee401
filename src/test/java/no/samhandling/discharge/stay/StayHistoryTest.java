package no.samhandling.discharge.stay;

import no.samhandling.discharge.stay.StayEvent.Admitted;
import no.samhandling.discharge.stay.StayEvent.AdmissionNoticeSent;
import no.samhandling.discharge.stay.StayEvent.Discharged;
import no.samhandling.discharge.stay.StayHistory.Effective;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import static no.samhandling.discharge.stay.HistoryBuilder.admittedAt;
import static no.samhandling.discharge.stay.HistoryBuilder.at;
import static org.assertj.core.api.Assertions.assertThat;

class StayHistoryTest {

    @Test
    void correctionsApplyInTheOrderTheyWereRecordedWhateverOrderTheyAreReadIn() {
        HistoryBuilder history = admittedAt("2024-03-01T10:00");
        UUID discharge = history.discharged("2024-03-05T10:00").lastId();
        history.correct(discharge, new Discharged(at("2024-03-06T10:00"), DischargeDestination.HOME));
        history.correctLast(new Discharged(at("2024-03-07T10:00"), DischargeDestination.NURSING_HOME));
        List<RecordedEvent> newestFirst = new ArrayList<>(history.recorded());
        Collections.reverse(newestFirst);

        List<Effective> effective = StayHistory.effective(newestFirst);

        assertThat(effective).extracting(Effective::event).containsExactly(
                new Admitted(at("2024-03-01T10:00")), new Discharged(at("2024-03-07T10:00"), DischargeDestination.NURSING_HOME));
        assertThat(effective.getLast().id()).as("an event keeps the id it was first recorded under").isEqualTo(discharge);
    }

    @Test
    void eventsAtTheSameMomentFollowTheRegulationsOrder() {
        HistoryBuilder history = admittedAt("2024-03-01T10:00");
        List<RecordedEvent> noticeFirst = new ArrayList<>(List.of(
                RecordedEvent.original(UUID.randomUUID(), 1, new AdmissionNoticeSent(at("2024-03-01T10:00"), null, "home care", false))));
        noticeFirst.add(RecordedEvent.original(UUID.randomUUID(), 2, history.recorded().getFirst().event()));

        assertThat(StayHistory.effective(noticeFirst)).extracting(e -> e.event().type())
                .containsExactly(EventType.ADMITTED, EventType.ADMISSION_NOTICE_SENT);
    }

    @Test
    void anEventIsFoundByAnyOfItsRecordedIdsWithItsDataInForce() {
        HistoryBuilder history = admittedAt("2024-03-01T10:00");
        UUID original = history.discharged("2024-03-05T10:00").lastId();
        Discharged corrected = new Discharged(at("2024-03-06T10:00"), DischargeDestination.HOME);
        UUID correction = history.correctLast(corrected).lastId();

        assertThat(StayHistory.find(history.recorded(), original)).contains(new Effective(original, corrected));
        assertThat(StayHistory.find(history.recorded(), correction)).contains(new Effective(original, corrected));
        assertThat(StayHistory.find(history.recorded(), UUID.randomUUID())).isEmpty();
        assertThat(StayHistory.recordsInForce(history.recorded()))
                .containsExactlyInAnyOrder(history.recorded().getFirst().id(), correction);
    }

    @Test
    void aCancelledEventIsNeitherFoundNorInForce() {
        HistoryBuilder history = admittedAt("2024-03-01T10:00");
        UUID discharge = history.discharged("2024-03-05T10:00").lastId();
        history.cancel(discharge);

        assertThat(StayHistory.find(history.recorded(), discharge)).isEmpty();
        assertThat(StayHistory.recordsInForce(history.recorded())).containsExactly(history.recorded().getFirst().id());
        assertThat(StayHistory.effective(history.recorded())).extracting(e -> e.event().type()).containsExactly(EventType.ADMITTED);
    }
}

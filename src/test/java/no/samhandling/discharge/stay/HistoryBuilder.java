package no.samhandling.discharge.stay;

import no.samhandling.discharge.stay.StayEvent.AdmissionNoticeSent;
import no.samhandling.discharge.stay.StayEvent.Admitted;
import no.samhandling.discharge.stay.StayEvent.Assessment;
import no.samhandling.discharge.stay.StayEvent.DeclaredDischargeReady;
import no.samhandling.discharge.stay.StayEvent.DischargeReadyNoticeSent;
import no.samhandling.discharge.stay.StayEvent.Discharged;
import no.samhandling.discharge.stay.StayEvent.FollowUpConditions;
import no.samhandling.discharge.stay.StayEvent.MunicipalityAnswered;
import no.samhandling.discharge.stay.StayEvent.Withdrawn;
import no.samhandling.discharge.time.OsloTime;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Builds a stay's recorded history; times are Oslo wall-clock times, "2024-01-10T08:00". */
final class HistoryBuilder {

    static final Assessment DOCUMENTED = new Assessment(true, true, true);
    static final FollowUpConditions FOLLOW_UP_DONE = new FollowUpConditions(true, true);
    static final String HPR = "9144889";

    private final List<RecordedEvent> recorded = new ArrayList<>();
    private UUID lastId;

    static HistoryBuilder admittedAt(String osloTime) {
        return new HistoryBuilder().add(new Admitted(at(osloTime)));
    }

    static Instant at(String osloTime) {
        return LocalDateTime.parse(osloTime).atZone(OsloTime.ZONE).toInstant();
    }

    HistoryBuilder admissionNotice(String osloTime) {
        return add(new AdmissionNoticeSent(at(osloTime), null, "home care", false));
    }

    HistoryBuilder admissionNoticeBecauseNeedAroseLater(String osloTime) {
        return add(new AdmissionNoticeSent(at(osloTime), null, "short-term bed", true));
    }

    HistoryBuilder declared(String osloTime) {
        return add(new DeclaredDischargeReady(at(osloTime), HPR, DOCUMENTED, null, "home care"));
    }

    HistoryBuilder declaredWith(String osloTime, String hpr, Assessment assessment, FollowUpConditions followUp) {
        return add(new DeclaredDischargeReady(at(osloTime), hpr, assessment, followUp, "short-term bed"));
    }

    HistoryBuilder notice(String osloTime) {
        return add(new DischargeReadyNoticeSent(at(osloTime)));
    }

    HistoryBuilder municipalityReady(String osloTime, String readyFrom) {
        return add(new MunicipalityAnswered(at(osloTime), true, LocalDate.parse(readyFrom), null, "short-term bed"));
    }

    HistoryBuilder municipalityCannot(String osloTime, String expected) {
        return add(new MunicipalityAnswered(at(osloTime), false, null, LocalDate.parse(expected), null));
    }

    HistoryBuilder withdrawn(String osloTime) {
        return add(new Withdrawn(at(osloTime), "new infection"));
    }

    HistoryBuilder discharged(String osloTime) {
        return add(new Discharged(at(osloTime), DischargeDestination.SHORT_TERM_BED));
    }

    HistoryBuilder add(StayEvent event) {
        lastId = UUID.randomUUID();
        recorded.add(RecordedEvent.original(lastId, recorded.size() + 1, event));
        return this;
    }

    HistoryBuilder correctLast(StayEvent corrected) {
        return correct(lastId, corrected);
    }

    HistoryBuilder correct(UUID id, StayEvent corrected) {
        UUID correctionId = UUID.randomUUID();
        recorded.add(RecordedEvent.correction(correctionId, recorded.size() + 1, id, corrected, "typo"));
        lastId = correctionId;
        return this;
    }

    HistoryBuilder cancel(UUID id) {
        recorded.add(RecordedEvent.cancellation(UUID.randomUUID(), recorded.size() + 1, id, "sent by mistake"));
        return this;
    }

    UUID lastId() {
        return lastId;
    }

    List<RecordedEvent> recorded() {
        return List.copyOf(recorded);
    }

    List<StayHistory.Effective> effective() {
        return StayHistory.effective(recorded);
    }

    StayFigures figures(ServiceArea area, DayCountingRules rules, String today) {
        return DayCounter.count(area, effective(), rules, LocalDate.parse(today));
    }

    StayFigures figures(String today) {
        return figures(ServiceArea.SOMATIC, DayCountingRules.DEFAULT, today);
    }
}

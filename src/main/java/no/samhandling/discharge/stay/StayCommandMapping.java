package no.samhandling.discharge.stay;

import no.samhandling.discharge.stay.StayCommands.AdmissionNotice;
import no.samhandling.discharge.stay.StayCommands.Discharge;
import no.samhandling.discharge.stay.StayCommands.DischargeReadiness;
import no.samhandling.discharge.stay.StayCommands.DischargeReadyNotice;
import no.samhandling.discharge.stay.StayCommands.MunicipalityResponse;
import no.samhandling.discharge.stay.StayCommands.Withdrawal;

import java.time.Instant;

/** Turns what a ward or municipality sends into the event it records; a missing time means {@code now}. */
final class StayCommandMapping {

    private StayCommandMapping() {
    }

    static StayEvent.AdmissionNoticeSent admissionNotice(AdmissionNotice c, Instant now) {
        return new StayEvent.AdmissionNoticeSent(orNow(c.sentAt(), now), c.expectedDischargeDate(), c.expectedNeeds(),
                Boolean.TRUE.equals(c.needAroseDuringStay()));
    }

    static StayEvent.DeclaredDischargeReady declaration(DischargeReadiness c, Instant now) {
        return new StayEvent.DeclaredDischargeReady(orNow(c.declaredAt(), now), c.assessorHprNumber(), c.assessment(), c.followUp(), c.needs());
    }

    static StayEvent.DischargeReadyNoticeSent notice(DischargeReadyNotice c, Instant now) {
        return new StayEvent.DischargeReadyNoticeSent(orNow(c == null ? null : c.sentAt(), now));
    }

    static StayEvent.MunicipalityAnswered answer(MunicipalityResponse c, Instant now) {
        return new StayEvent.MunicipalityAnswered(orNow(c.answeredAt(), now), c.canReceive(),
                c.canReceive() ? c.readyFrom() : null, c.canReceive() ? null : c.expectedReadyOn(), c.offer());
    }

    static StayEvent.Withdrawn withdrawal(Withdrawal c, Instant now) {
        return new StayEvent.Withdrawn(orNow(c.withdrawnAt(), now), c.reason());
    }

    static StayEvent.Discharged discharge(Discharge c, Instant now) {
        return new StayEvent.Discharged(orNow(c.dischargedAt(), now), c.destination());
    }

    private static Instant orNow(Instant given, Instant now) {
        return given == null ? now : given;
    }
}

package no.samhandling.discharge.stay;

import no.samhandling.discharge.stay.StayEvent.AdmissionNoticeSent;
import no.samhandling.discharge.stay.StayEvent.Admitted;
import no.samhandling.discharge.stay.StayEvent.DeclaredDischargeReady;
import no.samhandling.discharge.stay.StayEvent.DischargeReadyNoticeSent;
import no.samhandling.discharge.stay.StayEvent.Discharged;
import no.samhandling.discharge.stay.StayEvent.MunicipalityAnswered;
import no.samhandling.discharge.stay.StayEvent.Withdrawn;
import no.samhandling.discharge.time.OsloTime;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;

/**
 * Which dates a ward or a municipality can mean: nothing before {@code earliest} (a year-1900 admission
 * is a typing error, and would bill a century), and no planned date (expected discharge, ready from,
 * expected ready on) further ahead than {@code horizon} from today (a {@code readyFrom} in 2999 would
 * keep the municipality billed for ever). That an event's own time is not in the future is checked
 * where it is recorded, with the allowed clock skew.
 */
record DatePlausibility(LocalDate earliest, Period horizon) {

    /** A field of the request, by its name there, and what is wrong with its date. */
    record Implausible(String field, String message) {
    }

    List<Implausible> check(StayEvent event, LocalDate today) {
        List<Implausible> found = new ArrayList<>();
        LocalDate occurredOn = event.occurredAt().atZone(OsloTime.ZONE).toLocalDate();
        if (occurredOn.isBefore(earliest)) {
            found.add(new Implausible(timeField(event), "lies before " + earliest + ", the earliest date this service accepts"));
        }
        LocalDate latest = today.plus(horizon);
        switch (event) {
            case AdmissionNoticeSent notice -> planned(found, "expectedDischargeDate", notice.expectedDischargeDate(), latest);
            case MunicipalityAnswered answer -> {
                planned(found, "readyFrom", answer.readyFrom(), latest);
                planned(found, "expectedReadyOn", answer.expectedReadyOn(), latest);
            }
            default -> {
            }
        }
        return found;
    }

    private void planned(List<Implausible> found, String field, LocalDate date, LocalDate latest) {
        if (date == null) {
            return;
        }
        if (date.isBefore(earliest)) {
            found.add(new Implausible(field, "lies before " + earliest + ", the earliest date this service accepts"));
        } else if (date.isAfter(latest)) {
            found.add(new Implausible(field, "lies more than " + horizon + " ahead (after " + latest + ")"));
        }
    }

    /** The name of the event's time in the request that reports it. */
    static String timeField(StayEvent event) {
        return switch (event) {
            case Admitted a -> "admittedAt";
            case AdmissionNoticeSent n -> "sentAt";
            case DeclaredDischargeReady d -> "declaredAt";
            case DischargeReadyNoticeSent n -> "sentAt";
            case MunicipalityAnswered m -> "answeredAt";
            case Withdrawn w -> "withdrawnAt";
            case Discharged d -> "dischargedAt";
        };
    }
}

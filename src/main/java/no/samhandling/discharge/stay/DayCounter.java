package no.samhandling.discharge.stay;

import no.samhandling.discharge.stay.StayEvent.AdmissionNoticeSent;
import no.samhandling.discharge.stay.StayEvent.Admitted;
import no.samhandling.discharge.stay.StayEvent.DeclaredDischargeReady;
import no.samhandling.discharge.stay.StayEvent.DischargeReadyNoticeSent;
import no.samhandling.discharge.stay.StayEvent.Discharged;
import no.samhandling.discharge.stay.StayEvent.MunicipalityAnswered;
import no.samhandling.discharge.stay.StayEvent.Withdrawn;
import no.samhandling.discharge.stay.StayHistory.Effective;
import no.samhandling.discharge.time.OsloTime;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Counts discharge-ready days and billable days (forskrift om kommunal betaling for utskrivningsklare
 * pasienter, FOR-2011-11-18-1115) from a stay's corrected history, in Europe/Oslo calendar dates.
 *
 * <ul>
 * <li>Discharge-ready days of a period (SAMDATA's overliggerdøgn): the date it ended (withdrawal or
 * discharge) − the date of the declaration.</li>
 * <li>Billable days (§ 13): from the date of the discharge-ready notice, provided §§ 8–10 are met,
 * until (exclusive) the earliest of the date the municipality can receive the patient, the withdrawal
 * date and the discharge date. Liability runs also when the municipality never answers. The Ministry's
 * example: notice on day 0, ready on day 3 → 3 days.</li>
 * </ul>
 * A period still running is counted up to {@code today} (exclusive): the days so far.
 */
public final class DayCounter {

    private DayCounter() {
    }

    public static StayFigures count(ServiceArea serviceArea, List<Effective> history, DayCountingRules rules, LocalDate today) {
        Instant admittedAt = null;
        List<AdmissionNoticeSent> admissionNotices = new ArrayList<>();
        List<PeriodFigures> periods = new ArrayList<>();
        OpenPeriod open = null;
        for (Effective effective : history) {
            switch (effective.event()) {
                case Admitted admitted -> admittedAt = admitted.occurredAt();
                case AdmissionNoticeSent notice -> admissionNotices.add(notice);
                case DeclaredDischargeReady declared -> open = new OpenPeriod(declared);
                case DischargeReadyNoticeSent notice -> {
                    if (open != null && open.notice == null) {
                        open.notice = notice;
                    }
                }
                case MunicipalityAnswered answer -> {
                    if (open != null && answer.canReceive()) {
                        LocalDate readyFrom = answer.readyFrom() != null ? answer.readyFrom() : date(answer.occurredAt());
                        open.municipalityReadyOn = open.municipalityReadyOn == null || readyFrom.isBefore(open.municipalityReadyOn)
                                ? readyFrom : open.municipalityReadyOn;
                    }
                }
                case Withdrawn withdrawn -> {
                    if (open != null) {
                        periods.add(close(open, date(withdrawn.occurredAt()), serviceArea, admittedAt, admissionNotices, rules));
                        open = null;
                    }
                }
                case Discharged discharged -> {
                    if (open != null) {
                        periods.add(close(open, date(discharged.occurredAt()), serviceArea, admittedAt, admissionNotices, rules));
                        open = null;
                    }
                }
            }
        }
        if (open != null) {
            periods.add(figures(open, null, today, serviceArea, admittedAt, admissionNotices, rules));
        }
        return new StayFigures(List.copyOf(periods));
    }

    private static final class OpenPeriod {
        final DeclaredDischargeReady declaration;
        DischargeReadyNoticeSent notice;
        LocalDate municipalityReadyOn;

        OpenPeriod(DeclaredDischargeReady declaration) {
            this.declaration = declaration;
        }
    }

    private static PeriodFigures close(OpenPeriod period, LocalDate endedOn, ServiceArea serviceArea, Instant admittedAt,
                                       List<AdmissionNoticeSent> admissionNotices, DayCountingRules rules) {
        return figures(period, endedOn, endedOn, serviceArea, admittedAt, admissionNotices, rules);
    }

    private static PeriodFigures figures(OpenPeriod period, LocalDate endedOn, LocalDate countUntil, ServiceArea serviceArea,
                                         Instant admittedAt, List<AdmissionNoticeSent> admissionNotices, DayCountingRules rules) {
        LocalDate declaredOn = date(period.declaration.occurredAt());
        LocalDate readyEnd = max(countUntil, declaredOn);
        SortedMap<YearMonth, Integer> readyByMonth = byMonth(declaredOn, readyEnd);
        List<NonBillableReason> reasons = reasonsNotBillable(period, serviceArea, admittedAt, admissionNotices, rules);
        if (!reasons.isEmpty()) {
            return new PeriodFigures(declaredOn, endedOn, days(declaredOn, readyEnd), null, null, 0, reasons,
                    readyByMonth, new TreeMap<>());
        }
        // § 13: liability from the notice date; it ends at the earliest of municipality ready, withdrawal, discharge.
        LocalDate billableFrom = date(period.notice.occurredAt());
        LocalDate billableUntil = countUntil;
        if (period.municipalityReadyOn != null && period.municipalityReadyOn.isBefore(billableUntil)) {
            billableUntil = period.municipalityReadyOn;
        }
        billableUntil = max(billableUntil, billableFrom);
        return new PeriodFigures(declaredOn, endedOn, days(declaredOn, readyEnd), billableFrom, billableUntil,
                days(billableFrom, billableUntil), List.of(), readyByMonth, byMonth(billableFrom, billableUntil));
    }

    private static List<NonBillableReason> reasonsNotBillable(OpenPeriod period, ServiceArea serviceArea, Instant admittedAt,
                                                              List<AdmissionNoticeSent> admissionNotices, DayCountingRules rules) {
        List<NonBillableReason> reasons = new ArrayList<>();
        // § 8: the admission notice, within the deadline after admission.
        if (admissionNotices.isEmpty()) {
            reasons.add(NonBillableReason.ADMISSION_NOTICE_MISSING);
        } else if (admissionNotices.stream().noneMatch(notice -> inTime(notice, admittedAt, rules))) {
            reasons.add(NonBillableReason.ADMISSION_NOTICE_LATE);
        }
        // § 9: a documented declaration; in mental health and addiction care, two more conditions.
        DeclaredDischargeReady declaration = period.declaration;
        if (declaration.assessorHprNumber() == null || declaration.assessorHprNumber().isBlank()
                || declaration.assessment() == null || !declaration.assessment().complete()) {
            reasons.add(NonBillableReason.DECLARATION_NOT_DOCUMENTED);
        }
        if (serviceArea.requiresFollowUpConditions() && (declaration.followUp() == null || !declaration.followUp().complete())) {
            reasons.add(NonBillableReason.FOLLOW_UP_CONDITIONS_MISSING);
        }
        // § 10: the discharge-ready notice.
        if (period.notice == null) {
            reasons.add(NonBillableReason.DISCHARGE_READY_NOTICE_MISSING);
        }
        return reasons;
    }

    private static boolean inTime(AdmissionNoticeSent notice, Instant admittedAt, DayCountingRules rules) {
        if (admittedAt != null && !notice.occurredAt().isAfter(admittedAt.plus(rules.admissionNoticeDeadline()))) {
            return true;
        }
        return rules.acceptLaterNoticeWhenNeedAroseDuringStay() && notice.needAroseDuringStay();
    }

    private static SortedMap<YearMonth, Integer> byMonth(LocalDate fromInclusive, LocalDate untilExclusive) {
        SortedMap<YearMonth, Integer> byMonth = new TreeMap<>();
        for (LocalDate day = fromInclusive; day.isBefore(untilExclusive); day = day.plusDays(1)) {
            byMonth.merge(YearMonth.from(day), 1, Integer::sum);
        }
        return byMonth;
    }

    private static int days(LocalDate fromInclusive, LocalDate untilExclusive) {
        return (int) ChronoUnit.DAYS.between(fromInclusive, untilExclusive);
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? b : a;
    }

    static LocalDate date(Instant instant) {
        return LocalDate.ofInstant(instant, OsloTime.ZONE);
    }
}

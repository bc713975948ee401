package no.samhandling.discharge.stay;

import no.samhandling.discharge.stay.StayEvent.AdmissionNoticeSent;
import no.samhandling.discharge.stay.StayEvent.DeclaredDischargeReady;
import no.samhandling.discharge.stay.StayEvent.MunicipalityAnswered;
import no.samhandling.discharge.stay.StayHistory.Effective;
import no.samhandling.discharge.time.OsloTime;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
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
 *
 * <p>Two steps: the history gives each period's {@link PeriodFacts} ({@link #facts}), which are stored;
 * the facts give the days up to any date ({@link #days}, {@link #figures}).
 */
public final class DayCounter {

    /**
     * The version of the counting logic in this class. With the configured parts ({@link DayCountingRules})
     * it makes the rules version stored with every figure; raise it when a change of this class changes
     * what any history counts.
     */
    public static final int LOGIC_VERSION = 1;

    private DayCounter() {
    }

    public static StayFigures count(ServiceArea serviceArea, List<Effective> history, DayCountingRules rules, LocalDate today) {
        return new StayFigures(facts(serviceArea, history, rules).stream().map(facts -> figures(facts, today)).toList());
    }

    /** Each discharge-ready period's facts, from the corrected history. */
    public static List<PeriodFacts> facts(ServiceArea serviceArea, List<Effective> history, DayCountingRules rules) {
        return DischargeReadyPeriod.of(history).stream().map(period -> facts(period, serviceArea, rules)).toList();
    }

    private static PeriodFacts facts(DischargeReadyPeriod period, ServiceArea serviceArea, DayCountingRules rules) {
        MunicipalityAnswered answer = period.latestAnswer();
        return new PeriodFacts(period.number(), period.declaredOn(), period.endedOn(),
                period.notice() == null ? null : date(period.notice().occurredAt()), period.municipalityReadyOn(),
                reasonsNotBillable(period, serviceArea, rules), period.declaration().needs(),
                answer == null ? null : answer.canReceive(), answer == null ? null : answer.readyFrom(),
                answer == null ? null : answer.expectedReadyOn(), answer == null ? null : answer.offer());
    }

    /**
     * Every discharge-ready day of the period, up to its end or, while it lasts, up to {@code today}
     * (exclusive), each billable or not and why.
     */
    public static List<DayFact> days(PeriodFacts period, LocalDate today) {
        LocalDate until = max(countUntil(period, today), period.declaredOn());
        LocalDate billableFrom = billableFrom(period);
        LocalDate billableUntil = billableUntil(period, today);
        List<DayFact> days = new ArrayList<>();
        for (LocalDate day = period.declaredOn(); day.isBefore(until); day = day.plusDays(1)) {
            if (!period.notBillableBecause().isEmpty()) {
                days.add(new DayFact(day, false, period.notBillableBecause().getFirst().code()));
            } else if (day.isBefore(billableFrom)) {
                days.add(new DayFact(day, false, DayFact.BEFORE_NOTICE));
            } else if (day.isBefore(billableUntil)) {
                days.add(new DayFact(day, true, null));
            } else {
                days.add(new DayFact(day, false, DayFact.MUNICIPALITY_READY));
            }
        }
        return days;
    }

    /** The period's figures, counted up to its end or, while it lasts, up to {@code today}. */
    public static PeriodFigures figures(PeriodFacts period, LocalDate today) {
        List<DayFact> days = days(period, today);
        SortedMap<YearMonth, Integer> readyByMonth = new TreeMap<>();
        SortedMap<YearMonth, Integer> billableByMonth = new TreeMap<>();
        for (DayFact day : days) {
            readyByMonth.merge(YearMonth.from(day.date()), 1, Integer::sum);
            if (day.billable()) {
                billableByMonth.merge(YearMonth.from(day.date()), 1, Integer::sum);
            }
        }
        int billable = (int) days.stream().filter(DayFact::billable).count();
        boolean billing = period.notBillableBecause().isEmpty();
        return new PeriodFigures(period.declaredOn(), period.endedOn(), days.size(),
                billing ? billableFrom(period) : null, billing ? billableUntil(period, today) : null, billable,
                period.notBillableBecause(), readyByMonth, billableByMonth);
    }

    // § 13: liability from the notice date; it ends at the earliest of municipality ready, withdrawal, discharge.
    private static LocalDate billableFrom(PeriodFacts period) {
        return period.noticeOn() == null ? period.declaredOn() : period.noticeOn();
    }

    private static LocalDate billableUntil(PeriodFacts period, LocalDate today) {
        LocalDate until = countUntil(period, today);
        if (period.municipalityReadyOn() != null && period.municipalityReadyOn().isBefore(until)) {
            until = period.municipalityReadyOn();
        }
        return max(until, billableFrom(period));
    }

    private static LocalDate countUntil(PeriodFacts period, LocalDate today) {
        return period.endedOn() != null ? period.endedOn() : today;
    }

    private static List<NonBillableReason> reasonsNotBillable(DischargeReadyPeriod period, ServiceArea serviceArea, DayCountingRules rules) {
        List<NonBillableReason> reasons = new ArrayList<>();
        // § 8: the admission notice, within the deadline after admission.
        List<AdmissionNoticeSent> admissionNotices = period.admissionNotices();
        if (admissionNotices.isEmpty()) {
            reasons.add(NonBillableReason.ADMISSION_NOTICE_MISSING);
        } else if (admissionNotices.stream().noneMatch(notice -> inTime(notice, period.admittedAt(), rules))) {
            reasons.add(NonBillableReason.ADMISSION_NOTICE_LATE);
        }
        // § 9: a documented declaration; in mental health and addiction care, two more conditions.
        DeclaredDischargeReady declaration = period.declaration();
        if (declaration.assessorHprNumber() == null || declaration.assessorHprNumber().isBlank()
                || declaration.assessment() == null || !declaration.assessment().complete()) {
            reasons.add(NonBillableReason.DECLARATION_NOT_DOCUMENTED);
        }
        if (serviceArea.requiresFollowUpConditions() && (declaration.followUp() == null || !declaration.followUp().complete())) {
            reasons.add(NonBillableReason.FOLLOW_UP_CONDITIONS_MISSING);
        }
        // § 10: the discharge-ready notice.
        if (period.notice() == null) {
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

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? b : a;
    }

    static LocalDate date(Instant instant) {
        return LocalDate.ofInstant(instant, OsloTime.ZONE);
    }
}

package no.samhandling.discharge.stay;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.UUID;

/** What the stay endpoints answer. */
public final class StayViews {

    private StayViews() {
    }

    @Schema(name = "Patient", description = "The patient, by national identifier (personal data: every read is audit-logged)")
    public record PatientView(
            @Schema(description = "fodselsnummer, d-nummer or felles-hjelpenummer") PersonIdentifier.Kind identifierKind,
            @Schema(example = "01019010046") String identifier) {

        static PatientView of(Stay stay) {
            return new PatientView(PersonIdentifier.parse(stay.patientIdentifier).map(PersonIdentifier::kind).orElse(null),
                    stay.patientIdentifier);
        }
    }

    @Schema(name = "NonBillableReason", description = "Which of §§ 8-10 was not met, so the period carries no payment liability")
    public record ReasonView(NonBillableReason code, String explanation) {
    }

    @Schema(name = "DischargeReadyPeriod", description = "One discharge-ready period, from declaration to withdrawal or discharge")
    public record PeriodView(
            @Schema(description = "Date declared discharge-ready (utskrivningsklar dato)") LocalDate declaredOn,
            @Schema(description = "Date the period ended (withdrawal or discharge); absent while it lasts") LocalDate endedOn,
            boolean ongoing,
            @Schema(description = "Discharge-ready days (overliggerdøgn); so far, while the period lasts") int dischargeReadyDays,
            @Schema(description = "First billable date: the date of the discharge-ready notice") LocalDate billableFrom,
            @Schema(description = "Billing ends before this date: municipality ready, withdrawal or discharge") LocalDate billableUntil,
            @Schema(description = "Billable days (betalingsdøgn) under § 13") int billableDays,
            @Schema(description = "Why the period is not billable, when it is not") List<ReasonView> notBillableBecause,
            @Schema(description = BILLED_AMOUNT) BigDecimal billedAmount,
            @Schema(description = UNKNOWN_RATE_YEARS) List<Integer> unknownRateYears) {

        static PeriodView of(PeriodFigures p, BilledAmount amount) {
            return new PeriodView(p.declaredOn(), p.endedOn(), p.ongoing(), p.dischargeReadyDays(), p.billableFrom(),
                    p.billableUntil(), p.billableDays(), reasons(p.notBillableBecause()), amount.nok(), amount.unknownRateYears());
        }
    }

    static final String BILLED_AMOUNT = "Billed amount in NOK: each billable day at the daily rate (døgnpris) of its own year; "
            + "null when a year's rate is unknown (see unknownRateYears)";
    static final String UNKNOWN_RATE_YEARS = "Years with billable days whose daily rate is not known yet, so the amount is unknown";

    static List<ReasonView> reasons(List<NonBillableReason> reasons) {
        return reasons.stream().map(r -> new ReasonView(r, r.explanation())).toList();
    }

    @Schema(name = "StayFigures", description = "Discharge-ready and billable days of the stay, as stored with the event that last "
            + "changed them (counted from its corrected history); an ongoing period's days up to today")
    public record FiguresView(
            int dischargeReadyDays,
            int billableDays,
            @Schema(description = BILLED_AMOUNT) BigDecimal billedAmount,
            @Schema(description = UNKNOWN_RATE_YEARS) List<Integer> unknownRateYears,
            List<PeriodView> periods,
            @Schema(description = "Discharge-ready days by month (YYYY-MM)") Map<String, Integer> dischargeReadyDaysByMonth,
            @Schema(description = "Billable days by month (YYYY-MM); each day counts in its own month and year") Map<String, Integer> billableDaysByMonth,
            @Schema(description = "The version of the counting rules the figures were made by") String rulesVersion) {

        static FiguresView of(StayFigures figures, java.util.function.Function<PeriodFigures, BilledAmount> amounts, String rulesVersion) {
            List<BilledAmount> periodAmounts = figures.periods().stream().map(amounts).toList();
            BilledAmount total = periodAmounts.stream().reduce(BilledAmount.NOTHING, BilledAmount::plus);
            List<PeriodView> periods = new java.util.ArrayList<>();
            for (int i = 0; i < figures.periods().size(); i++) {
                periods.add(PeriodView.of(figures.periods().get(i), periodAmounts.get(i)));
            }
            return new FiguresView(figures.dischargeReadyDays(), figures.billableDays(), total.nok(), total.unknownRateYears(),
                    List.copyOf(periods), months(figures.dischargeReadyDaysByMonth()), months(figures.billableDaysByMonth()), rulesVersion);
        }

        private static Map<String, Integer> months(SortedMap<YearMonth, Integer> byMonth) {
            Map<String, Integer> months = new LinkedHashMap<>();
            byMonth.forEach((month, days) -> months.put(month.toString(), days));
            return months;
        }
    }

    @Schema(name = "StayEvent", description = "One recorded event of the stay's history")
    public record EventView(
            UUID id,
            int sequence,
            @Schema(description = "original, correction or cancellation") String kind,
            EventType type,
            Instant occurredAt,
            @Schema(description = "For a correction: the event it corrects") UUID replaces,
            @Schema(description = "For a cancellation: the event it cancels") UUID cancels,
            @Schema(description = "Why it was corrected, cancelled or withdrawn") String reason,
            @Schema(description = "False when a later correction or cancellation replaced it") boolean inForce,
            @Schema(description = "The event's data, as sent") Object data,
            Instant recordedAt,
            String recordedBy) {
    }

    @Schema(name = "Stay", description = "A hospital stay (opphold) with its status, figures and history")
    public record StayView(
            UUID id,
            PatientView patient,
            @Schema(description = "Hospital trust organisation number", example = "983974899") String hospital,
            String ward,
            ServiceArea serviceArea,
            @Schema(description = "Residence municipality (bostedskommune)") String residenceMunicipality,
            @Schema(description = "Paying municipality (oppholdskommune)") String payingMunicipality,
            Instant admittedAt,
            StayStatus status,
            FiguresView figures,
            List<EventView> events,
            @Schema(description = "Version for optimistic locking: send it in If-Match to be sure nobody changed the stay in the meantime")
            long version) {
    }

    @Schema(name = "StaySummary", description = "A stay in the ward's list")
    public record StaySummary(
            UUID id,
            PatientView patient,
            String hospital,
            String ward,
            ServiceArea serviceArea,
            String payingMunicipality,
            Instant admittedAt,
            StayStatus status,
            @Schema(description = "Date declared discharge-ready, while the patient is") LocalDate dischargeReadySince,
            @Schema(description = "Days waiting in the current discharge-ready period (so far)") int daysWaiting,
            @Schema(description = "Billable days of the whole stay so far") int billableDays,
            @Schema(description = BILLED_AMOUNT) BigDecimal billedAmount,
            @Schema(description = UNKNOWN_RATE_YEARS) List<Integer> unknownRateYears,
            long version) {
    }

    @Schema(name = "WorkListEntry", description = "A patient the municipality must plan for (arbeidsliste)")
    public record WorkListEntry(
            UUID stayId,
            PatientView patient,
            @Schema(description = "Hospital trust organisation number") String hospital,
            String ward,
            ServiceArea serviceArea,
            StayStatus status,
            Instant admittedAt,
            @Schema(description = "From the admission notice") LocalDate expectedDischargeDate,
            @Schema(description = "From the admission notice") String expectedNeeds,
            @Schema(description = "Needs stated in the discharge-ready declaration") String needs,
            @Schema(description = "Date declared discharge-ready, when the patient is") LocalDate dischargeReadySince,
            @Schema(description = "Days waiting in the current discharge-ready period (so far)") int daysWaiting,
            @Schema(description = "Billable days so far in the current period") int billableDaysSoFar,
            @Schema(description = "The date billing started in the current period (the discharge-ready notice, § 13); "
                    + "absent when nothing is billable") LocalDate billingStartedOn,
            @Schema(description = "Why nothing of the current period is billable (§§ 8-10), when it is not") List<ReasonView> notBillableBecause,
            @Schema(description = "The municipality's latest answer in the current period: can it receive the patient; absent before any answer")
            Boolean canReceive,
            @Schema(description = "That answer, when it can receive the patient: from which date (§ 13: billing ends then)") LocalDate readyFrom,
            @Schema(description = "That answer, when it cannot yet: when it expects an offer to be ready (§ 11)") LocalDate expectedReadyOn,
            @Schema(description = "That answer's offer") String offer,
            @Schema(description = "So far in the current period. " + BILLED_AMOUNT) BigDecimal billedAmountSoFar,
            @Schema(description = UNKNOWN_RATE_YEARS) List<Integer> unknownRateYears,
            long version) {
    }

    @Schema(name = "StayImport", description = "Stays to load at once, each with its events in order, as the REST calls would send them")
    public record ImportRequest(@Schema(description = "1 to 500 stays") List<ImportedStay> stays) {
    }

    @Schema(name = "ImportedStay", description = "One stay: its registration (as POST /stays) and its events in order")
    public record ImportedStay(StayCommands.RegisterStay registration, List<ImportStep> steps) {
    }

    @Schema(name = "ImportStep", description = "One event of a stay: the path segment of its REST call (admission-notice, "
            + "discharge-readiness, discharge-ready-notice, municipality-response, withdrawal, discharge, or correction: of the step before) "
            + "and the body that call takes")
    public record ImportStep(@Schema(example = "discharge-readiness") String path,
                             @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.OBJECT, implementation = Object.class)
                             com.fasterxml.jackson.databind.JsonNode body) {
    }

    @Schema(name = "StayImportResult", description = "What an import loaded")
    public record ImportResult(int stays, @Schema(description = "Events recorded after the registrations") long events,
                               @Schema(description = "The new stays' ids, in the order sent") List<UUID> ids) {
    }
}

package no.samhandling.discharge.capacity;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** How much bed pools are used (utnyttelse): bed-days, occupancy and quotas. No personal data. */
public final class UtilisationViews {

    private UtilisationViews() {
    }

    @Schema(name = "UtilisationDay", description = "One day's beds, counted from the beds and their allocations")
    public record DayView(
            LocalDate day,
            @Schema(description = "Beds in the pool(s)", example = "8") int beds,
            @Schema(description = "Beds with a patient (belegg)", example = "6") int occupied,
            @Schema(description = "Free beds (ledige senger)", example = "1") int free,
            @Schema(description = "Occupied ÷ beds × 100, one decimal; absent without beds", example = "75.0") BigDecimal occupancyPercent) {

        static DayView of(PoolUtilisation.Day day) {
            return new DayView(day.day(), day.beds(), day.occupied(), day.free(), day.occupancyPercent());
        }
    }

    @Schema(name = "UtilisationTotals", description = "The period's bed-days (liggedøgn): every bed on every day, the occupied and the free ones")
    public record TotalsView(
            @Schema(example = "112") long bedDays,
            @Schema(description = "Occupied bed-days (belagte liggedøgn)", example = "84") long occupiedBedDays,
            @Schema(description = "Free bed-days (ledige liggedøgn)", example = "20") long freeBedDays,
            @Schema(description = "Occupied ÷ all bed-days × 100, one decimal", example = "75.0") BigDecimal occupancyPercent) {

        static TotalsView of(PoolUtilisation.Totals totals) {
            return new TotalsView(totals.bedDays(), totals.occupiedBedDays(), totals.freeBedDays(), totals.occupancyPercent());
        }
    }

    @Schema(name = "QuotaUse", description = "A quota (kvote) and how much of it is booked in its whole period; a bed until discharge "
            + "counts to the period's end")
    public record QuotaUseView(
            LocalDate from,
            LocalDate through,
            @Schema(description = "Bed-days the quota allows", example = "60") int bedDays,
            @Schema(description = "Bed-days booked in the quota's period", example = "45") long bookedBedDays,
            @Schema(description = "Bed-days left", example = "15") long remainingBedDays) {

        static List<QuotaUseView> of(List<PoolUtilisation.QuotaUse> quotas) {
            return quotas.stream().map(q -> new QuotaUseView(q.from(), q.through(), q.bedDays(), q.bookedBedDays(), q.remainingBedDays())).toList();
        }
    }

    @Schema(name = "ParticipantUse", description = "What a participating municipality's patients used of the pool in the period, and its quotas")
    public record ParticipantUseView(
            @Schema(example = "1833") String municipality,
            @Schema(description = "Bed-days its patients had in the period", example = "30") long bedDaysUsed,
            @Schema(description = "Its quotas that overlap the period") List<QuotaUseView> quotas) {

        static ParticipantUseView of(PoolUtilisation.Use use) {
            return new ParticipantUseView(use.municipality(), use.bedDaysUsed(), QuotaUseView.of(use.quotas()));
        }
    }

    @Schema(name = "PoolUtilisation", description = "A bed pool's use (utnyttelse av sengepool) per day and for the period")
    public record PoolUtilisationView(
            UUID poolId,
            @Schema(example = "Helgeland felles korttidssenger") String poolName,
            CareLevel careLevel,
            LocalDate from,
            LocalDate through,
            TotalsView totals,
            List<DayView> days,
            @Schema(description = "Every participating municipality") List<ParticipantUseView> participants) {
    }

    @Schema(name = "MunicipalPoolUse", description = "The municipality's use of one pool it takes part in")
    public record MunicipalPoolUseView(
            UUID poolId,
            @Schema(example = "Helgeland felles korttidssenger") String poolName,
            TotalsView poolTotals,
            @Schema(description = "Bed-days the municipality's patients had in the pool in the period", example = "30") long bedDaysUsed,
            @Schema(description = "Its quotas in the pool that overlap the period") List<QuotaUseView> quotas) {
    }

    @Schema(name = "MunicipalUtilisation", description = "The bed pools a municipality takes part in: their beds per day added up, and its own use")
    public record MunicipalUtilisationView(
            @Schema(example = "1833") String municipality,
            @Schema(example = "Rana") String name,
            LocalDate from,
            LocalDate through,
            @Schema(description = "The pools' bed-days added up") TotalsView totals,
            @Schema(description = "The pools' beds per day added up") List<DayView> days,
            @Schema(description = "Bed-days the municipality's patients had in all its pools in the period", example = "30") long bedDaysUsed,
            List<MunicipalPoolUseView> pools) {
    }
}

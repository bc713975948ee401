package no.samhandling.discharge.capacity;

import jakarta.validation.constraints.NotNull;
import no.samhandling.discharge.capacity.Matching.Option;
import no.samhandling.discharge.stay.StayStatus;
import no.samhandling.discharge.stay.StayViews.WorkListEntry;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** What matching (BEON) answers, and what an intake team sends to choose an option. */
public final class CareOptionViews {

    private CareOptionViews() {
    }

    @Schema(name = "CareNeed", description = "The lowest care level (omsorgsnivå) that meets the patient's stated needs, as the "
            + "service reads them (see README, Matching)")
    public record NeedView(
            @Schema(description = "The lowest care level that meets the needs; home-care when they were not recognised",
                    example = "short-term-bed") CareLevel careLevel,
            @Schema(description = "False when the stated needs name no known term: every care level is offered, judge for yourself")
            boolean recognised,
            @Schema(description = "The terms recognised in the stated needs", example = "[\"korttidsplass\"]") List<String> recognisedTerms,
            @Schema(description = "The needs as stated: the declaration's (§ 9), else the admission notice's (§ 8)",
                    example = "Korttidsplass, rehabilitering") String statedNeeds) {

        static NeedView of(CareNeeds.Need need, String statedNeeds) {
            return new NeedView(need.level(), need.recognised(), need.terms(), statedNeeds);
        }
    }

    @Schema(name = "CareOption", description = "Where the patient can go: free places at one care level, from the paying "
            + "municipality's receiving capacity (mottakskapasitet) or a bed pool it takes part in (sengepool)")
    public record OptionView(
            @Schema(description = "receiving-capacity: the municipality's own places; bed-pool: a pool's free beds") CareOptionSource source,
            @Schema(description = "Care level (omsorgsnivå) of the places", example = "short-term-bed") CareLevel careLevel,
            @Schema(description = "The soonest day with a free place (ledig fra)") LocalDate availableFrom,
            @Schema(description = "Free places that day (for a pool: beds free from that day on)", example = "2") int freePlaces,
            @Schema(description = "True when the municipality's figures are older than staleAfterDays: ask before relying on them")
            boolean stale,
            @Schema(description = "The bed pool, for a pool's beds") UUID poolId,
            @Schema(description = "The bed pool's name", example = "Helgeland felles korttidssenger") String poolName,
            @Schema(description = "Bed-days left of the municipality's quota in the pool that day; absent when no quota applies",
                    example = "12") Integer remainingQuotaBedDays) {

        static OptionView of(Option option) {
            return new OptionView(option.source(), option.careLevel(), option.date(), option.free(), option.stale(), option.poolId(),
                    option.poolName(), option.remainingQuota());
        }
    }

    @Schema(name = "StayCareOptions", description = "Where capacity exists for one patient (BEON): the lowest effective care level "
            + "that meets the needs first, then the soonest day, stale figures last")
    public record StayOptions(
            UUID stayId,
            StayStatus status,
            @Schema(description = "Paying municipality (oppholdskommune) whose places and pools are searched", example = "1833")
            String payingMunicipality,
            NeedView need,
            @Schema(description = "First day searched: today, or the expected discharge date when later") LocalDate searchedFrom,
            @Schema(description = "Last day searched") LocalDate searchedThrough,
            @Schema(description = "The soonest option of each source and care level, best first") List<OptionView> options) {
    }

    @Schema(name = "WorkListCareOptions", description = "A patient on the work list with the options that fit (best first)")
    public record WorkListOptions(
            WorkListEntry patient,
            NeedView need,
            @Schema(description = "The soonest option of each source and care level, best first") List<OptionView> options) {
    }

    @Schema(name = "ChooseCareOption", description = "The option chosen for the patient: a place of the municipality's receiving "
            + "capacity (give careLevel) or a bed of a pool (give poolId, and bedId to pick the bed), from a day")
    public record ChooseOption(
            @NotNull @Schema(description = "receiving-capacity or bed-pool") CareOptionSource source,
            @Schema(description = "For receiving-capacity: the care level of the place", example = "short-term-bed") CareLevel careLevel,
            @Schema(description = "For bed-pool: the pool") UUID poolId,
            @Schema(description = "For bed-pool, optional: the bed; the first bed free from that day (by label) when absent") UUID bedId,
            @NotNull @Schema(description = "The day the patient can come (today or later)", example = "2025-03-10") LocalDate from) {
    }

    @Schema(name = "ChosenCareOption", description = "The option chosen, and the municipality's answer that followed (§ 11: can receive)")
    public record ChosenView(
            UUID id,
            UUID stayId,
            CareOptionSource source,
            CareLevel careLevel,
            @Schema(description = "The day the patient can come: the answer's readyFrom") LocalDate from,
            UUID poolId,
            String poolName,
            @Schema(description = "For a pool bed: the allocation (sengetildeling)") UUID allocationId,
            @Schema(description = "For a pool bed: the bed", example = "Rom 3 seng 1") String bedLabel,
            @Schema(description = "The offer sent in the answer", example = "Short-term bed (korttidsplass), Rana") String offer,
            @Schema(description = "The stay's status after the answer") StayStatus stayStatus,
            Instant chosenAt,
            String chosenBy) {
    }
}

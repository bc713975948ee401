package no.samhandling.discharge.capacity;

import jakarta.validation.constraints.NotNull;
import no.samhandling.discharge.stay.StayStatus;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** Giving a pool bed to a discharge-ready patient. */
public final class AllocationViews {

    private AllocationViews() {
    }

    @Schema(name = "AllocateBed", description = "The patient (stay) and the days: from a day (today or later: a reservation when later) "
            + "through a day, or until discharge when through is absent")
    public record AllocateBed(
            @NotNull @Schema(description = "The stay (opphold) of the discharge-ready patient") UUID stayId,
            @NotNull @Schema(description = "First day in the bed, e.g. 2025-03-10") LocalDate from,
            @Schema(description = "Last day in the bed; until discharge when absent") LocalDate through) {
    }

    @Schema(name = "MoveBed", description = "The other bed of the pool and the first day in it; the patient's bed until then is "
            + "given up the day before")
    public record MoveBed(
            @NotNull @Schema(description = "The bed to move to") UUID bedId,
            @NotNull @Schema(description = "First day in the new bed (today or later), e.g. 2025-03-12") LocalDate from) {
    }

    @Schema(name = "BedAllocation", description = "A pool bed given to a patient (sengetildeling)")
    public record AllocationView(
            UUID id,
            UUID poolId,
            @Schema(example = "Helgeland felles korttidssenger") String poolName,
            UUID bedId,
            @Schema(example = "Rom 3 seng 1") String bedLabel,
            @Schema(description = "The stay") UUID stayId,
            @Schema(description = "The paying municipality", example = "1833") String municipality,
            @Schema(description = "First day in the bed") LocalDate from,
            @Schema(description = "Last day in the bed; absent: until discharge") LocalDate through,
            Instant allocatedAt,
            @Schema(example = "intake-rana") String allocatedBy,
            @Schema(description = "The stay's status after the municipality's answer (can receive, offer: the bed pool)") StayStatus stayStatus) {
    }
}

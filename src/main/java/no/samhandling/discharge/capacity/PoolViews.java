package no.samhandling.discharge.capacity;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What the bed pool endpoints answer. No personal data. */
public final class PoolViews {

    private PoolViews() {
    }

    @Schema(name = "BedPoolOperators", description = "Who runs the pool: hospital trusts and municipalities, one or several together")
    public record RunBy(
            @Schema(description = "Hospital trusts (organisation numbers)", example = "[\"983974929\"]") List<String> hospitals,
            @Schema(description = "Municipalities (kommunenummer)", example = "[\"1833\"]") List<String> municipalities) {
    }

    @Schema(name = "BedPoolQuota", description = "Bed-days (liggedøgn) a participating municipality may use in a period")
    public record QuotaView(
            @Schema(example = "1832") String municipality,
            @Schema(description = "First day of the period") LocalDate from,
            @Schema(description = "Last day of the period") LocalDate through,
            @Schema(description = "Bed-days in the period", example = "60") int bedDays) {
    }

    @Schema(name = "BedPoolCapacity", description = "The pool's beds on a day, counted from the beds themselves: never typed in separately")
    public record CapacityOnDay(
            @Schema(description = "The day counted") LocalDate day,
            @Schema(description = "Beds in the pool", example = "8") int beds,
            @Schema(description = "Free beds (ledige senger): status free and no patient that day", example = "3") int free,
            @Schema(description = "Beds with a patient that day", example = "4") int occupied,
            @Schema(description = "Beds per status that day") Map<BedStatus, Integer> byStatus) {

        static CapacityOnDay of(PoolCapacity.Summary summary) {
            return new CapacityOnDay(summary.day(), summary.beds(), summary.free(), summary.occupied(), summary.byStatus());
        }
    }

    @Schema(name = "Bed", description = "A bed of the pool")
    public record BedView(
            UUID id,
            @Schema(description = "The bed's name in the unit", example = "Rom 3 seng 1") String label,
            @Schema(description = "Its status as the pool administrator set it") BedStatus status,
            @Schema(description = "Its status on the day shown: occupied when a patient has it that day") BedStatus statusOnDay,
            @Schema(description = "statusOnDay as a code of HL7 v2 table 0116 (U, O, C, H, K, I); absent for reserved", example = "U")
            String hl7StatusCode,
            @Schema(description = "When the status was last set") Instant updatedAt,
            @Schema(description = "Who set it", example = "pool-admin-helgeland") String updatedBy,
            @Schema(description = "Version for If-Match", example = "0") long version) {
    }

    @Schema(name = "BedPoolSummary", description = "A bed pool (sengepool) and its free beds on a day")
    public record PoolSummary(
            UUID id,
            @Schema(example = "Helgeland felles korttidssenger") String name,
            @Schema(description = "The care level (omsorgsnivå) of its beds") CareLevel careLevel,
            RunBy runBy,
            @Schema(description = "Municipalities that may use the pool", example = "[\"1832\", \"1833\"]") List<String> participants,
            CapacityOnDay capacity) {
    }

    @Schema(name = "BedPool", description = "A bed pool (sengepool) with its beds, participants, quotas and capacity on a day")
    public record PoolView(
            UUID id,
            @Schema(example = "Helgeland felles korttidssenger") String name,
            @Schema(description = "The care level (omsorgsnivå) of its beds") CareLevel careLevel,
            RunBy runBy,
            @Schema(description = "Municipalities that may use the pool") List<String> participants,
            @Schema(description = "Quotas of bed-days per participant and period (optional)") List<QuotaView> quotas,
            CapacityOnDay capacity,
            @Schema(description = "The beds, by label") List<BedView> beds,
            @Schema(description = "Version for If-Match", example = "0") long version) {
    }
}

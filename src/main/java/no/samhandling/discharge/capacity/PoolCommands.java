package no.samhandling.discharge.capacity;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;

/** What administrators send to set up bed pools and their beds. */
public final class PoolCommands {

    private PoolCommands() {
    }

    @Schema(name = "CreateBedPool", description = "A new bed pool: who runs it, who may use it, and their quotas")
    public record CreatePool(
            @NotBlank @Size(max = 200) @Schema(example = "Helgeland felles korttidssenger") String name,
            @Schema(description = "Hospital trusts running the pool (organisation numbers)")
            List<@NotNull @Pattern(regexp = "[0-9]{9}", message = "must be 9 digits, e.g. 983974929") String> hospitals,
            @Schema(description = "Municipalities running the pool (kommunenummer)")
            List<@NotNull @Pattern(regexp = "[0-9]{4}", message = "must be 4 digits, e.g. 1833") String> municipalities,
            @NotEmpty @Schema(description = "Municipalities that may use the pool (kommunenummer)")
            List<@NotNull @Pattern(regexp = "[0-9]{4}", message = "must be 4 digits, e.g. 1833") String> participants,
            @Valid @Schema(description = "Optional quotas of bed-days per participant and period") List<@NotNull @Valid QuotaCommand> quotas,
            @Schema(description = "The care level (omsorgsnivå) of its beds, for matching; short-term-bed when absent")
            CareLevel careLevel) {
    }

    @Schema(name = "BedPoolQuotaCommand", description = "Bed-days a participant may use in a period")
    public record QuotaCommand(
            @NotNull @Pattern(regexp = "[0-9]{4}", message = "must be 4 digits, e.g. 1833") String municipality,
            @NotNull LocalDate from,
            @NotNull LocalDate through,
            @NotNull @PositiveOrZero Integer bedDays) {
    }

    @Schema(name = "AddBed", description = "A bed for the pool")
    public record AddBed(
            @NotBlank @Size(max = 50) @Schema(example = "Rom 3 seng 1") String label,
            @Schema(description = "Its status; free when absent") BedStatus status) {
    }

    @Schema(name = "BedStatusChange", description = "The bed's new status")
    public record ChangeBedStatus(@NotNull @Schema(example = "being-cleaned") BedStatus status) {
    }
}

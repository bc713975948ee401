package no.samhandling.discharge.capacity;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;

/** What an intake team sends to publish capacity. */
public final class CapacityCommands {

    private CapacityCommands() {
    }

    @Schema(name = "PublishCapacity", description = "Free places per care level from a day (and through a day): the same figures "
            + "are published for every day of the range. Later publications replace them; the history is kept.")
    public record PublishCapacity(
            @NotNull @Schema(description = "First day the places are free (ledig fra), e.g. 2025-03-10") LocalDate from,
            @Schema(description = "Last day the figures hold, e.g. 2025-03-16; the same day as from when absent") LocalDate through,
            @NotEmpty @Valid @Schema(description = "One entry per care level reported") List<@NotNull @Valid LevelFigures> careLevels) {
    }

    @Schema(name = "CareLevelPlaces", description = "Places at one care level")
    public record LevelFigures(
            @NotNull @Schema(description = "Care level (omsorgsnivå)", example = "short-term-bed") CareLevel careLevel,
            @PositiveOrZero @Schema(description = "Places in all (optional)", example = "12") Integer totalPlaces,
            @PositiveOrZero @Schema(description = "Places taken (optional)", example = "10") Integer occupiedPlaces,
            @NotNull @PositiveOrZero @Schema(description = "Free places (ledige plasser)", example = "2") Integer availablePlaces) {

        CapacityFigures figures() {
            return new CapacityFigures(totalPlaces, occupiedPlaces, availablePlaces);
        }
    }
}

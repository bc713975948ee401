package no.samhandling.discharge.capacity;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What the capacity endpoints answer. No personal data: boards see the same. */
public final class CapacityViews {

    private CapacityViews() {
    }

    @Schema(name = "ReceivingCapacity", description = "A municipality's receiving capacity (mottakskapasitet): for each care level and day "
            + "the figures published last. A day without a figure at a care level has not been reported.")
    public record CapacityView(
            @Schema(description = "Municipality number (kommunenummer)", example = "1833") String municipality,
            @Schema(example = "Rana") String municipalityName,
            @Schema(description = "First day shown") LocalDate from,
            @Schema(description = "Last day shown") LocalDate through,
            @Schema(description = "Figures published more than this many days ago are marked stale", example = "7") int staleAfterDays,
            @Schema(description = "Current figures, by day and then care level (lowest effective care level first)") List<FigureView> figures) {
    }

    @Schema(name = "CapacityFigure", description = "Places at one care level on one day, as published")
    public record FigureView(
            @Schema(description = "Care level (omsorgsnivå)", example = "short-term-bed") CareLevel careLevel,
            @Schema(description = "The day the places are free (ledig fra)") LocalDate date,
            @Schema(description = "Places in all (numTotBeds); absent when not reported", example = "12") Integer totalPlaces,
            @Schema(description = "Places taken (numBedsOcc); absent when not reported", example = "10") Integer occupiedPlaces,
            @Schema(description = "Free places (ledige plasser, numTotBedsAvail)", example = "2") int availablePlaces,
            @Schema(description = "When the municipality published the figure") Instant publishedAt,
            @Schema(description = "Who published it: the user, or fhir:municipality:NNNN for a capacity-update message",
                    example = "intake-rana") String publishedBy,
            @Schema(description = "rest or message (capacity-update)", example = "rest") String publishedVia,
            @Schema(description = "True when the figure is older than staleAfterDays: ask the municipality before relying on it")
            boolean stale) {
    }
}

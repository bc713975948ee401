package no.samhandling.discharge.statistics;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import no.samhandling.discharge.statistics.StatisticsViews.PeriodFigures;
import no.samhandling.discharge.stay.ServiceArea;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** What administrators send about measures (tiltak), and what boards read about them and their effect. */
public final class InterventionViews {

    private InterventionViews() {
    }

    @Schema(name = "InterventionCommand", description = "A measure of one municipality or one health partnership: name exactly one of them")
    public record RecordIntervention(
            @Pattern(regexp = "[0-9]{4}", message = "must be 4 digits, e.g. 1833")
            @Schema(description = "The municipality (kommunenummer) that took the measure", example = "1833") String municipality,
            @Schema(description = "Or the health partnership (its id, see GET /health-partnerships)", example = "helsefellesskap-helgeland")
            String healthPartnership,
            @NotBlank @Size(max = 200) @Schema(example = "Mottaksteam startet") String title,
            @Size(max = 4000) @Schema(example = "Kommunens mottaksteam vurderer pasientene mens de ennå er innlagt.") String description,
            @NotNull @Schema(description = "The day it started (or starts)", example = "2022-01-01") LocalDate startsOn) {
    }

    @Schema(name = "Intervention", description = "A measure (tiltak) of a municipality or health partnership, from its start date")
    public record InterventionView(
            UUID id,
            @Schema(description = "The municipality's number, when it is a municipality's measure") String municipality,
            @Schema(description = "The municipality's name") String municipalityName,
            @Schema(description = "The health partnership's id, when it is a partnership's measure") String healthPartnership,
            @Schema(description = "The health partnership's name") String healthPartnershipName,
            String title,
            String description,
            LocalDate startsOn,
            Instant createdAt,
            String createdBy,
            Instant updatedAt,
            String updatedBy,
            @Schema(description = "Send it in If-Match to change or delete the measure") long version) {
    }

    @Schema(name = "InterventionEffectPeriod", description = "The figures of the period before or after the start")
    public record EffectPeriod(
            LocalDate from,
            @Schema(description = "Last day, inclusive") LocalDate to,
            long days,
            @Schema(description = "The period has not ended yet: it ends today") boolean partial,
            @Schema(description = "Discharge-ready days per stay; null when hidden or without stays") BigDecimal meanDaysPerStay,
            PeriodFigures figures) {
    }

    @Schema(name = "InterventionFigureChange", description = "One figure before and after, and how much it changed")
    public record FigureChange(
            @Schema(example = "dischargeReadyDaysPer1000") String figure,
            @Schema(description = "Null when hidden (fewer than 5 patients) or unknown") BigDecimal before,
            BigDecimal after,
            @Schema(description = "After minus before") BigDecimal change,
            @Schema(description = "The change in per cent of before (one decimal); null when before is 0, hidden or unknown")
            BigDecimal relativeChangePercent,
            @Schema(example = "Utskrivningsklare døgn per 1000 innbyggere: 49,5 → 20,4 (−59 %)") String sentence) {
    }

    @Schema(name = "InterventionEffect", description = "What changed after a measure started: the figures of the period from its start and "
            + "of as many days just before it")
    public record InterventionEffect(
            InterventionView intervention,
            @Schema(description = "The municipality or partnership whose figures these are") String group,
            String groupName,
            Basis basis,
            @Schema(description = "Only this service area, when given") ServiceArea serviceArea,
            @Schema(description = "The length asked for, in months") int months,
            EffectPeriod before,
            EffectPeriod after,
            List<FigureChange> changes,
            @Schema(description = "The change of discharge-ready days per 1000 inhabitants in a sentence, and whether the after period "
                    + "is over") String summary,
            String denominator,
            String suppressionRule,
            boolean suppressionApplied) {
    }
}

package no.samhandling.discharge.stay;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;

/** What wards and municipal intake teams send. Times left out mean "now". */
public final class StayCommands {

    private StayCommands() {
    }

    @Schema(name = "RegisterStay", description = "Register an admitted patient (innlagt pasient) on the ward")
    public record RegisterStay(
            @NotBlank @Schema(description = "Fødselsnummer, D-nummer or felles hjelpenummer, 11 digits", example = "01019010046")
            String patientIdentifier,
            @Pattern(regexp = "[0-9]{9}", message = "must be the hospital trust's 9-digit organisation number")
            @Schema(description = "Hospital trust (helseforetak) organisation number; a ward token's own hospital when left out", example = "983974899")
            String hospital,
            @NotBlank @Size(max = 100) @Schema(description = "Ward (sengepost / post)", example = "Medisinsk sengepost 5B")
            String ward,
            @NotNull @Schema(description = "Service area: somatic (somatikk), mental-health (psykisk helsevern), addiction (TSB)")
            ServiceArea serviceArea,
            @NotBlank @Pattern(regexp = "[0-9]{4}", message = "must be a 4-digit municipality number")
            @Schema(description = "Residence municipality (bostedskommune)", example = "1833")
            String residenceMunicipality,
            @Pattern(regexp = "[0-9]{4}", message = "must be a 4-digit municipality number")
            @Schema(description = "Paying municipality (oppholdskommune) when it differs from the residence municipality", example = "1833")
            String payingMunicipality,
            @Schema(description = "When the patient was admitted (innleggelsestidspunkt); now when left out")
            Instant admittedAt) {
    }

    @Schema(name = "AdmissionNotice", description = "§ 8: notice to the municipality that the patient will need municipal services (innleggelsesrapport / helseopplysninger)")
    public record AdmissionNotice(
            @Schema(description = "When the notice was sent; now when left out") Instant sentAt,
            @Schema(description = "Expected discharge date (forventet utskrivningsdato)") LocalDate expectedDischargeDate,
            @NotBlank @Size(max = 2000) @Schema(description = "Expected needs after discharge (forventet behov)", example = "Hjemmesykepleie morgen og kveld")
            String expectedNeeds,
            @Schema(description = "The need for municipal services arose later in the stay (sent after the usual deadline for that reason)")
            Boolean needAroseDuringStay) {
    }

    @Schema(name = "DischargeReadiness", description = "§ 9: the patient is declared discharge-ready (utskrivningsklar)")
    public record DischargeReadiness(
            @Schema(description = "When the doctor or psychologist declared the patient discharge-ready; now when left out") Instant declaredAt,
            @NotBlank @Pattern(regexp = "[0-9]{1,9}", message = "must be an HPR number (up to 9 digits)")
            @Schema(description = "The assessor's HPR number (helsepersonellnummer)", example = "9144889")
            String assessorHprNumber,
            @NotNull @Valid @Schema(description = "The documented assessment (§ 9 first paragraph)") StayEvent.Assessment assessment,
            @Valid @Schema(description = "Mental health and addiction care: the two extra conditions (§ 9 second paragraph)")
            StayEvent.FollowUpConditions followUp,
            @Size(max = 2000) @Schema(description = "Needs for municipal services (behov for kommunale tjenester)", example = "Korttidsplass, rehabilitering")
            String needs) {
    }

    @Schema(name = "DischargeReadyNotice", description = "§ 10: the municipality is told the patient is discharge-ready (melding om utskrivningsklar pasient)")
    public record DischargeReadyNotice(@Schema(description = "When the notice was sent; now when left out") Instant sentAt) {
    }

    @Schema(name = "MunicipalityResponse", description = "§ 11: the municipality's answer: it can receive the patient, or cannot yet")
    public record MunicipalityResponse(
            @Schema(description = "When the municipality answered; now when left out") Instant answeredAt,
            @NotNull @Schema(description = "True: the municipality can receive the patient (kan ta imot)") Boolean canReceive,
            @Schema(description = "When it can receive: from this date (mottaksdato); the answer's date when left out") LocalDate readyFrom,
            @Schema(description = "When it cannot: when an offer is expected to be ready (forventet tilbud)") LocalDate expectedReadyOn,
            @Size(max = 500) @Schema(description = "The offer, e.g. care level or bed pool", example = "Korttidsplass, Rana helsehus") String offer) {
    }

    @Schema(name = "Withdrawal", description = "Avmelding: the patient is no longer discharge-ready")
    public record Withdrawal(
            @Schema(description = "When; now when left out") Instant withdrawnAt,
            @NotBlank @Size(max = 500) @Schema(example = "Ny infeksjon, behandles videre") String reason) {
    }

    @Schema(name = "Discharge", description = "The patient leaves the hospital (utskrevet)")
    public record Discharge(
            @Schema(description = "When; now when left out") Instant dischargedAt,
            @NotNull @Schema(description = "Where the patient went") DischargeDestination destination) {
    }

    @Schema(name = "Correction", description = "A correction of an event: the same fields as the event's own request, and why")
    public record Correction(
            @NotNull @Schema(type = SchemaType.OBJECT, implementation = Object.class,
                    description = "The corrected event, with the same fields as when it was first sent") JsonNode corrected,
            @NotBlank @Size(max = 500) @Schema(example = "Feil dato registrert") String reason) {
    }

    @Schema(name = "Cancellation", description = "A cancellation of an event that should not have been registered (annullering)")
    public record Cancellation(@NotBlank @Size(max = 500) @Schema(example = "Registrert på feil pasient") String reason) {
    }
}

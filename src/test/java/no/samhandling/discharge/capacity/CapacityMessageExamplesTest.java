package no.samhandling.discharge.capacity;

import ca.uhn.fhir.context.FhirContext;
import no.samhandling.discharge.messaging.FhirValidation;
import no.samhandling.discharge.messaging.InboundChannel;
import no.samhandling.discharge.messaging.InboundMessage;
import no.samhandling.discharge.messaging.MessageRefused;
import no.samhandling.discharge.messaging.MessageStatus;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.MeasureReport;
import org.hl7.fhir.r4.model.MessageHeader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The capacity-update example of the message guide is valid and says what the guide says it says; what breaks the rules is refused. */
class CapacityMessageExamplesTest {

    private static final FhirContext FHIR = FhirContext.forR4Cached();
    private static FhirValidation validation;

    @BeforeAll
    static void validator() {
        validation = FhirValidation.forService(FHIR);
    }

    static String exampleText() throws IOException {
        try (InputStream in = CapacityMessageExamplesTest.class.getResourceAsStream("/fhir/examples/capacity-update.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static Bundle example() throws IOException {
        return FHIR.newJsonParser().parseResource(Bundle.class, exampleText());
    }

    private static InboundMessage message(Bundle bundle, String sender) {
        MessageHeader header = (MessageHeader) bundle.getEntryFirstRep().getResource();
        return new InboundMessage(InboundChannel.MUNICIPALITY, "5e7c1a2b-9d3f-4c8e-a1b2-3c4d5e6f7a81", "capacity-update", sender,
                MessageStatus.NEW, Optional.empty(), bundle, header, Instant.parse("2025-03-10T07:31:00+01:00"));
    }

    private static MeasureReport report(Bundle bundle) {
        return (MeasureReport) bundle.getEntry().get(1).getResource();
    }

    private static String json(Bundle bundle) {
        return FHIR.newJsonParser().encodeResourceToString(bundle);
    }

    @Test
    void theExampleIsValidAgainstBaseR4AndItsProfile() throws IOException {
        assertThat(validation.errors(exampleText(), Optional.empty())).isEmpty();
        assertThat(FhirValidation.profileOf(example())).contains("http://samhandling.no/fhir/discharge/StructureDefinition/message-capacity-update");
        assertThat(validation.messageErrors(exampleText())).isEmpty();
    }

    @Test
    void theProfileRequiresTheSaNerShape() throws IOException {
        Bundle bundle = example();
        report(bundle).setType(MeasureReport.MeasureReportType.INDIVIDUAL);
        report(bundle).setDateElement(null);
        assertThat(validation.messageErrors(json(bundle)))
                .anySatisfy(e -> assertThat(e.getMessage()).contains("fixed to 'summary'"))
                .anySatisfy(e -> assertThat(e.getMessage()).contains("MeasureReport.date"));
    }

    @Test
    void anUnknownCareLevelIsAValidationError() throws IOException {
        Bundle bundle = example();
        report(bundle).getGroupFirstRep().getCode().getCodingFirstRep().setCode("hotel");
        assertThat(validation.messageErrors(json(bundle))).anySatisfy(e -> assertThat(e.getMessage()).contains("hotel"));
    }

    @Test
    void theExamplePublishesRanasFreePlacesForAWeek() throws IOException {
        CapacityService.Publication publication = CapacityUpdateMessages.publication(message(example(), "1833"), 31);
        assertThat(publication.municipality()).isEqualTo("1833");
        assertThat(publication.from()).isEqualTo(LocalDate.of(2025, 3, 10));
        assertThat(publication.through()).isEqualTo(LocalDate.of(2025, 3, 16));
        assertThat(publication.publishedAt()).isEqualTo(Instant.parse("2025-03-10T07:25:00+01:00"));
        assertThat(publication.publishedBy()).isEqualTo("fhir:municipality:1833");
        assertThat(publication.figures()).containsOnlyKeys(CareLevel.HOME_CARE, CareLevel.SHORT_TERM_BED, CareLevel.MUNICIPAL_ACUTE_BED);
        assertThat(publication.figures().get(CareLevel.SHORT_TERM_BED)).isEqualTo(new CapacityFigures(12, 10, 2));
        assertThat(publication.figures().get(CareLevel.HOME_CARE)).isEqualTo(new CapacityFigures(null, null, 3));
    }

    @Test
    void aReportAboutAnotherMunicipalityIsRefused() throws IOException {
        Bundle bundle = example();
        assertThatThrownBy(() -> CapacityUpdateMessages.publication(message(bundle, "1832"), 31)).isInstanceOf(MessageRefused.class)
                .hasMessageContaining("own capacity only").hasMessageContaining("about 1833").hasMessageContaining("sent by 1832");
    }

    @Test
    void theMunicipalityIsFoundThroughTheSubjectLocation() throws IOException {
        Bundle bundle = example();
        Location location = (Location) bundle.getEntry().get(2).getResource();
        location.getIdentifierFirstRep().setValue("1832");
        assertThat(CapacityUpdateMessages.municipalityOf(bundle, report(bundle).getSubject())).contains("1832");
    }

    @Test
    void figuresThatDoNotAddUpAreRefusedNamingTheGroup() throws IOException {
        Bundle bundle = example();
        report(bundle).getGroup().get(1).getPopulation().get(2).setCount(5);
        assertThatThrownBy(() -> CapacityUpdateMessages.publication(message(bundle, "1833"), 31)).isInstanceOf(MessageRefused.class)
                .hasMessageContaining("short-term-bed").hasMessageContaining("12 − 10 = 2")
                .satisfies(e -> assertThat(((MessageRefused) e).issues().getFirst().expression()).isEqualTo("MeasureReport.group[1].population"));
    }

    @Test
    void freePlacesAreRequired() throws IOException {
        Bundle bundle = example();
        report(bundle).getGroup().getFirst().getPopulation().clear();
        report(bundle).getGroup().getFirst().addPopulation().setCount(4).getCode().addCoding()
                .setSystem(CapacityUpdateMessages.POPULATIONS).setCode("numTotBeds");
        assertThatThrownBy(() -> CapacityUpdateMessages.publication(message(bundle, "1833"), 31)).isInstanceOf(MessageRefused.class)
                .hasMessageContaining("numTotBedsAvail");
    }

    @Test
    void aPeriodEndingBeforeItStartsIsRefused() throws IOException {
        Bundle bundle = example();
        report(bundle).getPeriod().getEndElement().setValueAsString("2025-03-09");
        assertThatThrownBy(() -> CapacityUpdateMessages.publication(message(bundle, "1833"), 31)).isInstanceOf(MessageRefused.class)
                .hasMessageContaining("MeasureReport.period");
    }

    @Test
    void aReportMadeAheadOfOurClockCountsAsPublishedWhenReceived() throws IOException {
        Bundle bundle = example();
        report(bundle).getDateElement().setValueAsString("2025-03-11T07:25:00+01:00");
        assertThat(CapacityUpdateMessages.publication(message(bundle, "1833"), 31).publishedAt())
                .isEqualTo(Instant.parse("2025-03-10T07:31:00+01:00"));
    }
}

package no.samhandling.discharge.messaging;

import ca.uhn.fhir.context.FhirContext;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.MessageHeader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The examples the message guide shows (src/main/resources/fhir/examples) are valid FHIR R4 and are
 * accepted by the service's own rules, so the guide cannot drift from what the service takes.
 */
class MessageExamplesTest {

    private static final FhirContext FHIR = FhirContext.forR4Cached();
    private static FhirValidation validation;

    @BeforeAll
    static void validator() {
        validation = new FhirValidation(FHIR);
    }

    static Bundle example(String name) throws IOException {
        return FHIR.newJsonParser().parseResource(Bundle.class, exampleText(name));
    }

    static String exampleText(String name) throws IOException {
        try (InputStream in = MessageExamplesTest.class.getResourceAsStream("/fhir/examples/" + name + ".json")) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static MessageHeader header(Bundle bundle) {
        return (MessageHeader) bundle.getEntryFirstRep().getResource();
    }

    @ParameterizedTest
    @ValueSource(strings = {"admission-notice", "discharge-ready-notice", "discharge-ready-withdrawn", "patient-discharged",
            "municipality-response", "acknowledgement-ok", "acknowledgement-fatal-error", "discharge-ready-notice-corrected",
            "discharge-ready-notice-cancelled", "capacity-update", "capacity-report"})
    void everyExampleIsAValidFhirR4Message(String name) throws IOException {
        Bundle bundle = example(name);
        assertThat(bundle.getType()).isEqualTo(Bundle.BundleType.MESSAGE);
        assertThat(bundle.getEntryFirstRep().getResource()).isInstanceOf(MessageHeader.class);
        assertThat(FhirValidation.profileOf(bundle)).as("every message of the catalogue has a profile").isPresent();
        String text = exampleText(name);
        assertThat(validation.errors(text, Optional.empty())).as(name).isEmpty();
        assertThat(validation.messageErrors(text)).as(name + " against its profile").isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"admission-notice", "discharge-ready-notice", "discharge-ready-withdrawn", "patient-discharged"})
    void hospitalExamplesAreWhatHospitalFhirInTakes(String name) throws IOException {
        Bundle bundle = example(name);
        MessageHeader header = header(bundle);
        assertThat(header.getEventCoding().getCode()).isEqualTo(name);
        assertThat(InboundChannel.HOSPITAL.sender(bundle, header)).contains("983974929");
    }

    @ParameterizedTest
    @ValueSource(strings = {"municipality-response"})
    void theMunicipalityResponseExampleIsWhatMunicipalityFhirInTakes(String name) throws IOException {
        Bundle bundle = example(name);
        MessageHeader header = header(bundle);
        assertThat(InboundChannel.MUNICIPALITY.sender(bundle, header)).contains("1833");
    }

    @ParameterizedTest
    @ValueSource(strings = {"acknowledgement-ok", "acknowledgement-fatal-error"})
    void acknowledgementExamplesAnswerTheMunicipalityResponse(String name) throws IOException {
        MessageHeader header = header(example(name));
        assertThat(header.getResponse().getIdentifier()).isEqualTo("8b2d4f60-3c1a-4e9b-9f7d-5a6c8e0b1d2" + (name.endsWith("ok") ? "2" : "3"));
        assertThat(header.getResponse().getCode().toCode()).isEqualTo(name.substring("acknowledgement-".length()));
    }
}

package no.samhandling.discharge.stay;

import ca.uhn.fhir.context.FhirContext;
import no.samhandling.discharge.codes.Coded;
import no.samhandling.discharge.messaging.InboundChannel;
import no.samhandling.discharge.messaging.InboundMessage;
import no.samhandling.discharge.messaging.MessageStatus;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.MessageHeader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The examples of the message guide carry everything the stay handlers need to apply them. */
class StayMessageExamplesTest {

    @ParameterizedTest
    @ValueSource(strings = {"admission-notice", "discharge-ready-notice", "discharge-ready-withdrawn", "patient-discharged"})
    void hospitalExamplesNameTheirStayAndCarryWhatTheirEventNeeds(String name) throws IOException {
        InboundMessage message = message(InboundChannel.HOSPITAL, name);
        assertThat(StayMessageHandling.stayId(message)).isPresent();
        Encounter encounter = StayMessageHandling.encounter(message);
        HospitalStayMessages.checkRequired(Coded.find(StayMessageEvent.class, name).orElseThrow(), message, encounter);
        assertThat(StayMessageHandling.eventTime(encounter)).isBefore(Instant.now());
    }

    @Test
    void theMunicipalityResponseExampleIsAnAnswerUnderParagraph11() throws IOException {
        InboundMessage message = message(InboundChannel.MUNICIPALITY, "municipality-response");
        assertThat(StayMessageHandling.stayId(message)).isPresent();
        StayEvent.MunicipalityAnswered answer = MunicipalityResponseMessages.answer(message, StayMessageHandling.encounter(message));
        assertThat(answer.canReceive()).isTrue();
        assertThat(answer.readyFrom()).isNotNull();
    }

    private static InboundMessage message(InboundChannel channel, String name) throws IOException {
        Bundle bundle;
        try (InputStream in = StayMessageExamplesTest.class.getResourceAsStream("/fhir/examples/" + name + ".json")) {
            bundle = FhirContext.forR4Cached().newJsonParser().parseResource(Bundle.class, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        MessageHeader header = (MessageHeader) bundle.getEntryFirstRep().getResource();
        return new InboundMessage(channel, header.getIdElement().getIdPart(), name, "sender", MessageStatus.NEW, Optional.empty(), bundle,
                header, Instant.now());
    }
}

package no.samhandling.discharge.capacity;

import ca.uhn.fhir.context.FhirContext;
import io.quarkus.test.junit.QuarkusTest;
import no.samhandling.discharge.messaging.FhirNames;
import no.samhandling.discharge.testsupport.KafkaTopics;
import no.samhandling.discharge.testsupport.TestTokens;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.MeasureReport;
import org.hl7.fhir.r4.model.MessageHeader;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;

/**
 * {@code capacity-update} messages on the real broker: published like a REST publication, acknowledged like
 * every inbound message, refused when about another municipality. Hemnes (1832) is this test's municipality.
 */
@QuarkusTest
class CapacityMessagesTest {

    private static final String HEMNES = "1832";
    private static final FhirContext FHIR = FhirContext.forR4Cached();

    /** The guide's example, from {@code sender} about {@code about}, for the given days, made at {@code made}. */
    static String capacityUpdate(String messageId, String sender, String about, String from, String through, Instant made) throws IOException {
        Bundle bundle = FHIR.newJsonParser().parseResource(Bundle.class, CapacityMessageExamplesTest.exampleText());
        bundle.setId(UUID.randomUUID().toString());
        bundle.getEntryFirstRep().setFullUrl("urn:uuid:" + messageId);
        MessageHeader header = (MessageHeader) bundle.getEntryFirstRep().getResource();
        header.setId(messageId);
        header.getSource().setEndpoint(FhirNames.MUNICIPALITY_ENDPOINT + sender);
        MeasureReport report = (MeasureReport) bundle.getEntry().get(1).getResource();
        report.getPeriod().getStartElement().setValueAsString(from);
        report.getPeriod().getEndElement().setValueAsString(through);
        report.getDateElement().setValueAsString(OffsetDateTime.ofInstant(made, ZoneOffset.ofHours(1)).toString());
        ((Location) bundle.getEntry().get(2).getResource()).getIdentifierFirstRep().setValue(about);
        Identifier organisation = ((Organization) bundle.getEntry().get(3).getResource()).getIdentifierFirstRep();
        organisation.setValue(sender);
        return FHIR.newJsonParser().encodeResourceToString(bundle);
    }

    private MessageHeader acknowledgementOf(String messageId, String key) {
        List<ConsumerRecord<String, String>> acks = KafkaTopics.await("municipality.fhir.out",
                r -> key.equals(r.key()) && r.value().contains(messageId) && r.value().contains("\"response\""), 1);
        Bundle ack = FHIR.newJsonParser().parseResource(Bundle.class, acks.getFirst().value());
        return (MessageHeader) ack.getEntryFirstRep().getResource();
    }

    private void send(String key, String payload) {
        KafkaTopics.send("municipality.fhir.in", key, payload);
    }

    @Test
    void aCapacityUpdatePublishesTheFiguresAndIsAcknowledgedOk() throws IOException {
        String id = UUID.randomUUID().toString();
        Instant tenDaysAgo = Instant.now().minus(10, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        send(HEMNES, capacityUpdate(id, HEMNES, HEMNES, "2031-10-01", "2031-10-02", tenDaysAgo));

        assertThat(acknowledgementOf(id, HEMNES).getResponse().getCode()).isEqualTo(MessageHeader.ResponseType.OK);
        given().auth().oauth2(TestTokens.municipalIntake(HEMNES)).when().get("/municipalities/" + HEMNES + "/capacity?from=2031-10-01&through=2031-10-03")
                .then().statusCode(200)
                .body("figures", hasSize(6))
                .body("figures.publishedVia", everyItem(equalTo("message")))
                .body("figures.publishedBy", everyItem(equalTo("fhir:municipality:1832")))
                .body("figures[1].careLevel", equalTo("short-term-bed"))
                .body("figures[1].availablePlaces", equalTo(2))
                .body("figures[1].totalPlaces", equalTo(12))
                .body("figures[1].publishedAt", equalTo(tenDaysAgo.toString()))
                .body("figures.stale", everyItem(equalTo(true)));

        // A newer report replaces the figures it covers: fresh, and no longer stale.
        String newer = UUID.randomUUID().toString();
        send(HEMNES, capacityUpdate(newer, HEMNES, HEMNES, "2031-10-02", "2031-10-02", Instant.now().minusSeconds(60)));
        assertThat(acknowledgementOf(newer, HEMNES).getResponse().getCode()).isEqualTo(MessageHeader.ResponseType.OK);
        given().auth().oauth2(TestTokens.board()).when().get("/municipalities/" + HEMNES + "/capacity?from=2031-10-01&through=2031-10-02")
                .then().statusCode(200)
                .body("figures", hasSize(6))
                .body("figures.stale", equalTo(List.of(true, true, true, false, false, false)));
    }

    @Test
    void aReportAboutAnotherMunicipalityIsRefusedWithFatalErrorAndChangesNothing() throws IOException {
        String id = UUID.randomUUID().toString();
        send(HEMNES, capacityUpdate(id, HEMNES, "1833", "2031-11-01", "2031-11-01", Instant.now()));

        MessageHeader ack = acknowledgementOf(id, HEMNES);
        assertThat(ack.getResponse().getCode()).isEqualTo(MessageHeader.ResponseType.FATALERROR);
        List<ConsumerRecord<String, String>> records = KafkaTopics.await("municipality.fhir.out",
                r -> HEMNES.equals(r.key()) && r.value().contains(id) && r.value().contains("OperationOutcome"), 1);
        OperationOutcome outcome = FHIR.newJsonParser().parseResource(Bundle.class, records.getFirst().value()).getEntry().stream()
                .map(Bundle.BundleEntryComponent::getResource).filter(OperationOutcome.class::isInstance).map(OperationOutcome.class::cast)
                .findFirst().orElseThrow();
        assertThat(outcome.getIssueFirstRep().getDiagnostics() + outcome.getIssueFirstRep().getDetails().getText())
                .contains("own capacity only");
        given().auth().oauth2(TestTokens.admin()).when().get("/municipalities/1833/capacity?from=2031-11-01&through=2031-11-01")
                .then().statusCode(200).body("figures", hasSize(0));
    }
}

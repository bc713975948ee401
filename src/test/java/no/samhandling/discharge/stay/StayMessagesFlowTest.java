package no.samhandling.discharge.stay;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.validation.SingleValidationMessage;
import io.quarkus.test.junit.QuarkusTest;
import no.samhandling.discharge.messaging.FhirValidation;
import no.samhandling.discharge.messaging.MessageStatus;
import no.samhandling.discharge.testsupport.KafkaTopics;
import no.samhandling.discharge.testsupport.MunicipalityResponses;
import no.samhandling.discharge.testsupport.TestPatients;
import no.samhandling.discharge.testsupport.TestTokens;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.MessageHeader;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static no.samhandling.discharge.testsupport.KafkaTopics.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/**
 * The whole flow through Kafka alone: the hospital system reports admission, discharge readiness and
 * discharge on {@code hospital.fhir.in}, the municipal system answers on {@code municipality.fhir.in},
 * one answer arriving after the discharge it preceded.
 */
@QuarkusTest
class StayMessagesFlowTest {

    /** Øksnes: only this test has stays paid for by it. */
    private static final String OKSNES = "1868";
    private static final String NORDLANDSSYKEHUSET = "983974910";

    @Test
    void admissionToDischargeThroughKafkaAloneGivesTheFiguresAndValidMessages() {
        UUID stay = UUID.randomUUID();
        String patient = TestPatients.fodselsnummer();
        Instant admitted = at("2025-03-01T10:00:00+01:00");
        StayEvent.DeclaredDischargeReady declaration = new StayEvent.DeclaredDischargeReady(at("2025-03-03T09:00:00+01:00"), "9144889",
                new StayEvent.Assessment(true, true, true), null, "Korttidsplass");

        fromHospital(stay, patient, admitted, StayMessageEvent.ADMISSION_NOTICE,
                new StayEvent.AdmissionNoticeSent(at("2025-03-01T12:00:00+01:00"), LocalDate.of(2025, 3, 6), "Hjemmesykepleie", false), null);
        fromHospital(stay, patient, admitted, StayMessageEvent.DISCHARGE_READY_NOTICE,
                new StayEvent.DischargeReadyNoticeSent(at("2025-03-03T10:00:00+01:00")), declaration);
        // Two topics are not ordered with each other: the municipality answers once the notice has been taken.
        await("hospital.fhir.out", r -> r.key().equals(stay.toString()), 2);
        String cannot = UUID.randomUUID().toString();
        fromMunicipality(MunicipalityResponses.cannotReceive(cannot, OKSNES, stay.toString(), "2025-03-08"));
        await("municipality.fhir.out", r -> OKSNES.equals(r.key()) && r.value().contains(cannot), 1);
        // Out of order: the discharge is reported before the answer that came before it.
        fromHospital(stay, patient, admitted, StayMessageEvent.PATIENT_DISCHARGED,
                new StayEvent.Discharged(at("2025-03-08T11:00:00+01:00"), DischargeDestination.SHORT_TERM_BED), null);
        await("hospital.fhir.out", r -> r.key().equals(stay.toString()), 3);
        String can = UUID.randomUUID().toString();
        fromMunicipality(MunicipalityResponses.canReceive(can, OKSNES, stay.toString(), "2025-03-07", "2025-03-06T09:00:00+01:00"));

        List<ConsumerRecord<String, String>> hospitalAcks = await("hospital.fhir.out",
                r -> r.key().equals(stay.toString()) && header(r.value()).hasResponse(), 3);
        assertThat(hospitalAcks).extracting(r -> header(r.value()).getResponse().getCode()).containsOnly(MessageHeader.ResponseType.OK);
        // Both answers are forwarded to the hospital, keyed by the stay, in the order they were applied.
        List<ConsumerRecord<String, String>> answers = await("hospital.fhir.out",
                r -> r.key().equals(stay.toString()) && "municipality-response".equals(header(r.value()).getEventCoding().getCode()), 2);
        assertThat(answers).extracting(r -> r.value().contains("\"valueBoolean\":true")).containsExactly(false, true);
        assertThat(answers).allSatisfy(r -> assertThat(r.value()).contains(OKSNES, NORDLANDSSYKEHUSET).doesNotContain(patient));
        List<ConsumerRecord<String, String>> toMunicipality = await("municipality.fhir.out",
                r -> OKSNES.equals(r.key()) && r.value().contains(stay.toString()), 3);
        assertThat(toMunicipality).extracting(r -> header(r.value()).getEventCoding().getCode())
                .containsExactly("admission-notice", "discharge-ready-notice", "patient-discharged");
        List<ConsumerRecord<String, String>> municipalityAcks = await("municipality.fhir.out",
                r -> OKSNES.equals(r.key()) && (r.value().contains(cannot) || r.value().contains(can)), 2);
        assertThat(municipalityAcks).extracting(r -> header(r.value()).getResponse().getCode())
                .containsOnly(MessageHeader.ResponseType.OK);

        given().auth().oauth2(TestTokens.admin()).when().get("/stays/" + stay).then().statusCode(200)
                .body("status", equalTo("discharged"))
                .body("hospital", equalTo(NORDLANDSSYKEHUSET))
                .body("payingMunicipality", equalTo(OKSNES))
                .body("events", hasSize(7))
                .body("figures.dischargeReadyDays", equalTo(5))
                .body("figures.billableDays", equalTo(4))
                .body("figures.periods[0].billableUntil", equalTo("2025-03-07"));

        FhirValidation validation = FhirValidation.forService(FhirContext.forR4Cached());
        for (ConsumerRecord<String, String> record : java.util.stream.Stream.concat(toMunicipality.stream(), answers.stream()).toList()) {
            List<SingleValidationMessage> errors = validation.messageErrors(record.value());
            assertThat(errors).as("errors against FHIR R4 and the profile of %s", header(record.value()).getEventCoding().getCode()).isEmpty();
        }
    }

    /**
     * A hospital system corrects and then cancels its discharge-ready notice by message, with the effect
     * REST's correction and cancellation have: the figures follow, and the municipality is told.
     */
    @Test
    void aHospitalCorrectsAndCancelsItsNoticeByMessage() {
        UUID stay = UUID.randomUUID();
        String patient = TestPatients.fodselsnummer();
        Instant admitted = at("2025-05-01T10:00:00+02:00");
        fromHospital(stay, patient, admitted, StayMessageEvent.ADMISSION_NOTICE,
                new StayEvent.AdmissionNoticeSent(at("2025-05-01T12:00:00+02:00"), null, "Hjemmesykepleie", false), null);
        UUID notice = UUID.randomUUID();
        fromHospital(stay, patient, admitted, StayMessageEvent.DISCHARGE_READY_NOTICE,
                new StayEvent.DischargeReadyNoticeSent(at("2025-05-03T10:00:00+02:00")), declaration("2025-05-03T09:00:00+02:00"),
                notice, MessageStatus.NEW, null);
        await("hospital.fhir.out", r -> r.key().equals(stay.toString()), 2);
        given().auth().oauth2(TestTokens.admin()).when().get("/stays/" + stay).then().statusCode(200)
                .body("figures.periods[0].declaredOn", equalTo("2025-05-03"));

        UUID correction = UUID.randomUUID();
        fromHospital(stay, patient, admitted, StayMessageEvent.DISCHARGE_READY_NOTICE,
                new StayEvent.DischargeReadyNoticeSent(at("2025-05-02T10:00:00+02:00")), declaration("2025-05-02T09:00:00+02:00"),
                correction, MessageStatus.CORRECTED, notice);
        ConsumerRecord<String, String> corrected = await("hospital.fhir.out",
                r -> r.key().equals(stay.toString()) && r.value().contains(correction.toString()), 1).getFirst();
        assertThat(header(corrected.value()).getResponse().getCode()).isEqualTo(MessageHeader.ResponseType.OK);
        given().auth().oauth2(TestTokens.admin()).when().get("/stays/" + stay).then().statusCode(200)
                .body("status", equalTo("awaiting-municipality"))
                .body("figures.periods", hasSize(1))
                .body("figures.periods[0].declaredOn", equalTo("2025-05-02"))
                .body("events.findAll { it.kind == 'correction' }", hasSize(2));
        List<ConsumerRecord<String, String>> toMunicipality = await("municipality.fhir.out",
                r -> OKSNES.equals(r.key()) && r.value().contains(stay.toString()) && r.value().contains("discharge-ready-notice"), 2);
        assertThat(toMunicipality.get(1).value()).as("the municipality hears of the correction").contains("\"corrected\"");

        UUID cancellation = UUID.randomUUID();
        fromHospital(stay, patient, admitted, StayMessageEvent.DISCHARGE_READY_NOTICE,
                new StayEvent.DischargeReadyNoticeSent(at("2025-05-02T10:00:00+02:00")), declaration("2025-05-02T09:00:00+02:00"),
                cancellation, MessageStatus.CANCELLED, correction);
        await("hospital.fhir.out", r -> r.key().equals(stay.toString()) && r.value().contains(cancellation.toString()), 1);
        given().auth().oauth2(TestTokens.admin()).when().get("/stays/" + stay).then().statusCode(200)
                .body("figures.periods", hasSize(0))
                .body("events.findAll { it.kind == 'cancellation' }", hasSize(2));
    }

    /** The message guide's examples, sent as they are: a notice, its correction, then its cancellation. */
    @Test
    void theGuidesCorrectionAndCancellationExamplesDoWhatTheGuideSays() throws Exception {
        String stay = encounterStayId(example("admission-notice"));
        for (String name : List.of("admission-notice", "discharge-ready-notice")) {
            KafkaTopics.send("hospital.fhir.in", stay, example(name));
        }
        await("hospital.fhir.out", r -> r.key().equals(stay), 2);
        KafkaTopics.send("hospital.fhir.in", stay, example("discharge-ready-notice-corrected"));
        List<ConsumerRecord<String, String>> acks = await("hospital.fhir.out", r -> r.key().equals(stay), 3);
        assertThat(acks).extracting(r -> header(r.value()).getResponse().getCode()).containsOnly(MessageHeader.ResponseType.OK);
        given().auth().oauth2(TestTokens.admin()).when().get("/stays/" + stay).then().statusCode(200)
                .body("events.findAll { it.kind == 'correction' }", hasSize(2))
                .body("events.find { it.kind == 'correction' && it.type == 'declared-discharge-ready' }.occurredAt",
                        equalTo("2025-03-03T07:30:00Z"))
                .body("figures.periods", hasSize(1));
        KafkaTopics.send("hospital.fhir.in", stay, example("discharge-ready-notice-cancelled"));
        acks = await("hospital.fhir.out", r -> r.key().equals(stay), 4);
        assertThat(header(acks.get(3).value()).getResponse().getCode()).isEqualTo(MessageHeader.ResponseType.OK);
        given().auth().oauth2(TestTokens.admin()).when().get("/stays/" + stay).then().statusCode(200)
                .body("figures.periods", hasSize(0));
    }

    private static String example(String name) throws java.io.IOException {
        try (java.io.InputStream in = StayMessagesFlowTest.class.getResourceAsStream("/fhir/examples/" + name + ".json")) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private static String encounterStayId(String json) {
        return bundle(json).getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
                .filter(org.hl7.fhir.r4.model.Encounter.class::isInstance).map(org.hl7.fhir.r4.model.Encounter.class::cast)
                .flatMap(e -> e.getIdentifier().stream()).filter(i -> i.getSystem().endsWith("/NamingSystem/stay-id"))
                .map(org.hl7.fhir.r4.model.Identifier::getValue).findFirst().orElseThrow();
    }

    /** A correction naming a message the stay never had is refused, not applied as a new event. */
    @Test
    void aCorrectionOfAnUnknownMessageIsRefused() {
        UUID stay = UUID.randomUUID();
        String patient = TestPatients.fodselsnummer();
        Instant admitted = at("2025-05-01T10:00:00+02:00");
        fromHospital(stay, patient, admitted, StayMessageEvent.ADMISSION_NOTICE,
                new StayEvent.AdmissionNoticeSent(at("2025-05-01T12:00:00+02:00"), null, "Hjemmesykepleie", false), null);
        UUID correction = UUID.randomUUID();
        fromHospital(stay, patient, admitted, StayMessageEvent.DISCHARGE_READY_NOTICE,
                new StayEvent.DischargeReadyNoticeSent(at("2025-05-02T10:00:00+02:00")), declaration("2025-05-02T09:00:00+02:00"),
                correction, MessageStatus.CORRECTED, UUID.randomUUID());
        ConsumerRecord<String, String> ack = await("hospital.fhir.out",
                r -> r.key().equals(stay.toString()) && r.value().contains(correction.toString()), 1).getFirst();
        assertThat(header(ack.value()).getResponse().getCode()).isEqualTo(MessageHeader.ResponseType.FATALERROR);
        given().auth().oauth2(TestTokens.admin()).when().get("/stays/" + stay).then().statusCode(200)
                .body("figures.periods", hasSize(0));
    }

    private static StayEvent.DeclaredDischargeReady declaration(String at) {
        return new StayEvent.DeclaredDischargeReady(at(at), "9144889", new StayEvent.Assessment(true, true, true), null, "Korttidsplass");
    }

    private void fromHospital(UUID stay, String patient, Instant admitted, StayMessageEvent event, StayEvent stayEvent,
                              StayEvent.DeclaredDischargeReady declaration) {
        fromHospital(stay, patient, admitted, event, stayEvent, declaration, UUID.randomUUID(), MessageStatus.NEW, null);
    }

    private void fromHospital(UUID stay, String patient, Instant admitted, StayMessageEvent event, StayEvent stayEvent,
                              StayEvent.DeclaredDischargeReady declaration, UUID messageId, MessageStatus status, UUID replaces) {
        StayMessageFacts facts = new StayMessageFacts(messageId, event, status, replaces, Instant.now(), stay,
                "urn:oid:2.16.578.1.12.4.1.4.1", patient, NORDLANDSSYKEHUSET, "Medisinsk avdeling", "somatic", OKSNES, admitted,
                stayEvent, declaration);
        KafkaTopics.send("hospital.fhir.in", stay.toString(), FhirContext.forR4Cached().newJsonParser().encodeResourceToString(StayMessageBuilder.bundle(facts)));
    }

    private void fromMunicipality(String payload) {
        KafkaTopics.send("municipality.fhir.in", OKSNES, payload);
    }

    private static Instant at(String time) {
        return OffsetDateTime.parse(time).toInstant();
    }

    private static Bundle bundle(String json) {
        return FhirContext.forR4Cached().newJsonParser().parseResource(Bundle.class, json);
    }

    private static MessageHeader header(String json) {
        return (MessageHeader) bundle(json).getEntryFirstRep().getResource();
    }
}

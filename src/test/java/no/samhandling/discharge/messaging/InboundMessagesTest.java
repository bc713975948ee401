package no.samhandling.discharge.messaging;

import ca.uhn.fhir.context.FhirContext;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import no.samhandling.discharge.testsupport.KafkaTopics;
import no.samhandling.discharge.testsupport.MunicipalityResponses;
import no.samhandling.discharge.testsupport.TestPatients;
import no.samhandling.discharge.testsupport.TestTokens;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.MessageHeader;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static no.samhandling.discharge.testsupport.KafkaTopics.await;
import static no.samhandling.discharge.testsupport.KafkaTopics.awaitOne;
import static org.assertj.core.api.Assertions.assertThat;

/** Municipal systems answer over {@code municipality.fhir.in} on the real broker; every message gets one acknowledgement. */
@QuarkusTest
class InboundMessagesTest {

    /** Vågan: only this test has stays paid for by it. */
    private static final String VAGAN = "1865";
    private static final String IN = "municipality.fhir.in";
    private static final String OUT = "municipality.fhir.out";
    private static final String DLQ = "municipality.fhir.in.dlq";

    private final String ward = TestTokens.ward("983974899");

    @Test
    void anAnswerOverKafkaChangesTheStayAndIsAcknowledgedOnceEvenWhenSentTwice() {
        String stay = stayAwaitingTheMunicipality();
        String messageId = UUID.randomUUID().toString();
        String answer = MunicipalityResponses.canReceive(messageId, VAGAN, stay, "2025-03-07");
        send(answer);

        ConsumerRecord<String, String> ack = awaitOne(OUT, r -> respondsTo(r, messageId));
        assertThat(ack.key()).isEqualTo(VAGAN);
        assertThat(header(ack.value()).getResponse().getCode()).isEqualTo(MessageHeader.ResponseType.OK);
        given().auth().oauth2(ward).when().get("/stays/" + stay).then().statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("municipality-ready"))
                .body("events", org.hamcrest.Matchers.hasSize(5));

        send(answer);
        List<ConsumerRecord<String, String>> acks = await(OUT, r -> respondsTo(r, messageId), 2);
        assertThat(acks.get(1).value()).as("the same acknowledgement, byte for byte").isEqualTo(acks.get(0).value());
        given().auth().oauth2(ward).when().get("/stays/" + stay).then().statusCode(200)
                .body("events", org.hamcrest.Matchers.hasSize(5));
    }

    @Test
    void aMessageThatIsNotFhirGoesToTheDeadLetterTopicWithTheReason() {
        String marker = "not-fhir-" + UUID.randomUUID();
        KafkaTopics.send(IN, VAGAN, "{\"this is\": \"" + marker + "\"");
        ConsumerRecord<String, String> dead = awaitOne(DLQ, r -> r.value().contains(marker));
        assertThat(new String(dead.headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8))
                .contains("Not a FHIR R4 Bundle");
    }

    @Test
    void anInvalidAnswerIsRefusedWithAnOperationOutcomeAndDeadLettered() {
        String stay = stayAwaitingTheMunicipality();
        String messageId = UUID.randomUUID().toString();
        send(MunicipalityResponses.cannotReceive(messageId, VAGAN, stay, null));
        ConsumerRecord<String, String> ack = awaitOne(OUT, r -> respondsTo(r, messageId));
        Bundle bundle = bundle(ack.value());
        assertThat(header(ack.value()).getResponse().getCode()).isEqualTo(MessageHeader.ResponseType.FATALERROR);
        OperationOutcome outcome = (OperationOutcome) bundle.getEntry().get(1).getResource();
        assertThat(outcome.getIssueFirstRep().getDiagnostics()).contains("expected-ready-on");
        awaitOne(DLQ, r -> r.value().contains(messageId));
        given().auth().oauth2(ward).when().get("/stays/" + stay).then().statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("awaiting-municipality"));
    }

    /** HAPI's parser would drop the misspelt element; the service validates the message as it was sent. */
    @Test
    void anAnswerWithAMisspeltElementIsRefusedNotSilentlyTrimmed() {
        String stay = stayAwaitingTheMunicipality();
        String messageId = UUID.randomUUID().toString();
        String answer = MunicipalityResponses.canReceive(messageId, VAGAN, stay, "2025-03-06");
        send(answer.replaceFirst("\"status\"", "\"statsu\":\"finished\",\"status\""));
        ConsumerRecord<String, String> ack = awaitOne(OUT, r -> respondsTo(r, messageId));
        assertThat(header(ack.value()).getResponse().getCode()).isEqualTo(MessageHeader.ResponseType.FATALERROR);
        OperationOutcome outcome = (OperationOutcome) bundle(ack.value()).getEntry().get(1).getResource();
        assertThat(outcome.getIssueFirstRep().getDiagnostics()).contains("statsu");
        given().auth().oauth2(ward).when().get("/stays/" + stay).then().statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("awaiting-municipality"));
    }

    @Test
    void anAnswerAboutAnUnknownStayGetsAFatalErrorThatSaysSo() {
        String messageId = UUID.randomUUID().toString();
        send(MunicipalityResponses.canReceive(messageId, VAGAN, UUID.randomUUID().toString(), "2025-03-07"));
        ConsumerRecord<String, String> ack = awaitOne(OUT, r -> respondsTo(r, messageId));
        assertThat(header(ack.value()).getResponse().getCode()).isEqualTo(MessageHeader.ResponseType.FATALERROR);
        OperationOutcome outcome = (OperationOutcome) bundle(ack.value()).getEntry().get(1).getResource();
        assertThat(outcome.getIssueFirstRep().getCode()).isEqualTo(OperationOutcome.IssueType.NOTFOUND);
    }

    @Test
    void anAnswerBeforeTheNoticeIsRefusedAsImpossible() {
        String stay = given().auth().oauth2(ward).contentType(ContentType.JSON)
                .body(Map.of("patientIdentifier", TestPatients.fodselsnummer(), "ward", "Kirurgisk", "serviceArea", "somatic",
                        "residenceMunicipality", VAGAN, "admittedAt", "2025-03-01T10:00:00+01:00"))
                .when().post("/stays").then().statusCode(201).extract().path("id");
        String messageId = UUID.randomUUID().toString();
        send(MunicipalityResponses.canReceive(messageId, VAGAN, stay, "2025-03-07"));
        ConsumerRecord<String, String> ack = awaitOne(OUT, r -> respondsTo(r, messageId));
        OperationOutcome outcome = (OperationOutcome) bundle(ack.value()).getEntry().get(1).getResource();
        assertThat(outcome.getIssueFirstRep().getCode()).isEqualTo(OperationOutcome.IssueType.BUSINESSRULE);
        assertThat(outcome.getIssueFirstRep().getDiagnostics()).contains("notice that has been sent");
    }

    /** A partial date passes base R4 but is no moment: refused at once, never answered transient-error and retried for ever. */
    @Test
    void aPartialDateIsRefusedAtOnceAndDeadLettered() {
        String stay = stayAwaitingTheMunicipality();
        String messageId = UUID.randomUUID().toString();
        send(MunicipalityResponses.canReceive(messageId, VAGAN, stay, "2025-03-07", "2025-03-04"));
        List<ConsumerRecord<String, String>> acks = await(OUT, r -> respondsTo(r, messageId), 1);
        assertThat(header(acks.getFirst().value()).getResponse().getCode()).isEqualTo(MessageHeader.ResponseType.FATALERROR);
        OperationOutcome outcome = (OperationOutcome) bundle(acks.getFirst().value()).getEntry().get(1).getResource();
        assertThat(outcome.getIssueFirstRep().getDiagnostics()).contains("answered-at").contains("2025-03-04");
        awaitOne(DLQ, r -> r.value().contains(messageId));
        given().auth().oauth2(ward).when().get("/stays/" + stay).then().statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("awaiting-municipality"));
    }

    /** PostgreSQL cannot store the NUL character in text: refused where the message arrives, the place named, nothing applied. */
    @Test
    void aTextWithTheNulCharacterIsRefusedNamingWhereItIs() {
        String stay = stayAwaitingTheMunicipality();
        String messageId = UUID.randomUUID().toString();
        String answer = MunicipalityResponses.canReceive(messageId, VAGAN, stay, "2025-03-07");
        String withNul = answer.replace("\"valueString\":\"Korttidsplass\"", "\"valueString\":\"Kortt\\u0000idsplass\"");
        assertThat(withNul).isNotEqualTo(answer);
        send(withNul);
        ConsumerRecord<String, String> ack = awaitOne(OUT, r -> respondsTo(r, messageId));
        assertThat(header(ack.value()).getResponse().getCode()).isEqualTo(MessageHeader.ResponseType.FATALERROR);
        OperationOutcome outcome = (OperationOutcome) bundle(ack.value()).getEntry().get(1).getResource();
        assertThat(outcome.getIssue()).anySatisfy(issue -> {
            assertThat(issue.getCode()).isEqualTo(OperationOutcome.IssueType.INVALID);
            assertThat(issue.getDiagnostics()).contains("NUL character").contains("cannot be stored");
            assertThat(issue.getExpression()).extracting(Object::toString).containsExactly("Bundle.entry[1].resource.extension[3].valueString");
        });
        awaitOne(DLQ, r -> r.value().contains(messageId));
        assertStay(stay, "awaiting-municipality", 4);
    }

    /** With the NUL character in its Bundle.id the refusal could not be stored either: the dead-letter topic says why. */
    @Test
    void aNulCharacterInAnIdOfTheMessageSendsItToTheDeadLetterTopicWithTheReason() {
        String messageId = UUID.randomUUID().toString();
        String answer = MunicipalityResponses.canReceive(messageId, VAGAN, UUID.randomUUID().toString(), "2025-03-07");
        String bundleId = bundle(answer).getIdElement().getIdPart();
        String withNul = answer.replace("\"id\":\"" + bundleId + "\"", "\"id\":\"" + bundleId + "\\u0000\"");
        assertThat(withNul).isNotEqualTo(answer);
        send(withNul);
        ConsumerRecord<String, String> dead = awaitOne(DLQ, r -> r.value().contains(messageId));
        assertThat(new String(dead.headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8))
                .contains("NUL character").contains("Bundle.id");
    }

    /** FHIR messaging: a resend (new Bundle.id, same content) is the same message and gets the stored answer again. */
    @Test
    void aResendWithANewBundleIdGetsTheFirstAnswerAgainAndNoSecondEffect() {
        String stay = stayAwaitingTheMunicipality();
        String messageId = UUID.randomUUID().toString();
        String answer = MunicipalityResponses.canReceive(messageId, VAGAN, stay, "2025-03-07");
        send(answer);
        ConsumerRecord<String, String> first = awaitOne(OUT, r -> respondsTo(r, messageId));
        String bundleId = bundle(answer).getIdElement().getIdPart();
        send(answer.replace("\"id\":\"" + bundleId + "\"", "\"id\":\"" + UUID.randomUUID() + "\"")
                .replace("\"timestamp\":\"2025-03-05T10:00:00+01:00\"", "\"timestamp\":\"2025-03-05T10:05:00+01:00\""));
        List<ConsumerRecord<String, String>> acks = await(OUT, r -> respondsTo(r, messageId), 2);
        assertThat(acks.get(1).value()).as("the stored acknowledgement, byte for byte").isEqualTo(first.value());
        given().auth().oauth2(ward).when().get("/stays/" + stay).then().statusCode(200)
                .body("events", org.hamcrest.Matchers.hasSize(5));
    }

    /** FHIR messaging: new content under a MessageHeader.id the sender used before is an error, not a duplicate. */
    @Test
    void newContentUnderAUsedMessageIdIsRefusedAndChangesNothing() {
        String stay = stayAwaitingTheMunicipality();
        String messageId = UUID.randomUUID().toString();
        send(MunicipalityResponses.cannotReceive(messageId, VAGAN, stay, "2025-03-10"));
        assertThat(header(awaitOne(OUT, r -> respondsTo(r, messageId)).value()).getResponse().getCode())
                .isEqualTo(MessageHeader.ResponseType.OK);
        send(MunicipalityResponses.canReceive(messageId, VAGAN, stay, "2025-03-06"));
        ConsumerRecord<String, String> second = await(OUT, r -> respondsTo(r, messageId), 2).get(1);
        assertThat(header(second.value()).getResponse().getCode()).isEqualTo(MessageHeader.ResponseType.FATALERROR);
        OperationOutcome outcome = (OperationOutcome) bundle(second.value()).getEntry().get(1).getResource();
        assertThat(outcome.getIssueFirstRep().getCode()).isEqualTo(OperationOutcome.IssueType.DUPLICATE);
        awaitOne(DLQ, r -> r.value().contains(messageId));
        assertStay(stay, "municipality-cannot-receive", 5);
    }

    /** Another sender's message with the same MessageHeader.id is its own message: it never gets the first sender's answer. */
    @Test
    void theSameMessageIdFromAnotherSenderIsNotADuplicate() {
        String stay = stayAwaitingTheMunicipality();
        String messageId = UUID.randomUUID().toString();
        send(MunicipalityResponses.canReceive(messageId, VAGAN, stay, "2025-03-07"));
        ConsumerRecord<String, String> vagan = awaitOne(OUT, r -> respondsTo(r, messageId));
        assertThat(header(vagan.value()).getResponse().getCode()).isEqualTo(MessageHeader.ResponseType.OK);
        String bodo = "1804";
        ProducerRecord<String, String> other = new ProducerRecord<>(IN, bodo, MunicipalityResponses.canReceive(messageId, bodo, stay, "2025-03-07"));
        KafkaTopics.send(other);
        ConsumerRecord<String, String> answer = awaitOne(OUT, r -> respondsTo(r, messageId) && bodo.equals(r.key()));
        assertThat(header(answer.value()).getResponse().getCode()).as("Bodø pays nothing for this stay")
                .isEqualTo(MessageHeader.ResponseType.FATALERROR);
        assertThat(answer.value()).isNotEqualTo(vagan.value());
    }

    private String stayAwaitingTheMunicipality() {
        String stay = given().auth().oauth2(ward).contentType(ContentType.JSON)
                .body(Map.of("patientIdentifier", TestPatients.fodselsnummer(), "ward", "Kirurgisk", "serviceArea", "somatic",
                        "residenceMunicipality", VAGAN, "admittedAt", "2025-03-01T10:00:00+01:00"))
                .when().post("/stays").then().statusCode(201).extract().path("id");
        post(stay, "admission-notice", Map.of("sentAt", "2025-03-01T12:00:00+01:00", "expectedNeeds", "Sykehjem"));
        post(stay, "discharge-readiness", Map.of("declaredAt", "2025-03-04T09:00:00+01:00", "assessorHprNumber", "9144889",
                "assessment", Map.of("problemsAtAdmissionClarified", true, "diagnosisAndFollowUpPlanSet", true, "functionLevelAssessed", true)));
        post(stay, "discharge-ready-notice", Map.of("sentAt", "2025-03-04T10:00:00+01:00"));
        return stay;
    }

    private void assertStay(String stay, String status, int events) {
        given().auth().oauth2(ward).when().get("/stays/" + stay).then().statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo(status))
                .body("events", org.hamcrest.Matchers.hasSize(events));
    }

    private void post(String stay, String command, Map<String, ?> body) {
        given().auth().oauth2(ward).contentType(ContentType.JSON).body(body)
                .when().post("/stays/" + stay + "/" + command).then().statusCode(200);
    }

    private void send(String payload) {
        ProducerRecord<String, String> record = new ProducerRecord<>(IN, VAGAN, payload);
        record.headers().add("content-type", FhirNames.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
        KafkaTopics.send(record);
    }

    private static boolean respondsTo(ConsumerRecord<String, String> record, String messageId) {
        return record.value().contains("\"response\"") && record.value().contains(messageId);
    }

    private static Bundle bundle(String json) {
        return FhirContext.forR4Cached().newJsonParser().parseResource(Bundle.class, json);
    }

    private static MessageHeader header(String json) {
        return (MessageHeader) bundle(json).getEntryFirstRep().getResource();
    }
}

package no.samhandling.discharge.messaging;

import ca.uhn.fhir.context.FhirContext;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import no.samhandling.discharge.testsupport.KafkaTopics;
import no.samhandling.discharge.testsupport.TestPatients;
import no.samhandling.discharge.testsupport.TestTokens;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.MessageHeader;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every change the municipality must hear about leaves through the outbox to {@code municipality.fhir.out}
 * on the real broker: one FHIR message Bundle per change, keyed by the municipality number.
 */
@QuarkusTest
class OutboundMessagesTest {

    /** Hadsel: no other test sends stays paid for by it, so its records on the topic are this test's. */
    private static final String HADSEL = "1866";
    private static final String UNN = "983974899";

    @Test
    void theMunicipalityHearsOfEveryStepInOrderAsValidFhirMessages() {
        String ward = TestTokens.ward(UNN);
        String patient = TestPatients.fodselsnummer();
        String stay = given().auth().oauth2(ward).contentType(ContentType.JSON)
                .body(Map.of("patientIdentifier", patient, "ward", "Lungeavdelingen", "serviceArea", "somatic",
                        "residenceMunicipality", HADSEL, "admittedAt", "2025-02-01T10:00:00+01:00"))
                .when().post("/stays").then().statusCode(201).extract().path("id");
        String notice = post(ward, stay, "admission-notice", Map.of("sentAt", "2025-02-01T12:00:00+01:00",
                "expectedNeeds", "Hjemmesykepleie", "expectedDischargeDate", "2025-02-05")).extract().path("events[1].id");
        post(ward, stay, "discharge-readiness", Map.of("declaredAt", "2025-02-04T09:00:00+01:00", "assessorHprNumber", "9144889",
                "assessment", Map.of("problemsAtAdmissionClarified", true, "diagnosisAndFollowUpPlanSet", true, "functionLevelAssessed", true)));
        post(ward, stay, "discharge-ready-notice", Map.of("sentAt", "2025-02-04T10:00:00+01:00"));
        post(ward, stay, "withdrawal", Map.of("withdrawnAt", "2025-02-05T08:00:00+01:00", "reason", "Feber"));
        post(ward, stay, "discharge", Map.of("dischargedAt", "2025-02-09T12:00:00+01:00", "destination", "home-care"));
        given().auth().oauth2(ward).contentType(ContentType.JSON)
                .body(Map.of("reason", "Feil forventet dato", "corrected", Map.of("sentAt", "2025-02-01T12:00:00+01:00",
                        "expectedNeeds", "Hjemmesykepleie", "expectedDischargeDate", "2025-02-06")))
                .when().post("/stays/" + stay + "/events/" + notice + "/correction").then().statusCode(200);

        List<ConsumerRecord<String, String>> ours = KafkaTopics.await("municipality.fhir.out",
                record -> HADSEL.equals(record.key()) && record.value().contains(stay), 5);

        FhirContext fhir = FhirContext.forR4Cached();
        List<Bundle> bundles = ours.stream().map(r -> fhir.newJsonParser().parseResource(Bundle.class, r.value())).toList();
        assertThat(bundles).extracting(b -> header(b).getEventCoding().getCode())
                .containsExactly("admission-notice", "discharge-ready-notice", "discharge-ready-withdrawn", "patient-discharged",
                        "admission-notice");
        for (ConsumerRecord<String, String> record : ours) {
            Header contentType = record.headers().lastHeader("content-type");
            assertThat(new String(contentType.value(), StandardCharsets.UTF_8)).isEqualTo("application/fhir+json; fhirVersion=4.0");
            assertThat(record.key()).as("key is the municipality number, never personal data").isEqualTo(HADSEL);
        }
        Bundle first = bundles.getFirst();
        assertThat(first.getType()).isEqualTo(Bundle.BundleType.MESSAGE);
        assertThat(first.getEntryFirstRep().getResource()).isInstanceOf(MessageHeader.class);
        Patient patientResource = resource(first, Patient.class);
        assertThat(patientResource.getIdentifierFirstRep().getSystem()).isEqualTo("urn:oid:2.16.578.1.12.4.1.4.1");
        assertThat(patientResource.getIdentifierFirstRep().getValue()).isEqualTo(patient);
        Encounter encounter = resource(bundles.get(3), Encounter.class);
        assertThat(encounter.getStatus()).isEqualTo(Encounter.EncounterStatus.FINISHED);
        assertThat(encounter.getIdentifierFirstRep().getValue()).isEqualTo(stay);

        MessageHeader correction = header(bundles.get(4));
        assertThat(correction.getExtensionByUrl(FhirNames.EXTENSION + "message-status").getValue().primitiveValue()).isEqualTo("corrected");
        String replaces = correction.getExtensionByUrl(FhirNames.EXTENSION + "replaces-message").getValue().primitiveValue();
        assertThat(header(first).getIdElement().getValue()).as("the corrected message names the first one").endsWith(replaces);

        FhirValidation validation = new FhirValidation(fhir);
        for (ConsumerRecord<String, String> record : ours) {
            Bundle bundle = fhir.newJsonParser().parseResource(Bundle.class, record.value());
            assertThat(bundle.getMeta().getProfile()).extracting(p -> p.getValue()).as("the message declares its profile")
                    .containsExactly(MessageProfiles.forEvent(header(bundle).getEventCoding().getCode()).orElseThrow());
            assertThat(validation.messageErrors(record.value())).as("errors against FHIR R4 and the message's profile").isEmpty();
        }
    }

    private static io.restassured.response.ValidatableResponse post(String token, String stay, String command, Map<String, ?> body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .when().post("/stays/" + stay + "/" + command).then().statusCode(200);
    }

    private static MessageHeader header(Bundle bundle) {
        return (MessageHeader) bundle.getEntryFirstRep().getResource();
    }

    private static <T> T resource(Bundle bundle, Class<T> type) {
        return bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource).filter(type::isInstance).map(type::cast)
                .findFirst().orElseThrow();
    }

}

package no.samhandling.discharge.capacity;

import ca.uhn.fhir.context.FhirContext;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import no.samhandling.discharge.messaging.FhirValidation;
import no.samhandling.discharge.testsupport.KafkaTopics;
import no.samhandling.discharge.testsupport.TestTokens;
import no.samhandling.discharge.time.OsloTime;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.MeasureReport;
import org.hl7.fhir.r4.model.MessageHeader;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static no.samhandling.discharge.capacity.BedAllocationLifecycleTest.allocated;
import static no.samhandling.discharge.capacity.BedAllocationTest.dischargeReadyPatient;
import static no.samhandling.discharge.testsupport.KafkaTopics.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * What other systems hear, on the real broker: the municipality's answer reaches the hospital on
 * {@code hospital.fhir.out} however it was given, the region gets a capacity report on {@code capacity.fhir.out}
 * whenever a pool's beds or a municipality's receiving capacity change, both valid against their profiles, and a
 * discharge reported by message ends the patient's bed like one over REST. Brønnøy (1813) and Fauske (1841) are
 * this test's municipalities.
 */
@QuarkusTest
class CapacityReportsTest {

    private static final String BRONNOY = "1813";
    private static final String FAUSKE = "1841";
    private static final FhirContext FHIR = FhirContext.forR4Cached();
    private static FhirValidation validation;

    @BeforeAll
    static void validator() {
        validation = FhirValidation.forService(FHIR);
    }

    private static LocalDate today() {
        return LocalDate.now(OsloTime.ZONE);
    }

    private static Bundle bundle(String json) {
        return FHIR.newJsonParser().parseResource(Bundle.class, json);
    }

    private static MessageHeader header(String json) {
        return (MessageHeader) bundle(json).getEntryFirstRep().getResource();
    }

    private static <T> T resource(String json, Class<T> type) {
        return bundle(json).getEntry().stream().map(Bundle.BundleEntryComponent::getResource).filter(type::isInstance).map(type::cast)
                .findFirst().orElseThrow();
    }

    private static int count(MeasureReport report, String population) {
        return report.getGroupFirstRep().getPopulation().stream().filter(p -> p.getCode().getCodingFirstRep().getCode().equals(population))
                .findFirst().orElseThrow().getCount();
    }

    private static void assertValid(ConsumerRecord<String, String> record) {
        assertThat(validation.messageErrors(record.value())).as("errors against FHIR R4 and the profile of %s",
                header(record.value()).getEventCoding().getCode()).isEmpty();
    }

    @Test
    void anAllocationIsForwardedToTheHospitalAsTheMunicipalitysAnswerAndReportedToTheRegion() {
        BedPools.TwoFreeOneClosed beds = BedPools.twoFreeBedsAndAClosedOne(BRONNOY);
        UUID pool = beds.pool();
        UUID bed = beds.first();
        String stay = dischargeReadyPatient(BRONNOY);
        allocated(BRONNOY, pool, bed, stay, today(), null);

        ConsumerRecord<String, String> answer = await("hospital.fhir.out",
                r -> r.key().equals(stay) && "municipality-response".equals(header(r.value()).getEventCoding().getCode()), 1).getFirst();
        assertValid(answer);
        Encounter encounter = resource(answer.value(), Encounter.class);
        assertThat(encounter.getIdentifierFirstRep().getValue()).isEqualTo(stay);
        assertThat(((BooleanType) encounter.getExtensionByUrl("http://samhandling.no/fhir/discharge/StructureDefinition/can-receive").getValue())
                .booleanValue()).isTrue();
        assertThat(((StringType) encounter.getExtensionByUrl("http://samhandling.no/fhir/discharge/StructureDefinition/offer").getValue())
                .getValue()).contains("Rom 1");
        assertThat(header(answer.value()).getDestinationFirstRep().getEndpoint()).isEqualTo("urn:organisasjonsnummer:" + BedPools.HELGELANDSSYKEHUSET);

        ConsumerRecord<String, String> report = await("capacity.fhir.out",
                r -> r.key().equals(pool.toString()) && count(resource(r.value(), MeasureReport.class), "numBedsOcc") == 1, 1).getFirst();
        assertValid(report);
        MeasureReport measure = resource(report.value(), MeasureReport.class);
        assertThat(count(measure, "numTotBeds")).isEqualTo(3);
        assertThat(count(measure, "numTotBedsAvail")).isEqualTo(1);
        assertThat(measure.getGroupFirstRep().getCode().getCodingFirstRep().getCode()).isEqualTo("short-term-bed");
        assertThat(measure.getPeriod().getStartElement().getValueAsString()).isEqualTo(today().toString());
        assertThat(resource(report.value(), Location.class).getIdentifierFirstRep().getValue()).isEqualTo(pool.toString());
        assertThat(report.value()).as("no personal data").doesNotContain(stay);
    }

    @Test
    void anAnswerOverRestReachesTheHospital() {
        String stay = dischargeReadyPatient(BRONNOY);
        given().auth().oauth2(TestTokens.municipalIntake(BRONNOY)).contentType(ContentType.JSON)
                .body(Map.of("canReceive", false, "expectedReadyOn", today().plusDays(4).toString()))
                .when().post("/stays/" + stay + "/municipality-response").then().statusCode(200);
        ConsumerRecord<String, String> answer = await("hospital.fhir.out",
                r -> r.key().equals(stay) && "municipality-response".equals(header(r.value()).getEventCoding().getCode()), 1).getFirst();
        assertValid(answer);
        Encounter encounter = resource(answer.value(), Encounter.class);
        assertThat(((BooleanType) encounter.getExtensionByUrl("http://samhandling.no/fhir/discharge/StructureDefinition/can-receive").getValue())
                .booleanValue()).isFalse();
        assertThat(encounter.getExtensionByUrl("http://samhandling.no/fhir/discharge/StructureDefinition/expected-ready-on").getValue()
                .primitiveValue()).isEqualTo(today().plusDays(4).toString());
    }

    @Test
    void publishedReceivingCapacityIsReportedToTheRegionForTheDaysPublished() {
        given().auth().oauth2(TestTokens.municipalIntake(FAUSKE)).contentType(ContentType.JSON)
                .body(Map.of("from", "2031-06-01", "through", "2031-06-03", "careLevels", List.of(
                        Map.of("careLevel", "short-term-bed", "totalPlaces", 6, "occupiedPlaces", 4, "availablePlaces", 2),
                        Map.of("careLevel", "home-care", "availablePlaces", 5))))
                .when().post("/municipalities/" + FAUSKE + "/capacity").then().statusCode(201);
        ConsumerRecord<String, String> report = await("capacity.fhir.out",
                r -> r.key().equals(FAUSKE) && r.value().contains("2031-06-03"), 1).getFirst();
        assertValid(report);
        MeasureReport measure = resource(report.value(), MeasureReport.class);
        assertThat(measure.getPeriod().getStartElement().getValueAsString()).isEqualTo("2031-06-01");
        assertThat(measure.getGroup()).extracting(g -> g.getCode().getCodingFirstRep().getCode()).containsExactly("home-care", "short-term-bed");
        assertThat(measure.getGroup().get(1).getPopulation()).extracting(p -> p.getCode().getCodingFirstRep().getCode() + "=" + p.getCount())
                .containsExactly("numTotBeds=6", "numBedsOcc=4", "numTotBedsAvail=2");
        assertThat(resource(report.value(), Location.class).getName()).isEqualTo("Fauske");
    }

    @Test
    void aDischargeReportedByMessageEndsTheBedInTheSameTransaction() throws IOException {
        UUID pool = BedPools.pool(BRONNOY);
        UUID bed = BedPools.bed(pool, "Rom 1");
        String stay = dischargeReadyPatient(BRONNOY);
        allocated(BRONNOY, pool, bed, stay, today(), null);
        String messageId = UUID.randomUUID().toString();
        KafkaTopics.send("hospital.fhir.in", stay, discharge(messageId, stay, Instant.now()));
        ConsumerRecord<String, String> ack = await("hospital.fhir.out",
                r -> r.key().equals(stay) && header(r.value()).hasResponse() && r.value().contains(messageId), 1).getFirst();
        assertThat(header(ack.value()).getResponse().getCode()).as(ack.value()).isEqualTo(MessageHeader.ResponseType.OK);
        given().auth().oauth2(TestTokens.board()).when().get("/bed-pools/" + pool + "?date=" + today().plusDays(1)).then().statusCode(200)
                .body("beds[0].statusOnDay", equalTo("free"));
        given().auth().oauth2(TestTokens.admin()).queryParam("stayId", stay).when().get("/audit-log").then().statusCode(200)
                .body("items.find { it.action == 'end-bed-allocation' }.principal", equalTo("fhir:hospital:" + BedPools.HELGELANDSSYKEHUSET));
    }

    /** The guide's patient-discharged example, for this stay at Helgelandssykehuset, discharged at {@code at}. */
    private static String discharge(String messageId, String stay, Instant at) throws IOException {
        String example;
        try (InputStream in = CapacityReportsTest.class.getResourceAsStream("/fhir/examples/patient-discharged.json")) {
            example = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Bundle bundle = bundle(example);
        bundle.setId(UUID.randomUUID().toString());
        bundle.getEntryFirstRep().setFullUrl("urn:uuid:" + messageId);
        MessageHeader header = (MessageHeader) bundle.getEntryFirstRep().getResource();
        header.setId(messageId);
        header.getDestinationFirstRep().setEndpoint("urn:kommunenummer:" + BRONNOY);
        Encounter encounter = (Encounter) bundle.getEntry().get(1).getResource();
        encounter.getIdentifierFirstRep().setValue(stay);
        encounter.getExtensionByUrl("http://samhandling.no/fhir/discharge/StructureDefinition/event-time").setValue(new DateTimeType(at.toString()));
        encounter.getPeriod().setStartElement(new DateTimeType(at.minusSeconds(4 * 3600).toString())).setEndElement(new DateTimeType(at.toString()));
        return FHIR.newJsonParser().encodeResourceToString(bundle);
    }
}

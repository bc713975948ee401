package no.samhandling.discharge.testsupport;

import no.samhandling.discharge.messaging.FhirNames;

import ca.uhn.fhir.context.FhirContext;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.MessageHeader;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;

import java.util.UUID;

/** Builds municipality-response messages as a municipal system would send them. */
public final class MunicipalityResponses {

    private static final String STAY_ID = FhirNames.CANONICAL + "/NamingSystem/stay-id";

    private MunicipalityResponses() {
    }

    public static String canReceive(String messageId, String municipality, String stayId, String readyFrom) {
        return canReceive(messageId, municipality, stayId, readyFrom, "2025-03-05T10:00:00+01:00");
    }

    public static String canReceive(String messageId, String municipality, String stayId, String readyFrom, String answeredAt) {
        Bundle bundle = bundle(messageId, municipality, stayId, answeredAt);
        Encounter encounter = (Encounter) bundle.getEntry().get(1).getResource();
        encounter.addExtension(FhirNames.EXTENSION + "can-receive", new BooleanType(true));
        encounter.addExtension(FhirNames.EXTENSION + "ready-from", new DateType(readyFrom));
        encounter.addExtension(FhirNames.EXTENSION + "offer", new StringType("Korttidsplass"));
        return json(bundle);
    }

    public static String cannotReceive(String messageId, String municipality, String stayId, String expectedReadyOn) {
        Bundle bundle = bundle(messageId, municipality, stayId, "2025-03-05T10:00:00+01:00");
        Encounter encounter = (Encounter) bundle.getEntry().get(1).getResource();
        encounter.addExtension(FhirNames.EXTENSION + "can-receive", new BooleanType(false));
        if (expectedReadyOn != null) {
            encounter.addExtension(FhirNames.EXTENSION + "expected-ready-on", new DateType(expectedReadyOn));
        }
        return json(bundle);
    }

    private static Bundle bundle(String messageId, String municipality, String stayId, String answeredAt) {
        Organization sender = new Organization();
        sender.setId(UUID.randomUUID().toString());
        sender.addIdentifier().setSystem(FhirNames.MUNICIPALITY_NUMBER).setValue(municipality);
        Encounter encounter = new Encounter();
        encounter.setId(UUID.randomUUID().toString());
        encounter.addIdentifier().setSystem(STAY_ID).setValue(stayId);
        encounter.setStatus(Encounter.EncounterStatus.INPROGRESS);
        encounter.setClass_(new Coding("http://terminology.hl7.org/CodeSystem/v3-ActCode", "IMP", "inpatient encounter"));
        encounter.addExtension(FhirNames.EXTENSION + "answered-at", new DateTimeType(answeredAt));
        MessageHeader header = new MessageHeader();
        header.setId(messageId);
        header.setEvent(new Coding(FhirNames.MESSAGE_EVENTS, "municipality-response", null));
        header.setSource(new MessageHeader.MessageSourceComponent().setEndpoint("urn:kommunenummer:" + municipality));
        header.setSender(new Reference("urn:uuid:" + sender.getIdElement().getIdPart()));
        header.addFocus(new Reference("urn:uuid:" + encounter.getIdElement().getIdPart()));
        Bundle bundle = new Bundle();
        bundle.setId(UUID.randomUUID().toString());
        bundle.setType(Bundle.BundleType.MESSAGE);
        bundle.setTimestampElement(new InstantType("2025-03-05T10:00:00+01:00"));
        bundle.addEntry().setFullUrl("urn:uuid:" + messageId).setResource(header);
        bundle.addEntry().setFullUrl("urn:uuid:" + encounter.getIdElement().getIdPart()).setResource(encounter);
        bundle.addEntry().setFullUrl("urn:uuid:" + sender.getIdElement().getIdPart()).setResource(sender);
        return bundle;
    }

    private static String json(Bundle bundle) {
        return FhirContext.forR4Cached().newJsonParser().encodeResourceToString(bundle);
    }
}

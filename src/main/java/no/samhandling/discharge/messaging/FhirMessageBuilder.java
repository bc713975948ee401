package no.samhandling.discharge.messaging;

import ca.uhn.fhir.context.FhirContext;
import jakarta.enterprise.context.ApplicationScoped;
import no.samhandling.discharge.stay.StayEvent;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.MessageHeader;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;

import java.util.UUID;

/**
 * Builds the FHIR R4 message Bundles of messages.md: {@code Bundle.type = message}, the MessageHeader
 * first, focus on the Encounter, the patient by national identifier, hospital and municipality by
 * organisation number and municipality number.
 */
@ApplicationScoped
public class FhirMessageBuilder {

    private static final String ACT_CODE = "http://terminology.hl7.org/CodeSystem/v3-ActCode";

    private final FhirContext fhir;

    public FhirMessageBuilder(FhirContext fhir) {
        this.fhir = fhir;
    }

    public String json(StayMessageFacts facts) {
        return fhir.newJsonParser().encodeResourceToString(bundle(facts));
    }

    public Bundle bundle(StayMessageFacts facts) {
        Patient patient = new Patient();
        patient.setId(uuid());
        patient.addIdentifier().setSystem(facts.patientIdentifierSystem()).setValue(facts.patientIdentifier());

        Organization hospital = new Organization();
        hospital.setId(uuid());
        hospital.addIdentifier().setSystem(FhirNames.ORGANISATION_NUMBER).setValue(facts.hospitalOrganisationNumber());

        Organization municipality = new Organization();
        municipality.setId(uuid());
        municipality.addIdentifier().setSystem(FhirNames.MUNICIPALITY_NUMBER).setValue(facts.payingMunicipality());

        Encounter encounter = encounter(facts, patient, hospital);

        MessageHeader header = new MessageHeader();
        header.setId(facts.messageId().toString());
        header.setEvent(new Coding(FhirNames.MESSAGE_EVENTS, facts.event().code(), facts.event().display()));
        header.setSource(new MessageHeader.MessageSourceComponent().setEndpoint(FhirNames.SOURCE_ENDPOINT)
                .setName("Discharge coordination service"));
        header.addDestination().setEndpoint("urn:kommunenummer:" + facts.payingMunicipality())
                .setReceiver(ref(municipality));
        header.setSender(ref(hospital));
        header.addFocus(ref(encounter));
        header.addExtension(FhirNames.EXTENSION + "message-status", new CodeType(facts.messageStatus()));
        if (facts.replacesMessageId() != null) {
            header.addExtension(FhirNames.EXTENSION + "replaces-message", new StringType(facts.replacesMessageId().toString()));
        }

        Bundle bundle = new Bundle();
        bundle.setId(UUID.randomUUID().toString());
        bundle.setType(Bundle.BundleType.MESSAGE);
        FhirValidation.messageProfile(facts.event().code()).ifPresent(bundle.getMeta()::addProfile);
        bundle.setTimestampElement(new InstantType(facts.sentAt().toString()));
        add(bundle, header);
        add(bundle, encounter);
        add(bundle, patient);
        add(bundle, hospital);
        add(bundle, municipality);
        if (facts.event() == MessageEvent.DISCHARGE_READY_NOTICE && facts.declaration() != null
                && facts.declaration().assessorHprNumber() != null) {
            Practitioner assessor = new Practitioner();
            assessor.setId(uuid());
            assessor.addIdentifier().setSystem(FhirNames.HPR_NUMBER).setValue(facts.declaration().assessorHprNumber());
            encounter.addParticipant().setIndividual(ref(assessor))
                    .addType(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/v3-ParticipationType", "ATND", "attender")));
            add(bundle, assessor);
        }
        return bundle;
    }

    private Encounter encounter(StayMessageFacts facts, Patient patient, Organization hospital) {
        Encounter encounter = new Encounter();
        encounter.setId(uuid());
        encounter.addIdentifier().setSystem(FhirNames.STAY_ID).setValue(facts.stayId().toString());
        boolean discharged = facts.stayEvent() instanceof StayEvent.Discharged;
        encounter.setStatus(discharged ? Encounter.EncounterStatus.FINISHED : Encounter.EncounterStatus.INPROGRESS);
        encounter.setClass_(new Coding(ACT_CODE, "IMP", "inpatient encounter"));
        encounter.setSubject(ref(patient));
        encounter.setServiceProvider(ref(hospital));
        encounter.addLocation().setLocation(new Reference().setDisplay(facts.ward()));
        Period period = new Period().setStartElement(new DateTimeType(facts.admittedAt().toString()));
        encounter.addExtension(FhirNames.EXTENSION + "service-area", new CodeType(facts.serviceArea()));
        switch (facts.stayEvent()) {
            case StayEvent.AdmissionNoticeSent notice -> {
                if (notice.expectedDischargeDate() != null) {
                    encounter.addExtension(FhirNames.EXTENSION + "expected-discharge-date", new DateType(notice.expectedDischargeDate().toString()));
                }
                encounter.addExtension(FhirNames.EXTENSION + "expected-needs", new StringType(notice.expectedNeeds()));
            }
            case StayEvent.DischargeReadyNoticeSent notice -> {
                if (facts.declaration() != null) {
                    encounter.addExtension(FhirNames.EXTENSION + "discharge-ready-declared",
                            new DateTimeType(facts.declaration().occurredAt().toString()));
                    StayEvent.Assessment assessment = facts.declaration().assessment();
                    if (assessment != null) {
                        flag(encounter, "problems-at-admission-clarified", assessment.problemsAtAdmissionClarified());
                        flag(encounter, "diagnosis-and-follow-up-plan-set", assessment.diagnosisAndFollowUpPlanSet());
                        flag(encounter, "function-level-assessed", assessment.functionLevelAssessed());
                    }
                    StayEvent.FollowUpConditions followUp = facts.declaration().followUp();
                    if (followUp != null) {
                        flag(encounter, "cooperation-meeting-called", followUp.cooperationMeetingCalled());
                        flag(encounter, "hospital-follow-up-clarified", followUp.hospitalFollowUpClarified());
                    }
                    if (facts.declaration().needs() != null) {
                        encounter.addExtension(FhirNames.EXTENSION + "needs", new StringType(facts.declaration().needs()));
                    }
                }
            }
            case StayEvent.Withdrawn withdrawn -> encounter.addExtension(FhirNames.EXTENSION + "withdrawal-reason",
                    new StringType(withdrawn.reason()));
            case StayEvent.Discharged dischargedEvent -> {
                period.setEndElement(new DateTimeType(dischargedEvent.occurredAt().toString()));
                encounter.getHospitalization().setDischargeDisposition(new CodeableConcept(
                        new Coding(FhirNames.CANONICAL + "/CodeSystem/discharge-destinations", dischargedEvent.destination().code(), null)));
            }
            default -> {
            }
        }
        encounter.setPeriod(period);
        encounter.addExtension(FhirNames.EXTENSION + "event-time", new DateTimeType(facts.stayEvent().occurredAt().toString()));
        return encounter;
    }

    private static void flag(Encounter encounter, String name, boolean value) {
        encounter.addExtension(FhirNames.EXTENSION + name, new org.hl7.fhir.r4.model.BooleanType(value));
    }

    private static void add(Bundle bundle, Resource resource) {
        bundle.addEntry().setFullUrl("urn:uuid:" + resource.getIdElement().getIdPart()).setResource(resource);
    }

    private static Reference ref(Resource resource) {
        return new Reference("urn:uuid:" + resource.getIdElement().getIdPart());
    }

    private static IdType uuid() {
        return new IdType(UUID.randomUUID().toString());
    }
}

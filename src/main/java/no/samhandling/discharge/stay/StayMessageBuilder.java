package no.samhandling.discharge.stay;

import no.samhandling.discharge.messaging.FhirEnvelope;
import no.samhandling.discharge.messaging.FhirNames;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.MessageHeader;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;

import static no.samhandling.discharge.messaging.FhirEnvelope.add;
import static no.samhandling.discharge.messaging.FhirEnvelope.ref;

/**
 * The FHIR R4 message Bundles of the stay messages (messages.md), in the envelope messaging gives every
 * message: focus on the Encounter, the patient by national identifier, hospital and municipality by
 * organisation number and municipality number.
 */
final class StayMessageBuilder {

    private static final String ACT_CODE = "http://terminology.hl7.org/CodeSystem/v3-ActCode";

    private StayMessageBuilder() {
    }

    static Bundle bundle(StayMessageFacts facts) {
        if (facts.stayEvent() instanceof StayEvent.MunicipalityAnswered answer) {
            return answer(facts, answer);
        }
        Bundle bundle = FhirEnvelope.message(facts.messageId(), facts.event().code(), facts.event().display(), facts.messageStatus(),
                facts.replacesMessageId(), facts.sentAt());
        MessageHeader header = FhirEnvelope.header(bundle);

        Patient patient = new Patient();
        patient.addIdentifier().setSystem(facts.patientIdentifierSystem()).setValue(facts.patientIdentifier());
        Organization hospital = new Organization();
        hospital.addIdentifier().setSystem(FhirNames.ORGANISATION_NUMBER).setValue(facts.hospitalOrganisationNumber());
        Organization municipality = new Organization();
        municipality.addIdentifier().setSystem(FhirNames.MUNICIPALITY_NUMBER).setValue(facts.payingMunicipality());
        // Ids first: the Encounter refers to the patient and the hospital.
        patient.setId(java.util.UUID.randomUUID().toString());
        hospital.setId(java.util.UUID.randomUUID().toString());
        municipality.setId(java.util.UUID.randomUUID().toString());
        Encounter encounter = encounter(facts, patient, hospital);
        encounter.setId(java.util.UUID.randomUUID().toString());

        header.addDestination().setEndpoint(FhirNames.MUNICIPALITY_ENDPOINT + facts.payingMunicipality()).setReceiver(ref(municipality));
        header.setSender(ref(hospital));
        header.addFocus(ref(encounter));

        add(bundle, encounter);
        add(bundle, patient);
        add(bundle, hospital);
        add(bundle, municipality);
        if (facts.event() == StayMessageEvent.DISCHARGE_READY_NOTICE && facts.declaration() != null
                && facts.declaration().assessorHprNumber() != null) {
            Practitioner assessor = new Practitioner();
            assessor.setId(java.util.UUID.randomUUID().toString());
            assessor.addIdentifier().setSystem(StayFhirNames.HPR_NUMBER).setValue(facts.declaration().assessorHprNumber());
            encounter.addParticipant().setIndividual(ref(assessor))
                    .addType(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/v3-ParticipationType", "ATND", "attender")));
            add(bundle, assessor);
        }
        return bundle;
    }

    /**
     * The municipality's answer under § 11, forwarded to the hospital: sent by the municipality (the sender), by
     * way of the service (the source), to the hospital, about the stay (the Encounter by its stay id alone: the
     * hospital knows its patient, so the message carries no personal identifier).
     */
    private static Bundle answer(StayMessageFacts facts, StayEvent.MunicipalityAnswered answer) {
        Bundle bundle = FhirEnvelope.message(facts.messageId(), facts.event().code(), facts.event().display(), facts.messageStatus(),
                facts.replacesMessageId(), facts.sentAt());
        MessageHeader header = FhirEnvelope.header(bundle);
        Organization municipality = new Organization();
        municipality.setId(java.util.UUID.randomUUID().toString());
        municipality.addIdentifier().setSystem(FhirNames.MUNICIPALITY_NUMBER).setValue(facts.payingMunicipality());
        Organization hospital = new Organization();
        hospital.setId(java.util.UUID.randomUUID().toString());
        hospital.addIdentifier().setSystem(FhirNames.ORGANISATION_NUMBER).setValue(facts.hospitalOrganisationNumber());
        Encounter encounter = new Encounter();
        encounter.setId(java.util.UUID.randomUUID().toString());
        encounter.addIdentifier().setSystem(StayFhirNames.STAY_ID).setValue(facts.stayId().toString());
        encounter.setStatus(Encounter.EncounterStatus.INPROGRESS);
        encounter.setClass_(new Coding(ACT_CODE, "IMP", "inpatient encounter"));
        encounter.setServiceProvider(ref(hospital));
        encounter.addExtension(FhirNames.EXTENSION + "answered-at", new DateTimeType(answer.occurredAt().toString()));
        encounter.addExtension(FhirNames.EXTENSION + "can-receive", new BooleanType(answer.canReceive()));
        if (answer.readyFrom() != null) {
            encounter.addExtension(FhirNames.EXTENSION + "ready-from", new DateType(answer.readyFrom().toString()));
        }
        if (answer.expectedReadyOn() != null) {
            encounter.addExtension(FhirNames.EXTENSION + "expected-ready-on", new DateType(answer.expectedReadyOn().toString()));
        }
        if (answer.offer() != null) {
            encounter.addExtension(FhirNames.EXTENSION + "offer", new StringType(answer.offer()));
        }
        header.addDestination().setEndpoint(StayFhirNames.HOSPITAL_ENDPOINT + facts.hospitalOrganisationNumber()).setReceiver(ref(hospital));
        header.setSender(ref(municipality));
        header.addFocus(ref(encounter));
        add(bundle, encounter);
        add(bundle, municipality);
        add(bundle, hospital);
        return bundle;
    }

    private static Encounter encounter(StayMessageFacts facts, Patient patient, Organization hospital) {
        Encounter encounter = new Encounter();
        encounter.addIdentifier().setSystem(StayFhirNames.STAY_ID).setValue(facts.stayId().toString());
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
                        new Coding(StayFhirNames.DISCHARGE_DESTINATIONS, dischargedEvent.destination().code(), null)));
            }
            default -> {
            }
        }
        encounter.setPeriod(period);
        encounter.addExtension(FhirNames.EXTENSION + "event-time", new DateTimeType(facts.stayEvent().occurredAt().toString()));
        return encounter;
    }

    private static void flag(Encounter encounter, String name, boolean value) {
        encounter.addExtension(FhirNames.EXTENSION + name, new BooleanType(value));
    }
}

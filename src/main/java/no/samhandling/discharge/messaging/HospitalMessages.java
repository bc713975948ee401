package no.samhandling.discharge.messaging;

import no.samhandling.discharge.codes.Coded;
import no.samhandling.discharge.messaging.Acknowledgements.Issue;
import no.samhandling.discharge.security.Caller;
import no.samhandling.discharge.security.Roles;
import no.samhandling.discharge.stay.DischargeDestination;
import no.samhandling.discharge.stay.ServiceArea;
import no.samhandling.discharge.stay.StayCommands;
import no.samhandling.discharge.stay.StayEvent;
import no.samhandling.discharge.stay.StayService;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.MessageHeader;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;

import static no.samhandling.discharge.messaging.InboundMessages.extension;
import static no.samhandling.discharge.messaging.InboundMessages.focus;

/**
 * {@code hospital.fhir.in}: hospital systems report the hospital-side events as messages instead of
 * using REST, with the same effect: the same Bundles the service sends to municipalities
 * ({@link FhirMessageBuilder}). The hospital names the stay by a UUID of its choosing (the Encounter's
 * stay-id identifier); an admission notice for an unknown stay registers it.
 */
final class HospitalMessages implements InboundMessages.Source {

    static final HospitalMessages SOURCE = new HospitalMessages();

    private HospitalMessages() {
    }

    /** The sender Organization's organisation number (the hospital trust). */
    @Override
    public Optional<String> sender(Bundle bundle, MessageHeader header) {
        return InboundMessages.senderIdentifier(bundle, header, FhirNames.ORGANISATION_NUMBER, "[0-9]{9}");
    }

    @Override
    public String acknowledgementTopic(MessagingConfig config) {
        return config.hospitalOutTopic();
    }

    /** Keyed by the stay id, so one patient's messages stay in order; the organisation number when there is none. */
    @Override
    public String acknowledgementKey(String sender, Optional<UUID> stayId) {
        return stayId.map(UUID::toString).orElse(sender);
    }

    @Override
    public List<Issue> problems(Bundle bundle, MessageHeader header, String eventCode) {
        List<Issue> problems = new ArrayList<>();
        Optional<MessageEvent> event = Coded.find(MessageEvent.class, eventCode);
        if (event.isEmpty()) {
            problems.add(new Issue(IssueType.NOTSUPPORTED, "This topic takes admission-notice, discharge-ready-notice, "
                    + "discharge-ready-withdrawn and patient-discharged messages", "MessageHeader.eventCoding"));
            return problems;
        }
        Encounter encounter = focus(bundle, header).orElseThrow();
        if (extension(encounter, "event-time").isEmpty()) {
            problems.add(new Issue(IssueType.REQUIRED, "Encounter must give the time of the event (extension event-time)", "Encounter.extension"));
        }
        switch (event.get()) {
            case ADMISSION_NOTICE -> {
                if (patient(bundle).flatMap(HospitalMessages::nationalIdentifier).isEmpty()) {
                    problems.add(new Issue(IssueType.REQUIRED, "The Patient must have a fødselsnummer, D-nummer or felles hjelpenummer",
                            "Patient.identifier"));
                }
                if (!encounter.getPeriod().hasStart()) {
                    problems.add(new Issue(IssueType.REQUIRED, "Encounter.period.start must give the admission time", "Encounter.period"));
                }
                if (extension(encounter, "expected-needs").isEmpty()) {
                    problems.add(new Issue(IssueType.REQUIRED, "An admission notice states the expected needs (extension expected-needs)",
                            "Encounter.extension"));
                }
            }
            case DISCHARGE_READY_NOTICE -> {
                if (extension(encounter, "discharge-ready-declared").isEmpty()) {
                    problems.add(new Issue(IssueType.REQUIRED, "A discharge-ready notice gives the time of the declaration "
                            + "(extension discharge-ready-declared)", "Encounter.extension"));
                }
            }
            case DISCHARGE_READY_WITHDRAWN -> {
                if (extension(encounter, "withdrawal-reason").isEmpty()) {
                    problems.add(new Issue(IssueType.REQUIRED, "A withdrawal gives its reason (extension withdrawal-reason)", "Encounter.extension"));
                }
            }
            case PATIENT_DISCHARGED -> {
                if (destination(encounter).isEmpty()) {
                    problems.add(new Issue(IssueType.REQUIRED, "Encounter.hospitalization.dischargeDisposition must be one of "
                            + Arrays.stream(DischargeDestination.values()).map(DischargeDestination::code).toList(),
                            "Encounter.hospitalization.dischargeDisposition"));
                }
            }
        }
        return problems;
    }

    @Override
    public void apply(Bundle bundle, MessageHeader header, String hospital, UUID stayId, StayService stays, Clock clock) {
        Caller caller = new Caller("fhir:hospital:" + hospital, Set.of(Roles.WARD), hospital, null);
        Encounter encounter = focus(bundle, header).orElseThrow();
        Instant at = InboundMessages.instant(extension(encounter, "event-time").orElseThrow().getValue().primitiveValue());
        MessageEvent event = Coded.find(MessageEvent.class, header.getEventCoding().getCode()).orElseThrow();
        switch (event) {
            case ADMISSION_NOTICE -> {
                if (!stays.exists(stayId)) {
                    stays.register(caller, registration(bundle, header, encounter), stayId);
                }
                stays.record(caller, stayId, OptionalLong.empty(), new StayEvent.AdmissionNoticeSent(at,
                        extension(encounter, "expected-discharge-date").map(x -> LocalDate.parse(x.getValue().primitiveValue())).orElse(null),
                        extension(encounter, "expected-needs").map(x -> x.getValue().primitiveValue()).orElse(null),
                        extension(encounter, "need-arose-during-stay").map(x -> ((BooleanType) x.getValue()).booleanValue()).orElse(false)));
            }
            case DISCHARGE_READY_NOTICE -> {
                Instant declared = InboundMessages.instant(extension(encounter, "discharge-ready-declared").orElseThrow().getValue().primitiveValue());
                stays.record(caller, stayId, OptionalLong.empty(), new StayEvent.DeclaredDischargeReady(declared,
                        assessorHpr(bundle).orElse(null),
                        new StayEvent.Assessment(flag(encounter, "problems-at-admission-clarified"),
                                flag(encounter, "diagnosis-and-follow-up-plan-set"), flag(encounter, "function-level-assessed")),
                        new StayEvent.FollowUpConditions(flag(encounter, "cooperation-meeting-called"),
                                flag(encounter, "hospital-follow-up-clarified")),
                        extension(encounter, "needs").map(x -> x.getValue().primitiveValue()).orElse(null)));
                stays.record(caller, stayId, OptionalLong.empty(), new StayEvent.DischargeReadyNoticeSent(at));
            }
            case DISCHARGE_READY_WITHDRAWN -> stays.record(caller, stayId, OptionalLong.empty(),
                    new StayEvent.Withdrawn(at, extension(encounter, "withdrawal-reason").orElseThrow().getValue().primitiveValue()));
            case PATIENT_DISCHARGED -> stays.record(caller, stayId, OptionalLong.empty(),
                    new StayEvent.Discharged(at, destination(encounter).orElseThrow()));
        }
    }

    private static StayCommands.RegisterStay registration(Bundle bundle, MessageHeader header, Encounter encounter) {
        String paying = header.getDestination().stream()
                .map(d -> d.getEndpoint())
                .filter(e -> e != null && e.startsWith("urn:kommunenummer:"))
                .map(e -> e.substring("urn:kommunenummer:".length()))
                .findFirst().orElse(null);
        String residence = extension(encounter, "residence-municipality").map(x -> x.getValue().primitiveValue()).orElse(paying);
        String area = extension(encounter, "service-area").map(x -> x.getValue().primitiveValue()).orElse(ServiceArea.SOMATIC.code());
        ServiceArea serviceArea = Coded.find(ServiceArea.class, area).orElse(ServiceArea.SOMATIC);
        String ward = encounter.getLocation().stream().map(l -> l.getLocation().getDisplay()).filter(d -> d != null).findFirst()
                .orElse("(not given)");
        return new StayCommands.RegisterStay(patient(bundle).flatMap(HospitalMessages::nationalIdentifier).orElseThrow(), null, ward,
                serviceArea, residence, paying, encounter.getPeriod().getStartElement().getValue().toInstant());
    }

    private static Optional<Patient> patient(Bundle bundle) {
        return bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
                .filter(Patient.class::isInstance).map(Patient.class::cast).findFirst();
    }

    private static Optional<String> nationalIdentifier(Patient patient) {
        return patient.getIdentifier().stream()
                .filter(id -> id.getSystem() != null && id.getSystem().startsWith("urn:oid:2.16.578.1.12.4.1.4."))
                .map(Identifier::getValue).findFirst();
    }

    private static Optional<String> assessorHpr(Bundle bundle) {
        return bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
                .filter(Practitioner.class::isInstance).map(Practitioner.class::cast)
                .flatMap(p -> p.getIdentifier().stream())
                .filter(id -> FhirNames.HPR_NUMBER.equals(id.getSystem()))
                .map(Identifier::getValue).findFirst();
    }

    private static boolean flag(Encounter encounter, String name) {
        return extension(encounter, name).map(x -> x.getValue() instanceof BooleanType b && b.booleanValue()).orElse(false);
    }

    private static Optional<DischargeDestination> destination(Encounter encounter) {
        String code = encounter.getHospitalization().getDischargeDisposition().getCodingFirstRep().getCode();
        return Coded.find(DischargeDestination.class, code);
    }
}

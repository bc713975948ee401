package no.samhandling.discharge.stay;

import jakarta.enterprise.context.ApplicationScoped;
import no.samhandling.discharge.codes.Coded;
import no.samhandling.discharge.messaging.FhirElements;
import no.samhandling.discharge.messaging.FhirNames;
import no.samhandling.discharge.messaging.InboundChannel;
import no.samhandling.discharge.messaging.InboundMessage;
import no.samhandling.discharge.messaging.MessageHandler;
import no.samhandling.discharge.messaging.MessageIssue;
import no.samhandling.discharge.messaging.MessageRefused;
import no.samhandling.discharge.messaging.MessageStatus;
import no.samhandling.discharge.security.Caller;
import no.samhandling.discharge.security.Roles;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;

/**
 * {@code hospital.fhir.in}: hospital systems report the hospital-side events as messages instead of
 * using REST, with the same effect: the same Bundles the service sends to municipalities
 * ({@link StayMessageBuilder}). The hospital names the stay by a UUID of its choosing (the Encounter's
 * stay-id identifier); an admission notice for an unknown stay registers it. A corrected or cancelled
 * message corrects or cancels the events of the message it replaces, as REST's correction and
 * cancellation do.
 */
@ApplicationScoped
class HospitalStayMessages implements MessageHandler {

    private static final Set<String> EVENTS = Set.of(StayMessageEvent.ADMISSION_NOTICE.code(), StayMessageEvent.DISCHARGE_READY_NOTICE.code(),
            StayMessageEvent.DISCHARGE_READY_WITHDRAWN.code(), StayMessageEvent.PATIENT_DISCHARGED.code());

    private final StayService stays;

    HospitalStayMessages(StayService stays) {
        this.stays = stays;
    }

    @Override
    public InboundChannel channel() {
        return InboundChannel.HOSPITAL;
    }

    @Override
    public Set<String> eventCodes() {
        return EVENTS;
    }

    @Override
    public Optional<String> subject(InboundMessage message) {
        return StayMessageHandling.stayId(message);
    }

    @Override
    public void apply(InboundMessage message) {
        StayMessageHandling.refusingWhatTheRulesRefuse(Map.of(), () -> applyEvent(message));
    }

    private void applyEvent(InboundMessage message) {
        UUID stayId = StayMessageHandling.requiredStayId(message);
        Encounter encounter = StayMessageHandling.encounter(message);
        StayMessageEvent event = Coded.find(StayMessageEvent.class, message.eventCode()).orElseThrow();
        Caller caller = new Caller("fhir:hospital:" + message.sender(), Set.of(Roles.WARD), message.sender(), null);
        if (message.status() != MessageStatus.NEW) {
            StayMessageHandling.replace(stays, caller, stayId, message, type -> correctedEvent(type, message, encounter));
            return;
        }
        checkRequired(event, message, encounter);
        Instant at = StayMessageHandling.eventTime(encounter);
        switch (event) {
            case ADMISSION_NOTICE -> {
                if (!stays.exists(stayId)) {
                    stays.register(caller, registration(message, encounter), stayId);
                }
                stays.record(caller, stayId, OptionalLong.empty(), admissionNotice(encounter, at), message.messageId());
            }
            case DISCHARGE_READY_NOTICE -> {
                stays.record(caller, stayId, OptionalLong.empty(), declaration(message, encounter), message.messageId());
                stays.record(caller, stayId, OptionalLong.empty(), new StayEvent.DischargeReadyNoticeSent(at), message.messageId());
            }
            case DISCHARGE_READY_WITHDRAWN -> stays.record(caller, stayId, OptionalLong.empty(),
                    new StayEvent.Withdrawn(at, FhirElements.string(encounter, "withdrawal-reason").orElseThrow()), message.messageId());
            case PATIENT_DISCHARGED -> stays.record(caller, stayId, OptionalLong.empty(),
                    new StayEvent.Discharged(at, destination(encounter).orElseThrow()), message.messageId());
            case MUNICIPALITY_RESPONSE -> throw new IllegalStateException("not a hospital message");
        }
    }

    /** The corrected version of an event of the replaced message, as this message states it. */
    private Optional<StayEvent> correctedEvent(EventType type, InboundMessage message, Encounter encounter) {
        StayMessageEvent event = Coded.find(StayMessageEvent.class, message.eventCode()).orElseThrow();
        checkRequired(event, message, encounter);
        Instant at = StayMessageHandling.eventTime(encounter);
        return Optional.ofNullable(switch (type) {
            case ADMISSION_NOTICE_SENT -> event == StayMessageEvent.ADMISSION_NOTICE ? admissionNotice(encounter, at) : null;
            case DECLARED_DISCHARGE_READY -> event == StayMessageEvent.DISCHARGE_READY_NOTICE ? declaration(message, encounter) : null;
            case DISCHARGE_READY_NOTICE_SENT -> event == StayMessageEvent.DISCHARGE_READY_NOTICE ? new StayEvent.DischargeReadyNoticeSent(at) : null;
            case WITHDRAWN -> event == StayMessageEvent.DISCHARGE_READY_WITHDRAWN
                    ? new StayEvent.Withdrawn(at, FhirElements.string(encounter, "withdrawal-reason").orElseThrow()) : null;
            case DISCHARGED -> event == StayMessageEvent.PATIENT_DISCHARGED ? new StayEvent.Discharged(at, destination(encounter).orElseThrow()) : null;
            case ADMITTED, MUNICIPALITY_ANSWERED -> null;
        });
    }

    static void checkRequired(StayMessageEvent event, InboundMessage message, Encounter encounter) {
        List<MessageIssue> problems = new ArrayList<>();
        if (FhirElements.extension(encounter, "event-time").isEmpty()) {
            problems.add(MessageIssue.required("Encounter must give the time of the event (extension event-time)", "Encounter.extension"));
        }
        switch (event) {
            case ADMISSION_NOTICE -> {
                if (message.first(Patient.class).flatMap(HospitalStayMessages::nationalIdentifier).isEmpty()) {
                    problems.add(MessageIssue.required("The Patient must have a fødselsnummer, D-nummer or felles hjelpenummer", "Patient.identifier"));
                }
                if (!encounter.getPeriod().hasStart()) {
                    problems.add(MessageIssue.required("Encounter.period.start must give the admission time", "Encounter.period"));
                }
                if (FhirElements.extension(encounter, "expected-needs").isEmpty()) {
                    problems.add(MessageIssue.required("An admission notice states the expected needs (extension expected-needs)", "Encounter.extension"));
                }
            }
            case DISCHARGE_READY_NOTICE -> {
                if (FhirElements.extension(encounter, "discharge-ready-declared").isEmpty()) {
                    problems.add(MessageIssue.required("A discharge-ready notice gives the time of the declaration "
                            + "(extension discharge-ready-declared)", "Encounter.extension"));
                }
            }
            case DISCHARGE_READY_WITHDRAWN -> {
                if (FhirElements.extension(encounter, "withdrawal-reason").isEmpty()) {
                    problems.add(MessageIssue.required("A withdrawal gives its reason (extension withdrawal-reason)", "Encounter.extension"));
                }
            }
            case PATIENT_DISCHARGED -> {
                if (destination(encounter).isEmpty()) {
                    problems.add(MessageIssue.required("Encounter.hospitalization.dischargeDisposition must be one of "
                            + Arrays.stream(DischargeDestination.values()).map(DischargeDestination::code).toList(),
                            "Encounter.hospitalization.dischargeDisposition"));
                }
            }
            case MUNICIPALITY_RESPONSE -> throw new IllegalStateException("not a hospital message");
        }
        if (!problems.isEmpty()) {
            throw new MessageRefused(problems);
        }
    }

    private static StayEvent.AdmissionNoticeSent admissionNotice(Encounter encounter, Instant at) {
        return new StayEvent.AdmissionNoticeSent(at,
                FhirElements.date(encounter, "expected-discharge-date").orElse(null),
                FhirElements.string(encounter, "expected-needs").orElse(null),
                FhirElements.flag(encounter, "need-arose-during-stay").orElse(false));
    }

    private static StayEvent.DeclaredDischargeReady declaration(InboundMessage message, Encounter encounter) {
        Instant declared = FhirElements.moment(encounter, "discharge-ready-declared").orElseThrow();
        return new StayEvent.DeclaredDischargeReady(declared,
                assessorHpr(message).orElse(null),
                new StayEvent.Assessment(flag(encounter, "problems-at-admission-clarified"),
                        flag(encounter, "diagnosis-and-follow-up-plan-set"), flag(encounter, "function-level-assessed")),
                new StayEvent.FollowUpConditions(flag(encounter, "cooperation-meeting-called"),
                        flag(encounter, "hospital-follow-up-clarified")),
                FhirElements.string(encounter, "needs").orElse(null));
    }

    private static StayCommands.RegisterStay registration(InboundMessage message, Encounter encounter) {
        String paying = message.header().getDestination().stream()
                .map(d -> d.getEndpoint())
                .filter(e -> e != null && e.startsWith(FhirNames.MUNICIPALITY_ENDPOINT))
                .map(e -> e.substring(FhirNames.MUNICIPALITY_ENDPOINT.length()))
                .findFirst().orElse(null);
        String residence = FhirElements.string(encounter, "residence-municipality").orElse(paying);
        String area = FhirElements.string(encounter, "service-area").orElse(ServiceArea.SOMATIC.code());
        ServiceArea serviceArea = Coded.find(ServiceArea.class, area).orElseThrow(() -> new MessageRefused(new MessageIssue(
                org.hl7.fhir.r4.model.OperationOutcome.IssueType.CODEINVALID, "service-area must be one of "
                + Arrays.stream(ServiceArea.values()).map(ServiceArea::code).toList(), "Encounter.extension")));
        String ward = encounter.getLocation().stream().map(l -> l.getLocation().getDisplay()).filter(d -> d != null).findFirst()
                .orElse("(not given)");
        Instant admitted = FhirElements.moment(encounter.getPeriod().getStartElement().getValueAsString(), "Encounter.period.start");
        return new StayCommands.RegisterStay(message.first(Patient.class).flatMap(HospitalStayMessages::nationalIdentifier).orElseThrow(),
                null, ward, serviceArea, residence, paying, admitted);
    }

    private static Optional<String> nationalIdentifier(Patient patient) {
        return patient.getIdentifier().stream()
                .filter(id -> id.getSystem() != null && id.getSystem().startsWith("urn:oid:2.16.578.1.12.4.1.4."))
                .map(Identifier::getValue).findFirst();
    }

    private static Optional<String> assessorHpr(InboundMessage message) {
        return message.bundle().getEntry().stream().map(e -> e.getResource())
                .filter(Practitioner.class::isInstance).map(Practitioner.class::cast)
                .flatMap(p -> p.getIdentifier().stream())
                .filter(id -> StayFhirNames.HPR_NUMBER.equals(id.getSystem()))
                .map(Identifier::getValue).findFirst();
    }

    private static boolean flag(Encounter encounter, String name) {
        return FhirElements.flag(encounter, name).orElse(false);
    }

    private static Optional<DischargeDestination> destination(Encounter encounter) {
        String code = encounter.getHospitalization().getDischargeDisposition().getCodingFirstRep().getCode();
        return Coded.find(DischargeDestination.class, code);
    }
}

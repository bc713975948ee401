package no.samhandling.discharge.messaging;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.validation.SingleValidationMessage;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import no.samhandling.discharge.messaging.Acknowledgements.Code;
import no.samhandling.discharge.messaging.Acknowledgements.Issue;
import no.samhandling.discharge.security.Caller;
import no.samhandling.discharge.security.Roles;
import no.samhandling.discharge.stay.StayEvent;
import no.samhandling.discharge.stay.StayService;
import no.samhandling.discharge.web.ProblemException;
import no.samhandling.discharge.web.ProblemType;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.MessageHeader;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.Organization;
import io.smallrye.reactive.messaging.MutinyEmitter;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Handles one inbound message from a municipal system: parse, validate, deduplicate (inbox), apply,
 * acknowledge. The effect, the inbox row and the acknowledgement (through the outbox) are committed in
 * one transaction; a refused message gets its fatal-error acknowledgement in a transaction of its own.
 */
@ApplicationScoped
public class InboundMessages {

    private static final Logger LOG = Logger.getLogger(InboundMessages.class);
    private static final String MUNICIPALITY_RESPONSE = "municipality-response";
    private static final String KOMMUNENUMMER_ENDPOINT = "urn:kommunenummer:";

    /** What became of a message: its acknowledgement code, and why it goes to the dead-letter topic, if it does. */
    public record Outcome(Code code, Optional<String> deadLetterReason) {
    }

    private final FhirContext fhir;
    private final FhirValidation validation;
    private final Acknowledgements acknowledgements;
    private final Outbox outbox;
    private final StayService stays;
    private final MessagingConfig config;
    private final MessagingMetrics metrics;
    private final Clock clock;
    private final MutinyEmitter<String> directOut;

    InboundMessages(FhirContext fhir, FhirValidation validation, Acknowledgements acknowledgements, Outbox outbox, StayService stays,
                    MessagingConfig config, MessagingMetrics metrics, Clock clock,
                    @Channel("municipality-fhir-out") MutinyEmitter<String> directOut) {
        this.fhir = fhir;
        this.validation = validation;
        this.acknowledgements = acknowledgements;
        this.outbox = outbox;
        this.stays = stays;
        this.config = config;
        this.metrics = metrics;
        this.clock = clock;
        this.directOut = directOut;
    }

    /**
     * The message could not be handled for a reason on our side (the database away, after retries):
     * answer transient-error straight to Kafka, since the outbox lives in the database, so that the
     * sender sends it again with the same MessageHeader.id.
     */
    public void answerTransientFailure(String payload, Exception cause) {
        LOG.warnf("Inbound message not handled, answering transient-error: %s", cause.toString());
        try {
            Bundle bundle = fhir.newJsonParser().parseResource(Bundle.class, payload);
            if (!(bundle.getEntryFirstRep().getResource() instanceof MessageHeader header)) {
                return;
            }
            Optional<String> municipality = senderMunicipality(bundle, header);
            if (municipality.isEmpty()) {
                return;
            }
            UUID ackId = UUID.randomUUID();
            String eventCode = header.hasEventCoding() ? header.getEventCoding().getCode() : "unknown";
            String ack = acknowledgements.json(ackId, bareId(header.getIdElement().getIdPart()), eventCode, header.getSource().getEndpoint(),
                    Code.TRANSIENT_ERROR, List.of(new Issue(IssueType.TRANSIENT,
                            "The message could not be stored now. Send it again with the same MessageHeader.id.", null)), clock.instant());
            directOut.sendMessageAndAwait(FhirRecords.record(config.municipalityOutTopic(), municipality.get(), ackId, eventCode, ack));
            metrics.acknowledged(Code.TRANSIENT_ERROR.code());
        } catch (RuntimeException e) {
            LOG.warnf("Could not answer transient-error either: %s", e.toString());
        }
    }

    public Outcome fromMunicipality(String topic, String payload) {
        Bundle bundle;
        try {
            bundle = fhir.newJsonParser().parseResource(Bundle.class, payload);
        } catch (DataFormatException | ClassCastException e) {
            metrics.received("unparseable");
            return new Outcome(null, Optional.of("Not a FHIR R4 Bundle in JSON: " + e.getMessage()));
        }
        if (bundle.getEntry().isEmpty() || !(bundle.getEntryFirstRep().getResource() instanceof MessageHeader header)) {
            metrics.received("no-message-header");
            return new Outcome(null, Optional.of("The Bundle's first entry is not a MessageHeader"));
        }
        String messageId = bareId(header.getIdElement().getIdPart());
        String eventCode = header.hasEventCoding() ? header.getEventCoding().getCode() : null;
        String senderEndpoint = header.getSource().getEndpoint();
        String municipality = senderMunicipality(bundle, header).orElse(null);
        metrics.received(eventCode == null ? "unknown" : eventCode);
        if (messageId == null || municipality == null) {
            return new Outcome(null, Optional.of("The message has no MessageHeader.id or no identifiable sending municipality"));
        }
        Optional<Outcome> duplicate = QuarkusTransaction.requiringNew().call(() -> answerDuplicate(messageId, municipality));
        if (duplicate.isPresent()) {
            return duplicate.get();
        }
        List<Issue> problems = problems(bundle, header, eventCode);
        if (!problems.isEmpty()) {
            refuse(topic, messageId, eventCode, senderEndpoint, municipality, null, problems);
            metrics.deadLetter();
            return new Outcome(Code.FATAL_ERROR, Optional.of("Invalid " + eventCode + " message: " + problems.getFirst().text()));
        }
        Encounter encounter = focus(bundle, header).orElseThrow();
        UUID stayId = stayId(encounter).orElseThrow();
        StayEvent.MunicipalityAnswered answer = answer(encounter, bundle);
        Caller caller = new Caller("fhir:" + senderEndpoint, Set.of(Roles.MUNICIPAL_INTAKE), null, municipality);
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                stays.record(caller, stayId, java.util.OptionalLong.empty(), answer);
                acknowledge(topic, messageId, eventCode, senderEndpoint, municipality, stayId, Code.OK, List.of());
            });
            return new Outcome(Code.OK, Optional.empty());
        } catch (ProblemException refused) {
            IssueType type = refused.type() == ProblemType.NOT_FOUND ? IssueType.NOTFOUND
                    : refused.type() == ProblemType.IMPOSSIBLE_TRANSITION ? IssueType.BUSINESSRULE : IssueType.INVALID;
            String text = refused.type() == ProblemType.NOT_FOUND
                    ? "No stay paid for by municipality " + municipality + " has this id."
                    : refused.getMessage();
            // An unknown stay is not stored as a reference: the id names nothing here.
            UUID knownStay = refused.type() == ProblemType.NOT_FOUND ? null : stayId;
            refuse(topic, messageId, eventCode, senderEndpoint, municipality, knownStay, List.of(new Issue(type, text, "Encounter.identifier")));
            return new Outcome(Code.FATAL_ERROR, Optional.empty());
        }
    }

    private Optional<Outcome> answerDuplicate(String messageId, String municipality) {
        InboxMessage earlier = InboxMessage.findById(messageId);
        if (earlier == null) {
            return Optional.empty();
        }
        // The same acknowledgement again, byte for byte, and no second effect.
        outbox.enqueue(earlier.ackMessageId, config.municipalityOutTopic(), municipality, earlier.eventCode, earlier.ackPayload,
                earlier.stayId, null);
        metrics.duplicate();
        return Optional.of(new Outcome(Code.valueOf(earlier.outcome.toUpperCase().replace('-', '_')), Optional.empty()));
    }

    private void refuse(String topic, String messageId, String eventCode, String senderEndpoint, String municipality, UUID stayId,
                        List<Issue> problems) {
        QuarkusTransaction.requiringNew().run(() ->
                acknowledge(topic, messageId, eventCode, senderEndpoint, municipality, stayId, Code.FATAL_ERROR, problems));
        LOG.infof("Refused message %s from municipality %s: %s", messageId, municipality, problems.getFirst().text());
    }

    private void acknowledge(String topic, String messageId, String eventCode, String senderEndpoint, String municipality,
                             UUID stayId, Code code, List<Issue> issues) {
        UUID ackId = UUID.randomUUID();
        Instant now = clock.instant();
        String ack = acknowledgements.json(ackId, messageId, eventCode, senderEndpoint, code, issues, now);
        InboxMessage inbox = new InboxMessage();
        inbox.messageId = messageId;
        inbox.topic = topic;
        inbox.eventCode = eventCode;
        inbox.sender = municipality;
        inbox.stayId = stayId;
        inbox.outcome = code.code();
        inbox.ackMessageId = ackId;
        inbox.ackPayload = ack;
        inbox.receivedAt = now;
        inbox.persist();
        outbox.enqueue(ackId, config.municipalityOutTopic(), municipality, eventCode == null ? "unknown" : eventCode, ack, stayId, null);
        metrics.acknowledged(code.code());
    }

    /** A resource id as sent, without the {@code urn:uuid:} of its Bundle entry's fullUrl that HAPI puts before it. */
    private static String bareId(String id) {
        return id != null && id.startsWith("urn:uuid:") ? id.substring("urn:uuid:".length()) : id;
    }

    /** HAPI's verdict on base R4, and what a municipality-response must carry. */
    private List<Issue> problems(Bundle bundle, MessageHeader header, String eventCode) {
        List<Issue> problems = new ArrayList<>();
        for (SingleValidationMessage error : validation.errors(bundle)) {
            problems.add(new Issue(IssueType.INVALID, error.getMessage(), error.getLocationString()));
        }
        if (bundle.getType() != Bundle.BundleType.MESSAGE) {
            problems.add(new Issue(IssueType.INVALID, "Bundle.type must be message", "Bundle.type"));
        }
        if (!MUNICIPALITY_RESPONSE.equals(eventCode) || !FhirNames.MESSAGE_EVENTS.equals(header.getEventCoding().getSystem())) {
            problems.add(new Issue(IssueType.NOTSUPPORTED, "This topic takes " + MUNICIPALITY_RESPONSE + " messages ("
                    + FhirNames.MESSAGE_EVENTS + ")", "MessageHeader.eventCoding"));
            return problems;
        }
        Optional<Encounter> encounter = focus(bundle, header);
        if (encounter.isEmpty() || stayId(encounter.get()).isEmpty()) {
            problems.add(new Issue(IssueType.REQUIRED, "MessageHeader.focus must be the Encounter identified by the stay id ("
                    + FhirNames.STAY_ID + ")", "MessageHeader.focus"));
            return problems;
        }
        Encounter e = encounter.get();
        if (!(extension(e, "can-receive").map(Extension::getValue).orElse(null) instanceof BooleanType)) {
            problems.add(new Issue(IssueType.REQUIRED, "Encounter must say whether the municipality can receive the patient "
                    + "(extension can-receive, boolean)", "Encounter.extension"));
        } else if (!canReceive(e) && extension(e, "expected-ready-on").isEmpty()) {
            problems.add(new Issue(IssueType.REQUIRED, "When the municipality cannot receive the patient it must say when an offer "
                    + "is expected (extension expected-ready-on, § 11)", "Encounter.extension"));
        }
        return problems;
    }

    private StayEvent.MunicipalityAnswered answer(Encounter encounter, Bundle bundle) {
        boolean canReceive = canReceive(encounter);
        Instant answeredAt = extension(encounter, "answered-at")
                .map(x -> OffsetDateTime.parse(x.getValue().primitiveValue()).toInstant())
                .orElse(bundle.hasTimestamp() ? bundle.getTimestamp().toInstant() : clock.instant());
        LocalDate readyFrom = extension(encounter, "ready-from").map(x -> LocalDate.parse(x.getValue().primitiveValue())).orElse(null);
        LocalDate expected = extension(encounter, "expected-ready-on").map(x -> LocalDate.parse(x.getValue().primitiveValue())).orElse(null);
        String offer = extension(encounter, "offer").map(x -> x.getValue().primitiveValue()).orElse(null);
        return new StayEvent.MunicipalityAnswered(answeredAt, canReceive, canReceive ? readyFrom : null,
                canReceive ? null : expected, offer);
    }

    private static boolean canReceive(Encounter encounter) {
        return extension(encounter, "can-receive").map(x -> ((BooleanType) x.getValue()).booleanValue()).orElse(false);
    }

    private static Optional<Extension> extension(Encounter encounter, String name) {
        return Optional.ofNullable(encounter.getExtensionByUrl(FhirNames.EXTENSION + name)).filter(Extension::hasValue);
    }

    private static Optional<Encounter> focus(Bundle bundle, MessageHeader header) {
        if (!header.hasFocus()) {
            return Optional.empty();
        }
        String reference = header.getFocusFirstRep().getReference();
        return bundle.getEntry().stream()
                .filter(entry -> entry.getResource() instanceof Encounter && reference != null
                        && (reference.equals(entry.getFullUrl()) || reference.equals("Encounter/" + entry.getResource().getIdElement().getIdPart())))
                .map(entry -> (Encounter) entry.getResource())
                .findFirst();
    }

    private static Optional<UUID> stayId(Encounter encounter) {
        return encounter.getIdentifier().stream()
                .filter(id -> FhirNames.STAY_ID.equals(id.getSystem()))
                .map(Identifier::getValue)
                .flatMap(value -> {
                    try {
                        return java.util.stream.Stream.of(UUID.fromString(value));
                    } catch (IllegalArgumentException | NullPointerException e) {
                        return java.util.stream.Stream.empty();
                    }
                })
                .findFirst();
    }

    /** The sending municipality: the sender Organization's kommunenummer, else the source endpoint's. */
    private static Optional<String> senderMunicipality(Bundle bundle, MessageHeader header) {
        String sender = header.getSender().getReference();
        Optional<String> fromOrganization = bundle.getEntry().stream()
                .filter(entry -> entry.getResource() instanceof Organization && sender != null && sender.equals(entry.getFullUrl()))
                .flatMap(entry -> ((Organization) entry.getResource()).getIdentifier().stream())
                .filter(id -> FhirNames.MUNICIPALITY_NUMBER.equals(id.getSystem()) && id.getValue() != null
                        && id.getValue().matches("[0-9]{4}"))
                .map(Identifier::getValue)
                .findFirst();
        if (fromOrganization.isPresent()) {
            return fromOrganization;
        }
        String endpoint = header.getSource().getEndpoint();
        if (endpoint != null && endpoint.startsWith(KOMMUNENUMMER_ENDPOINT)
                && endpoint.substring(KOMMUNENUMMER_ENDPOINT.length()).matches("[0-9]{4}")) {
            return Optional.of(endpoint.substring(KOMMUNENUMMER_ENDPOINT.length()));
        }
        return Optional.empty();
    }
}

package no.samhandling.discharge.messaging;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.validation.SingleValidationMessage;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import no.samhandling.discharge.messaging.Acknowledgements.Code;
import no.samhandling.discharge.messaging.Acknowledgements.Issue;
import no.samhandling.discharge.stay.StayService;
import no.samhandling.discharge.web.ProblemException;
import no.samhandling.discharge.web.ProblemType;
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
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Handles one inbound message from a municipal system: parse, validate, deduplicate (inbox), apply,
 * acknowledge. The effect, the inbox row and the acknowledgement (through the outbox) are committed in
 * one transaction; a refused message gets its fatal-error acknowledgement in a transaction of its own.
 */
@ApplicationScoped
public class InboundMessages {

    private static final Logger LOG = Logger.getLogger(InboundMessages.class);

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
    void answerTransientFailure(String payload, Exception cause, Source source) {
        LOG.warnf("Inbound message not handled, answering transient-error: %s", cause.toString());
        try {
            Bundle bundle = fhir.newJsonParser().parseResource(Bundle.class, payload);
            if (!(bundle.getEntryFirstRep().getResource() instanceof MessageHeader header)) {
                return;
            }
            Optional<String> sender = source.sender(bundle, header);
            if (sender.isEmpty()) {
                return;
            }
            String key = source.acknowledgementKey(sender.get(), focus(bundle, header).flatMap(InboundMessages::stayId));
            UUID ackId = UUID.randomUUID();
            String eventCode = header.hasEventCoding() ? header.getEventCoding().getCode() : "unknown";
            String ack = acknowledgements.json(ackId, bareId(header.getIdElement().getIdPart()), eventCode, header.getSource().getEndpoint(),
                    Code.TRANSIENT_ERROR, List.of(new Issue(IssueType.TRANSIENT,
                            "The message could not be stored now. Send it again with the same MessageHeader.id.", null)), clock.instant());
            directOut.sendMessageAndAwait(FhirRecords.record(source.acknowledgementTopic(config), key, ackId, eventCode, ack));
            metrics.acknowledged(Code.TRANSIENT_ERROR.code());
        } catch (RuntimeException e) {
            LOG.warnf("Could not answer transient-error either: %s", e.toString());
        }
    }

    /**
     * Who sends on a topic, how to recognise them, where their acknowledgements go, what they may send
     * and what each message does.
     */
    interface Source {
        /** The sender's id (municipality number or hospital organisation number), from the message. */
        Optional<String> sender(Bundle bundle, MessageHeader header);

        String acknowledgementTopic(MessagingConfig config);

        /** The Kafka key of the acknowledgement: never personal data. */
        String acknowledgementKey(String sender, Optional<UUID> stayId);

        /** What the message must carry beyond base R4; empty when it may be applied. */
        List<Issue> problems(Bundle bundle, MessageHeader header, String eventCode);

        /** Applies the message's effect, inside the caller's transaction. */
        void apply(Bundle bundle, MessageHeader header, String sender, UUID stayId, StayService stays, Clock clock);
    }

    Outcome handle(String topic, String payload, Source source) {
        Bundle bundle;
        long started = System.nanoTime();
        try {
            bundle = fhir.newJsonParser().parseResource(Bundle.class, payload);
            metrics.step("parse", System.nanoTime() - started);
        } catch (DataFormatException | ClassCastException e) {
            metrics.received("unparseable");
            metrics.deadLetter();
            return new Outcome(null, Optional.of("Not a FHIR R4 Bundle in JSON: " + e.getMessage()));
        }
        if (bundle.getEntry().isEmpty() || !(bundle.getEntryFirstRep().getResource() instanceof MessageHeader header)) {
            metrics.received("no-message-header");
            metrics.deadLetter();
            return new Outcome(null, Optional.of("The Bundle's first entry is not a MessageHeader"));
        }
        String messageId = bareId(header.getIdElement().getIdPart());
        String eventCode = header.hasEventCoding() ? header.getEventCoding().getCode() : null;
        String senderEndpoint = header.getSource().getEndpoint();
        String sender = source.sender(bundle, header).orElse(null);
        metrics.received(eventCode == null ? "unknown" : eventCode);
        if (messageId == null || sender == null) {
            metrics.deadLetter();
            return new Outcome(null, Optional.of("The message has no MessageHeader.id or no identifiable sender"));
        }
        Optional<UUID> stayId = focus(bundle, header).flatMap(InboundMessages::stayId);
        Reply reply = new Reply(topic, messageId, eventCode, senderEndpoint, source.acknowledgementTopic(config),
                source.acknowledgementKey(sender, stayId), sender);
        long checking = System.nanoTime();
        Optional<Outcome> duplicate = QuarkusTransaction.requiringNew().call(() -> answerDuplicate(messageId, reply));
        metrics.step("inbox", System.nanoTime() - checking);
        if (duplicate.isPresent()) {
            return duplicate.get();
        }
        List<Issue> problems = new ArrayList<>();
        long validating = System.nanoTime();
        for (SingleValidationMessage error : validation.errors(payload, FhirValidation.messageProfile(eventCode))) {
            problems.add(new Issue(IssueType.INVALID, error.getMessage(), error.getLocationString()));
        }
        metrics.step("validation", System.nanoTime() - validating);
        if (bundle.getType() != Bundle.BundleType.MESSAGE) {
            problems.add(new Issue(IssueType.INVALID, "Bundle.type must be message", "Bundle.type"));
        }
        if (!header.hasEventCoding() || !FhirNames.MESSAGE_EVENTS.equals(header.getEventCoding().getSystem())) {
            problems.add(new Issue(IssueType.NOTSUPPORTED, "MessageHeader.eventCoding must be from " + FhirNames.MESSAGE_EVENTS,
                    "MessageHeader.eventCoding"));
        } else if (stayId.isEmpty()) {
            problems.add(new Issue(IssueType.REQUIRED, "MessageHeader.focus must be the Encounter identified by the stay id ("
                    + FhirNames.STAY_ID + ")", "MessageHeader.focus"));
        } else {
            problems.addAll(source.problems(bundle, header, eventCode));
        }
        if (!problems.isEmpty()) {
            refuse(reply, null, problems);
            metrics.deadLetter();
            return new Outcome(Code.FATAL_ERROR, Optional.of("Invalid " + eventCode + " message: " + problems.getFirst().text()));
        }
        UUID stay = stayId.orElseThrow();
        long applying = System.nanoTime();
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                source.apply(bundle, header, sender, stay, stays, clock);
                acknowledge(reply, stay, Code.OK, List.of());
            });
            metrics.step("apply", System.nanoTime() - applying);
            return new Outcome(Code.OK, Optional.empty());
        } catch (ProblemException refused) {
            IssueType type = refused.type() == ProblemType.NOT_FOUND ? IssueType.NOTFOUND
                    : refused.type() == ProblemType.IMPOSSIBLE_TRANSITION ? IssueType.BUSINESSRULE
                    : refused.type() == ProblemType.FORBIDDEN ? IssueType.FORBIDDEN : IssueType.INVALID;
            String text = refused.type() == ProblemType.NOT_FOUND
                    ? "No stay of yours has this id." : refused.getMessage();
            // An unknown stay is not stored as a reference: the id names nothing here.
            UUID knownStay = refused.type() == ProblemType.NOT_FOUND ? null : stay;
            refuse(reply, knownStay, List.of(new Issue(type, text, "Encounter.identifier")));
            return new Outcome(Code.FATAL_ERROR, Optional.empty());
        }
    }

    /** Where and how an inbound message is answered. */
    private record Reply(String topic, String messageId, String eventCode, String senderEndpoint, String ackTopic, String ackKey,
                         String sender) {
    }

    private Optional<Outcome> answerDuplicate(String messageId, Reply reply) {
        InboxMessage earlier = InboxMessage.findById(messageId);
        if (earlier == null) {
            return Optional.empty();
        }
        // The same acknowledgement again, byte for byte, and no second effect.
        outbox.enqueue(earlier.ackMessageId, reply.ackTopic(), reply.ackKey(), earlier.eventCode == null ? "unknown" : earlier.eventCode,
                earlier.ackPayload, earlier.stayId, null);
        metrics.duplicate();
        return Optional.of(new Outcome(Code.valueOf(earlier.outcome.toUpperCase().replace('-', '_')), Optional.empty()));
    }

    private void refuse(Reply reply, UUID stayId, List<Issue> problems) {
        QuarkusTransaction.requiringNew().run(() -> acknowledge(reply, stayId, Code.FATAL_ERROR, problems));
        LOG.infof("Refused message %s from %s: %s", reply.messageId(), reply.sender(), problems.getFirst().text());
    }

    private void acknowledge(Reply reply, UUID stayId, Code code, List<Issue> issues) {
        UUID ackId = UUID.randomUUID();
        Instant now = clock.instant();
        String ack = acknowledgements.json(ackId, reply.messageId(), reply.eventCode(), reply.senderEndpoint(), code, issues, now);
        InboxMessage inbox = new InboxMessage();
        inbox.messageId = reply.messageId();
        inbox.topic = reply.topic();
        inbox.eventCode = reply.eventCode();
        inbox.sender = reply.sender();
        inbox.stayId = stayId;
        inbox.outcome = code.code();
        inbox.ackMessageId = ackId;
        inbox.ackPayload = ack;
        inbox.receivedAt = now;
        inbox.persist();
        outbox.enqueue(ackId, reply.ackTopic(), reply.ackKey(), reply.eventCode() == null ? "unknown" : reply.eventCode(), ack,
                stayId, null);
        metrics.acknowledged(code.code());
    }

    /** A resource id as sent, without the {@code urn:uuid:} of its Bundle entry's fullUrl that HAPI puts before it. */
    private static String bareId(String id) {
        return id != null && id.startsWith("urn:uuid:") ? id.substring("urn:uuid:".length()) : id;
    }

    static Optional<Encounter> focus(Bundle bundle, MessageHeader header) {
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

    static Optional<UUID> stayId(Encounter encounter) {
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

    /** The identifier of the sender Organization with the given system, or empty. */
    static Optional<String> senderIdentifier(Bundle bundle, MessageHeader header, String system, String pattern) {
        String sender = header.getSender().getReference();
        return bundle.getEntry().stream()
                .filter(entry -> entry.getResource() instanceof Organization && sender != null && sender.equals(entry.getFullUrl()))
                .flatMap(entry -> ((Organization) entry.getResource()).getIdentifier().stream())
                .filter(id -> system.equals(id.getSystem()) && id.getValue() != null && id.getValue().matches(pattern))
                .map(Identifier::getValue)
                .findFirst();
    }

    static Optional<Extension> extension(Encounter encounter, String name) {
        return Optional.ofNullable(encounter.getExtensionByUrl(FhirNames.EXTENSION + name)).filter(Extension::hasValue);
    }

    static Instant instant(String dateTime) {
        return OffsetDateTime.parse(dateTime).toInstant();
    }
}

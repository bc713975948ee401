package no.samhandling.discharge.messaging;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.validation.SingleValidationMessage;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import no.samhandling.discharge.codes.Coded;
import no.samhandling.discharge.messaging.Acknowledgements.Code;
import no.samhandling.discharge.web.ProblemException;
import no.samhandling.discharge.web.ProblemType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.MessageHeader;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Handles one inbound message for whichever capability registered its event code: parse, deduplicate
 * (inbox), validate, apply, acknowledge. The effect, the inbox row and the acknowledgement (through the
 * outbox) are committed in one transaction; a refused message gets its fatal-error acknowledgement in a
 * transaction of its own and goes to the dead-letter topic. A failure of the infrastructure is thrown on
 * to {@link InboundConsumers}, which retries.
 *
 * <p>Duplicates follow FHIR's messaging rules: a message is known by its topic, sender and
 * MessageHeader.id; the same message again (the same Bundle.id, or a resend with a new Bundle.id and the
 * same content) gets the stored acknowledgement again, byte for byte, and has no second effect; new
 * content under a MessageHeader.id already used by the same sender is refused.
 */
@ApplicationScoped
public class InboundMessages {

    private static final Logger LOG = Logger.getLogger(InboundMessages.class);

    /** What became of a message: its acknowledgement code, and why it goes to the dead-letter topic, if it does. */
    public record Outcome(Code code, Optional<String> deadLetterReason) {

        static Outcome deadLetter(Code code, String reason) {
            return new Outcome(code, Optional.of(reason));
        }
    }

    private final FhirContext fhir;
    private final ObjectMapper json;
    private final FhirValidation validation;
    private final Acknowledgements acknowledgements;
    private final OutboundMessages outbound;
    private final OutboxProducer producer;
    private final MessageHandlers handlers;
    private final MessagingConfig config;
    private final MessagingMetrics metrics;
    private final Clock clock;

    InboundMessages(FhirContext fhir, ObjectMapper json, FhirValidation validation, Acknowledgements acknowledgements,
                    OutboundMessages outbound, OutboxProducer producer, MessageHandlers handlers, MessagingConfig config,
                    MessagingMetrics metrics, Clock clock) {
        this.fhir = fhir;
        this.json = json;
        this.validation = validation;
        this.acknowledgements = acknowledgements;
        this.outbound = outbound;
        this.producer = producer;
        this.handlers = handlers;
        this.config = config;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** Where and how an inbound message is answered. */
    private record Reply(InboundChannel channel, String messageId, String bundleId, String fingerprint, String eventCode,
                         String senderEndpoint, String sender, Optional<String> subject) {

        String ackKey() {
            return channel.acknowledgementKey(sender, subject);
        }

        String eventOrUnknown() {
            return eventCode == null ? "unknown" : eventCode;
        }

        /** Whether what the inbox row and the acknowledgement's key store holds the NUL character. */
        boolean holdsNul() {
            return Stream.of(messageId, bundleId, eventCode, sender, subject.orElse(null)).anyMatch(NulCharacters::in);
        }
    }

    Outcome handle(InboundChannel channel, String payload) {
        Bundle bundle;
        long started = System.nanoTime();
        try {
            bundle = fhir.newJsonParser().parseResource(Bundle.class, payload);
            metrics.step("parse", System.nanoTime() - started);
        } catch (DataFormatException | ClassCastException e) {
            metrics.received("unparseable");
            metrics.deadLetter();
            return Outcome.deadLetter(null, "Not a FHIR R4 Bundle in JSON: " + e.getMessage());
        }
        if (bundle.getEntry().isEmpty() || !(bundle.getEntryFirstRep().getResource() instanceof MessageHeader header)) {
            metrics.received("no-message-header");
            metrics.deadLetter();
            return Outcome.deadLetter(null, "The Bundle's first entry is not a MessageHeader");
        }
        String messageId = bareId(header.getIdElement().getIdPart());
        String eventCode = header.hasEventCoding() ? header.getEventCoding().getCode() : null;
        String sender = channel.sender(bundle, header).orElse(null);
        metrics.received(eventCode == null ? "unknown" : eventCode);
        if (messageId == null || sender == null) {
            metrics.deadLetter();
            return Outcome.deadLetter(null, "The message has no MessageHeader.id or no identifiable sender");
        }
        Optional<MessageHandler> handler = handlers.find(channel, eventCode);
        List<MessageIssue> problems = new ArrayList<>();
        MessageStatus status = status(header, problems);
        InboundMessage message = new InboundMessage(channel, messageId, eventCode, sender, status,
                FhirElements.string(header, "replaces-message"), bundle, header, clock.instant());
        Reply reply = new Reply(channel, messageId, bareId(bundle.getIdElement().getIdPart()), fingerprint(payload), eventCode,
                header.getSource().getEndpoint(), sender, handler.flatMap(h -> subject(h, message)));
        List<String> nulPlaces = nulPlaces(payload);
        if (!nulPlaces.isEmpty() && reply.holdsNul()) {
            // Neither the inbox nor the outbox could store the refusal: the dead-letter topic only.
            metrics.deadLetter();
            return Outcome.deadLetter(null, "The message's ids, sender or subject contain the NUL character (\\u0000): "
                    + String.join(", ", nulPlaces));
        }

        long checking = System.nanoTime();
        Optional<Outcome> duplicate = QuarkusTransaction.requiringNew().call(() -> answerIfKnown(reply));
        metrics.step("inbox", System.nanoTime() - checking);
        if (duplicate.isPresent()) {
            return duplicate.get();
        }

        nulPlaces.forEach(place -> problems.add(MessageIssue.invalid("The text " + NulCharacters.TEXT, place)));
        long validating = System.nanoTime();
        for (SingleValidationMessage error : validation.errors(payload, MessageProfiles.forEvent(eventCode))) {
            problems.add(new MessageIssue(IssueType.INVALID, error.getMessage(), error.getLocationString()));
        }
        metrics.step("validation", System.nanoTime() - validating);
        if (bundle.getType() != Bundle.BundleType.MESSAGE) {
            problems.add(MessageIssue.invalid("Bundle.type must be message", "Bundle.type"));
        }
        if (!header.hasEventCoding() || !FhirNames.MESSAGE_EVENTS.equals(header.getEventCoding().getSystem())) {
            problems.add(new MessageIssue(IssueType.NOTSUPPORTED, "MessageHeader.eventCoding must be from " + FhirNames.MESSAGE_EVENTS,
                    "MessageHeader.eventCoding"));
        } else if (handler.isEmpty()) {
            problems.add(new MessageIssue(IssueType.NOTSUPPORTED, "This topic takes " + String.join(", ", handlers.eventCodes(channel))
                    + " messages", "MessageHeader.eventCoding"));
        }
        if (!problems.isEmpty()) {
            return refuse(reply, problems);
        }

        long applying = System.nanoTime();
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                handler.orElseThrow().apply(message);
                acknowledge(reply, Code.OK, List.of());
            });
            metrics.step("apply", System.nanoTime() - applying);
            return new Outcome(Code.OK, Optional.empty());
        } catch (MessageRefused refused) {
            return refuse(reply, refused.issues());
        } catch (ProblemException refused) {
            return refuse(reply, List.of(issue(refused)));
        } catch (RuntimeException failure) {
            if (Failures.transientInfrastructure(failure)) {
                throw failure;
            }
            // Not the infrastructure, so trying again would fail again: say so at once and keep the message.
            LOG.errorf(failure, "Inbound %s message %s from %s could not be processed", eventCode, messageId, sender);
            return refuse(reply, List.of(new MessageIssue(IssueType.EXCEPTION, "The message could not be processed ("
                    + failure.getClass().getSimpleName() + "). It has been kept for the service's operators; do not send it again "
                    + "unchanged.", null)));
        }
    }

    /**
     * The message could not be handled for a reason on our side (the database away, after retries):
     * answer transient-error straight to Kafka, since the outbox lives in the database, so that the
     * sender sends it again with the same MessageHeader.id.
     *
     * @return whether the answer reached the broker; if not, the caller must not commit the record
     */
    boolean answerTransientFailure(InboundChannel channel, String payload, Exception cause) {
        try {
            Bundle bundle = fhir.newJsonParser().parseResource(Bundle.class, payload);
            MessageHeader header = (MessageHeader) bundle.getEntryFirstRep().getResource();
            String sender = channel.sender(bundle, header).orElseThrow();
            String eventCode = header.hasEventCoding() ? header.getEventCoding().getCode() : null;
            InboundMessage message = new InboundMessage(channel, bareId(header.getIdElement().getIdPart()), eventCode, sender,
                    MessageStatus.NEW, Optional.empty(), bundle, header, clock.instant());
            Optional<String> subject = handlers.find(channel, eventCode).flatMap(h -> subject(h, message));
            UUID ackId = UUID.randomUUID();
            String code = eventCode == null ? "unknown" : eventCode;
            String ack = acknowledgements.json(ackId, message.messageId(), code, header.getSource().getEndpoint(), Code.TRANSIENT_ERROR,
                    List.of(new MessageIssue(IssueType.TRANSIENT,
                            "The message could not be stored now. Send it again with the same MessageHeader.id.", null)), clock.instant());
            producer.send(FhirRecords.producerRecord(channel.acknowledgementTopic().name(config),
                    channel.acknowledgementKey(sender, subject), ackId, code, ack)).get(config.relaySendTimeout().toMillis(), TimeUnit.MILLISECONDS);
            metrics.acknowledged(Code.TRANSIENT_ERROR.code());
            LOG.warnf("Inbound message %s from %s not handled, answered transient-error: %s", message.messageId(), sender, cause.toString());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException | java.util.concurrent.TimeoutException | RuntimeException e) {
            LOG.warnf("Inbound message not handled (%s), and the transient-error answer could not be sent either (%s): it stays "
                    + "uncommitted and is tried again", cause.toString(), e.toString());
            return false;
        }
    }

    private Optional<Outcome> answerIfKnown(Reply reply) {
        InboxMessage earlier = InboxMessage.<InboxMessage>find("topic = ?1 and sender = ?2 and messageId = ?3",
                reply.channel().topic(), reply.sender(), reply.messageId()).firstResult();
        if (earlier == null) {
            return Optional.empty();
        }
        if (reply.bundleId() != null && reply.bundleId().equals(earlier.bundleId) || reply.fingerprint().equals(earlier.fingerprint)) {
            // The same message again: the same acknowledgement, byte for byte, and no second effect.
            outbound.send(new OutgoingMessage(earlier.ackMessageId, reply.channel().acknowledgementTopic(), reply.ackKey(),
                    earlier.eventCode == null ? "unknown" : earlier.eventCode, earlier.ackPayload, earlier.subject));
            metrics.duplicate();
            return Optional.of(new Outcome(Code.valueOf(earlier.outcome.toUpperCase().replace('-', '_')), Optional.empty()));
        }
        List<MessageIssue> issues = List.of(new MessageIssue(IssueType.DUPLICATE, "MessageHeader.id " + reply.messageId()
                + " was used on " + earlier.receivedAt + " for a message with other content. A correction is a new message with its own "
                + "MessageHeader.id that names the one it replaces (extensions message-status and replaces-message).", "MessageHeader.id"));
        // Not recorded in the inbox: the message's id belongs to the first message.
        sendAcknowledgement(reply, Code.FATAL_ERROR, issues, clock.instant());
        metrics.deadLetter();
        LOG.infof("Refused message %s from %s: its id was used before for other content", reply.messageId(), reply.sender());
        return Optional.of(Outcome.deadLetter(Code.FATAL_ERROR, "MessageHeader.id reused for other content"));
    }

    private Outcome refuse(Reply reply, List<MessageIssue> problems) {
        QuarkusTransaction.requiringNew().run(() -> acknowledge(reply, Code.FATAL_ERROR, problems));
        LOG.infof("Refused %s message %s from %s: %s", reply.eventOrUnknown(), reply.messageId(), reply.sender(), problems.getFirst().text());
        metrics.deadLetter();
        return Outcome.deadLetter(Code.FATAL_ERROR, "Refused " + reply.eventOrUnknown() + " message: " + problems.getFirst().text());
    }

    /**
     * The acknowledgement, recorded in the inbox with the message it answers, so a duplicate gets it again. The inbox
     * row is written before the acknowledgement is queued: a duplicate racing this one fails on the inbox's key first.
     */
    private void acknowledge(Reply reply, Code code, List<MessageIssue> issues) {
        Instant now = clock.instant();
        Acknowledgement ack = acknowledgement(reply, code, issues, now);
        InboxMessage inbox = new InboxMessage();
        inbox.id = UUID.randomUUID();
        inbox.topic = reply.channel().topic();
        inbox.sender = reply.sender();
        inbox.messageId = reply.messageId();
        inbox.bundleId = reply.bundleId();
        inbox.fingerprint = reply.fingerprint();
        inbox.eventCode = reply.eventCode();
        inbox.subject = reply.subject().orElse(null);
        inbox.outcome = code.code();
        inbox.ackMessageId = ack.id();
        inbox.ackPayload = ack.payload();
        inbox.receivedAt = now;
        inbox.persist();
        inbox.flush();
        queue(reply, code, ack);
    }

    private record Acknowledgement(UUID id, String payload) {
    }

    private Acknowledgement acknowledgement(Reply reply, Code code, List<MessageIssue> issues, Instant at) {
        UUID ackId = UUID.randomUUID();
        return new Acknowledgement(ackId, acknowledgements.json(ackId, reply.messageId(), reply.eventCode(), reply.senderEndpoint(), code, issues, at));
    }

    /** An acknowledgement that is not recorded in the inbox (the message's id belongs to an earlier message). */
    private void sendAcknowledgement(Reply reply, Code code, List<MessageIssue> issues, Instant at) {
        queue(reply, code, acknowledgement(reply, code, issues, at));
    }

    private void queue(Reply reply, Code code, Acknowledgement ack) {
        outbound.send(new OutgoingMessage(ack.id(), reply.channel().acknowledgementTopic(), reply.ackKey(), reply.eventOrUnknown(),
                ack.payload(), reply.subject().orElse(null)));
        metrics.acknowledged(code.code());
    }

    private static MessageStatus status(MessageHeader header, List<MessageIssue> problems) {
        Optional<String> code = FhirElements.string(header, "message-status");
        if (code.isEmpty()) {
            return MessageStatus.NEW;
        }
        Optional<MessageStatus> status = Coded.find(MessageStatus.class, code.get());
        if (status.isEmpty()) {
            problems.add(new MessageIssue(IssueType.CODEINVALID, "message-status must be new, corrected or cancelled", "MessageHeader.extension"));
            return MessageStatus.NEW;
        }
        if (status.get() != MessageStatus.NEW && FhirElements.string(header, "replaces-message").isEmpty()) {
            problems.add(MessageIssue.required("A " + status.get().code() + " message names the MessageHeader.id it replaces "
                    + "(extension replaces-message)", "MessageHeader.extension"));
        }
        return status.get();
    }

    private static Optional<String> subject(MessageHandler handler, InboundMessage message) {
        try {
            return handler.subject(message);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static MessageIssue issue(ProblemException refused) {
        IssueType type = switch (refused.type()) {
            case NOT_FOUND -> IssueType.NOTFOUND;
            case IMPOSSIBLE_TRANSITION -> IssueType.BUSINESSRULE;
            case FORBIDDEN -> IssueType.FORBIDDEN;
            default -> IssueType.INVALID;
        };
        String text = refused.type() == ProblemType.NOT_FOUND ? "No stay of yours has this id." : refused.getMessage();
        if (!refused.errors().isEmpty()) {
            text = text + " " + refused.errors().stream().map(e -> e.field() + " " + e.message()).toList();
        }
        return new MessageIssue(type, text, null);
    }

    private List<String> nulPlaces(String payload) {
        try {
            return NulCharacters.places(json.readTree(payload));
        } catch (JsonProcessingException e) {
            return List.of(); // not reached: HAPI has parsed the same text
        }
    }

    /**
     * What a resend keeps: the message as sent without Bundle.id, Bundle.meta and Bundle.timestamp, which
     * a sender may renew on each send.
     */
    private String fingerprint(String payload) {
        String content = payload;
        try {
            if (json.readTree(payload) instanceof ObjectNode root) {
                root.remove(List.of("id", "meta", "timestamp"));
                content = json.writeValueAsString(root);
            }
        } catch (JsonProcessingException e) {
            // hash the text as it came
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A resource id as sent, without the {@code urn:uuid:} of its Bundle entry's fullUrl that HAPI puts before it. */
    static String bareId(String id) {
        return id != null && id.startsWith("urn:uuid:") ? id.substring("urn:uuid:".length()) : id;
    }
}

package no.samhandling.discharge.stay;

import no.samhandling.discharge.messaging.FhirElements;
import no.samhandling.discharge.messaging.InboundMessage;
import no.samhandling.discharge.messaging.MessageIssue;
import no.samhandling.discharge.messaging.MessageRefused;
import no.samhandling.discharge.messaging.MessageStatus;
import no.samhandling.discharge.security.Caller;
import no.samhandling.discharge.stay.StayHistory.Effective;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.function.Function;

/**
 * What the stay messages of both directions share: the stay named by the focused Encounter's stay id,
 * and new, corrected and cancelled messages applied as REST applies events, corrections and
 * cancellations. A correction or cancellation names the MessageHeader.id it replaces: the sender's own
 * earlier message, or the message the service sent about the event.
 */
final class StayMessageHandling {

    private StayMessageHandling() {
    }

    static Optional<String> stayId(InboundMessage message) {
        return message.focus(Encounter.class).flatMap(StayMessageHandling::stayId).map(UUID::toString);
    }

    private static Optional<UUID> stayId(Encounter encounter) {
        return encounter.getIdentifier().stream()
                .filter(id -> StayFhirNames.STAY_ID.equals(id.getSystem()))
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

    /** The focused Encounter, or a refusal saying what is missing. */
    static Encounter encounter(InboundMessage message) {
        return message.focus(Encounter.class).orElseThrow(() -> new MessageRefused(MessageIssue.required(
                "MessageHeader.focus must be the Encounter identified by the stay id (" + StayFhirNames.STAY_ID + ")", "MessageHeader.focus")));
    }

    static UUID requiredStayId(InboundMessage message) {
        return stayId(encounter(message)).orElseThrow(() -> new MessageRefused(MessageIssue.required(
                "The Encounter must carry the stay id (identifier " + StayFhirNames.STAY_ID + ")", "Encounter.identifier")));
    }

    /**
     * Applies a corrected or cancelled message to the events of the message it replaces.
     *
     * @param correctedEvent the corrected version of an event of the given type, from this message
     */
    static void replace(StayService stays, Caller caller, UUID stayId, InboundMessage message,
                        Function<EventType, Optional<StayEvent>> correctedEvent) {
        String replaced = message.replacesMessageId().orElseThrow();
        List<Effective> events = stays.eventsOfMessage(caller, stayId, replaced);
        if (events.isEmpty()) {
            throw new MessageRefused(new MessageIssue(IssueType.NOTFOUND, "The stay has no event in force from message " + replaced
                    + ": it was never received, or it was cancelled.", "MessageHeader.extension"));
        }
        String reason = message.status().code() + " by message " + message.messageId();
        if (message.status() == MessageStatus.CANCELLED) {
            // Latest first: a notice goes before the declaration it announced, so no step leaves a notice without one.
            for (Effective event : latestFirst(events)) {
                stays.cancel(caller, stayId, event.id(), OptionalLong.empty(), reason, message.messageId());
            }
            return;
        }
        List<Replacement> replacements = events.stream().map(event -> new Replacement(event, correctedEvent.apply(event.event().type())
                .orElseThrow(() -> new MessageRefused(MessageIssue.invalid("A " + message.eventCode() + " message cannot correct a "
                        + event.event().type().code() + " event", "MessageHeader.eventCoding"))))).toList();
        // Moving events earlier, the earliest goes first; moving them later, the latest: every step keeps their order.
        boolean earlier = replacements.getFirst().corrected().occurredAt().isBefore(replacements.getFirst().event().event().occurredAt());
        List<Replacement> inOrder = new java.util.ArrayList<>(replacements);
        inOrder.sort(java.util.Comparator.comparing((Replacement r) -> r.event().event().occurredAt()));
        if (!earlier) {
            java.util.Collections.reverse(inOrder);
        }
        for (Replacement replacement : inOrder) {
            stays.correct(caller, stayId, replacement.event().id(), OptionalLong.empty(), replacement.corrected(), reason, message.messageId());
        }
    }

    private record Replacement(Effective event, StayEvent corrected) {
    }

    private static List<Effective> latestFirst(List<Effective> events) {
        List<Effective> sorted = new java.util.ArrayList<>(events);
        sorted.sort(java.util.Comparator.comparing((Effective e) -> e.event().occurredAt()).thenComparing(e -> e.event().type()).reversed());
        return sorted;
    }

    /**
     * Runs a handler's effect, translating the stay rules' refusal into the messaging port's: the sender
     * gets a fatal-error acknowledgement with an OperationOutcome saying why.
     *
     * @param elements where in the message each field of the rules lies (e.g. expectedReadyOn → its extension)
     */
    static void refusingWhatTheRulesRefuse(Map<String, String> elements, Runnable effect) {
        try {
            effect.run();
        } catch (StayException refused) {
            throw refusal(refused, elements);
        }
    }

    static MessageRefused refusal(StayException refused, Map<String, String> elements) {
        IssueType type = switch (refused.kind()) {
            case NOT_FOUND -> IssueType.NOTFOUND;
            case IMPOSSIBLE_TRANSITION -> IssueType.BUSINESSRULE;
            case FORBIDDEN -> IssueType.FORBIDDEN;
            case INVALID -> IssueType.INVALID;
        };
        if (refused.kind() == StayException.Kind.NOT_FOUND) {
            return new MessageRefused(new MessageIssue(type, "No stay of yours has this id.", null));
        }
        if (refused.fields().isEmpty()) {
            return new MessageRefused(new MessageIssue(type, refused.getMessage(), null));
        }
        return new MessageRefused(refused.fields().stream()
                .map(field -> new MessageIssue(type, elements.getOrDefault(field.field(), field.field()) + " " + field.message(), null))
                .toList());
    }

    /** The event-time extension every hospital message carries. */
    static java.time.Instant eventTime(Encounter encounter) {
        return FhirElements.moment(encounter, "event-time").orElseThrow(() -> new MessageRefused(MessageIssue.required(
                "Encounter must give the time of the event (extension event-time)", "Encounter.extension")));
    }
}

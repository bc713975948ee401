package no.samhandling.discharge.messaging;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.MessageHeader;
import org.hl7.fhir.r4.model.Resource;

import java.time.Instant;
import java.util.Optional;

/**
 * An inbound message that passed validation, as a handler sees it.
 *
 * @param messageId         {@code MessageHeader.id}, without the {@code urn:uuid:} of its entry's fullUrl
 * @param sender            the organisation number or municipality number the channel recognised
 * @param status            new, corrected or cancelled (extension message-status; PLO forsendelsesstatus N/M/C)
 * @param replacesMessageId for a correction or cancellation: the {@code MessageHeader.id} it replaces
 * @param receivedAt        when the service handled it
 */
public record InboundMessage(InboundChannel channel, String messageId, String eventCode, String sender, MessageStatus status,
                             Optional<String> replacesMessageId, Bundle bundle, MessageHeader header, Instant receivedAt) {

    /** The resource the MessageHeader focuses on, if it is of the given type. */
    public <T extends Resource> Optional<T> focus(Class<T> type) {
        return FhirElements.focus(bundle, header, type);
    }

    /** The first resource of the given type in the Bundle. */
    public <T extends Resource> Optional<T> first(Class<T> type) {
        return bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
                .filter(type::isInstance).map(type::cast).findFirst();
    }

    /** The Bundle's timestamp, or when the service received it. */
    public Instant sentAt() {
        return bundle.hasTimestamp() ? bundle.getTimestamp().toInstant() : receivedAt;
    }
}

package no.samhandling.discharge.messaging;

import java.util.UUID;

/**
 * A message for another system, to leave through the outbox.
 *
 * @param messageId {@code MessageHeader.id}: one logical message, for ever
 * @param key       the Kafka key: never personal data (a municipality number or a stay id)
 * @param subject   what it is about (a stay id), shown to administrators; not personal data
 */
public record OutgoingMessage(UUID messageId, OutboundTopic topic, String key, String eventCode, String payload, String subject) {
}

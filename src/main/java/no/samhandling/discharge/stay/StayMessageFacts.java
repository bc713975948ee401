package no.samhandling.discharge.stay;

import no.samhandling.discharge.messaging.MessageStatus;

import java.time.Instant;
import java.util.UUID;

/**
 * What an outgoing stay message says: the stay as it is, the event the municipality must hear about,
 * and (for a discharge-ready notice) the declaration in force.
 *
 * @param replacesMessageId for a correction or cancellation: the MessageHeader.id of the message it replaces
 */
record StayMessageFacts(
        UUID messageId,
        StayMessageEvent event,
        MessageStatus messageStatus,
        UUID replacesMessageId,
        Instant sentAt,
        UUID stayId,
        String patientIdentifierSystem,
        String patientIdentifier,
        String hospitalOrganisationNumber,
        String ward,
        String serviceArea,
        String payingMunicipality,
        Instant admittedAt,
        StayEvent stayEvent,
        StayEvent.DeclaredDischargeReady declaration) {
}

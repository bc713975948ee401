package no.samhandling.discharge.messaging;

import no.samhandling.discharge.stay.StayEvent;

import java.time.Instant;
import java.util.UUID;

/**
 * What an outgoing stay message says: the stay as it is, the event the municipality must hear about,
 * and (for a discharge-ready notice) the declaration in force.
 *
 * @param messageStatus     new, corrected or cancelled (PLO forsendelsesstatus N/M/C)
 * @param replacesMessageId for a correction or cancellation: the MessageHeader.id of the message it replaces
 */
public record StayMessageFacts(
        UUID messageId,
        MessageEvent event,
        String messageStatus,
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

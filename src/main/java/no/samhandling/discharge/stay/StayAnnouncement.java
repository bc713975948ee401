package no.samhandling.discharge.stay;

import no.samhandling.discharge.messaging.MessageStatus;

import java.util.Optional;
import java.util.UUID;

/**
 * How a new event row of a stay is announced to the other side (messages.md): an original as a new message; a
 * correction or cancellation as a message that refers to the one it replaces. An event that was never sent - loaded
 * by the history import, its exchange having taken place before this service - has no message to refer to: its
 * correction is announced as a new message of its kind, with the corrected content (as every later event of an
 * imported stay is), and its cancellation not at all, since the receiver holds nothing from us that it could cancel.
 *
 * @param replacesMessageId the MessageHeader.id of the message replaced, for a correction or cancellation of one
 */
record StayAnnouncement(MessageStatus status, UUID replacesMessageId) {

    static final StayAnnouncement ORIGINAL = new StayAnnouncement(MessageStatus.NEW, null);

    /** The announcement of a row of this kind ({@code original}, {@code correction}, {@code cancellation}), if any. */
    static Optional<StayAnnouncement> of(String kind, UUID replacedMessageId) {
        return switch (kind) {
            case "correction" -> Optional.of(replacedMessageId == null ? ORIGINAL : new StayAnnouncement(MessageStatus.CORRECTED, replacedMessageId));
            case "cancellation" -> Optional.ofNullable(replacedMessageId).map(sent -> new StayAnnouncement(MessageStatus.CANCELLED, sent));
            default -> Optional.of(ORIGINAL);
        };
    }
}

package no.samhandling.discharge.messaging;

import java.util.Optional;
import java.util.Set;

/**
 * What a capability registers to take inbound messages: the channel and the event codes it handles, and
 * the effect of each. Messaging does the rest for every handler alike: parsing, validation against base
 * R4 and the event's profile, deduplication (inbox), acknowledgement, dead letters and retries. A CDI
 * bean implementing this is found at start-up; two handlers for one event code on one channel fail it.
 */
public interface MessageHandler {

    InboundChannel channel();

    /** The {@code MessageHeader.eventCoding} codes of the project's CodeSystem this handler takes. */
    Set<String> eventCodes();

    /**
     * What the message is about, as an id that is not personal data (a stay's UUID): recorded in the
     * inbox and used as the acknowledgement's Kafka key where the channel keys by subject. Empty when the
     * message does not say (it will then be refused by {@link #apply}).
     */
    Optional<String> subject(InboundMessage message);

    /**
     * Applies the message inside the caller's transaction, which also records it in the inbox and queues
     * its acknowledgement. Throws {@link MessageRefused} for content or rules the message breaks; any
     * other exception is taken as a failure of the infrastructure if it is one (retried), else as a
     * message that cannot be processed (fatal-error, dead-letter topic).
     */
    void apply(InboundMessage message);
}

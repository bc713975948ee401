package no.samhandling.discharge.messaging;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.MessageHeader;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;

import java.time.Instant;
import java.util.UUID;

/**
 * The envelope of every message the service sends (messages.md): a Bundle of type message with its
 * profile declared, the MessageHeader first (event from the project's CodeSystem, the service as source,
 * the message status, and for a correction or cancellation the message it replaces). A capability adds
 * destination, sender, focus and its own resources.
 */
public final class FhirEnvelope {

    private FhirEnvelope() {
    }

    public static Bundle message(UUID messageId, String eventCode, String display, MessageStatus status, UUID replacesMessageId,
                                 Instant sentAt) {
        MessageHeader header = new MessageHeader();
        header.setId(messageId.toString());
        header.setEvent(new Coding(FhirNames.MESSAGE_EVENTS, eventCode, display));
        header.setSource(new MessageHeader.MessageSourceComponent().setEndpoint(FhirNames.SOURCE_ENDPOINT).setName(FhirNames.SOURCE_NAME));
        header.addExtension(FhirNames.EXTENSION + "message-status", new CodeType(status.code()));
        if (replacesMessageId != null) {
            header.addExtension(FhirNames.EXTENSION + "replaces-message", new StringType(replacesMessageId.toString()));
        }
        Bundle bundle = new Bundle();
        bundle.setId(UUID.randomUUID().toString());
        bundle.setType(Bundle.BundleType.MESSAGE);
        MessageProfiles.forEvent(eventCode).ifPresent(bundle.getMeta()::addProfile);
        bundle.setTimestampElement(new InstantType(sentAt.toString()));
        add(bundle, header);
        return bundle;
    }

    public static MessageHeader header(Bundle message) {
        return (MessageHeader) message.getEntryFirstRep().getResource();
    }

    /** Adds a resource as an entry whose fullUrl is {@code urn:uuid:<its id>}. */
    public static <T extends Resource> T add(Bundle bundle, T resource) {
        if (!resource.hasId()) {
            resource.setId(new IdType(UUID.randomUUID().toString()));
        }
        bundle.addEntry().setFullUrl("urn:uuid:" + resource.getIdElement().getIdPart()).setResource(resource);
        return resource;
    }

    public static Reference ref(Resource resource) {
        return new Reference("urn:uuid:" + resource.getIdElement().getIdPart());
    }
}

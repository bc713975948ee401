package no.samhandling.discharge.messaging;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.MessageHeader;

import java.util.Optional;

/**
 * The inbound topics, who sends on each, how the service recognises the sender, and where and under
 * which Kafka key the acknowledgements go (never personal data).
 */
public enum InboundChannel {

    /** {@code hospital.fhir.in}: hospital systems; the sender is the hospital trust by organisation number. */
    HOSPITAL("hospital.fhir.in", OutboundTopic.HOSPITAL) {
        @Override
        Optional<String> sender(Bundle bundle, MessageHeader header) {
            return FhirElements.senderIdentifier(bundle, header, FhirNames.ORGANISATION_NUMBER, "[0-9]{9}");
        }

        /** Keyed by the message's subject (the stay), so one patient's answers keep their order; else the sender. */
        @Override
        String acknowledgementKey(String sender, Optional<String> subject) {
            return subject.orElse(sender);
        }
    },

    /** {@code municipality.fhir.in}: municipal systems; the sender is the municipality by its number. */
    MUNICIPALITY("municipality.fhir.in", OutboundTopic.MUNICIPALITY) {
        /** The sender Organization's kommunenummer, else the source endpoint's ({@code urn:kommunenummer:NNNN}). */
        @Override
        Optional<String> sender(Bundle bundle, MessageHeader header) {
            Optional<String> fromOrganization = FhirElements.senderIdentifier(bundle, header, FhirNames.MUNICIPALITY_NUMBER, "[0-9]{4}");
            if (fromOrganization.isPresent()) {
                return fromOrganization;
            }
            String endpoint = header.getSource().getEndpoint();
            if (endpoint != null && endpoint.startsWith(FhirNames.MUNICIPALITY_ENDPOINT)
                    && endpoint.substring(FhirNames.MUNICIPALITY_ENDPOINT.length()).matches("[0-9]{4}")) {
                return Optional.of(endpoint.substring(FhirNames.MUNICIPALITY_ENDPOINT.length()));
            }
            return Optional.empty();
        }

        @Override
        String acknowledgementKey(String sender, Optional<String> subject) {
            return sender;
        }
    };

    private final String defaultTopic;
    private final OutboundTopic acknowledgements;

    InboundChannel(String defaultTopic, OutboundTopic acknowledgements) {
        this.defaultTopic = defaultTopic;
        this.acknowledgements = acknowledgements;
    }

    /** The topic's name as in the default configuration (for the inbox and logs). */
    public String topic() {
        return defaultTopic;
    }

    OutboundTopic acknowledgementTopic() {
        return acknowledgements;
    }

    /** The sender's id (organisation number or municipality number), from the message. */
    abstract Optional<String> sender(Bundle bundle, MessageHeader header);

    abstract String acknowledgementKey(String sender, Optional<String> subject);
}

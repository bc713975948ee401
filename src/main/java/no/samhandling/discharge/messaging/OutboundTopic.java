package no.samhandling.discharge.messaging;

/** Where outgoing messages go; the names are configuration ({@link MessagingConfig}). */
public enum OutboundTopic {
    /** {@code municipality.fhir.out}: notices to municipal systems and acknowledgements of their messages. */
    MUNICIPALITY,
    /** {@code hospital.fhir.out}: acknowledgements (and answers) to hospital systems. */
    HOSPITAL;

    String name(MessagingConfig config) {
        return switch (this) {
            case MUNICIPALITY -> config.municipalityOutTopic();
            case HOSPITAL -> config.hospitalOutTopic();
        };
    }
}

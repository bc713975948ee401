package no.samhandling.discharge.messaging;

/** Where outgoing messages go; the names are configuration ({@link MessagingConfig}). */
public enum OutboundTopic {
    /** {@code municipality.fhir.out}: notices to municipal systems and acknowledgements of their messages. */
    MUNICIPALITY,
    /** {@code hospital.fhir.out}: acknowledgements and the municipalities' answers to hospital systems. */
    HOSPITAL,
    /** {@code capacity.fhir.out}: capacity reports (MeasureReports) for the region's systems to aggregate. */
    CAPACITY;

    String name(MessagingConfig config) {
        return switch (this) {
            case MUNICIPALITY -> config.municipalityOutTopic();
            case HOSPITAL -> config.hospitalOutTopic();
            case CAPACITY -> config.capacityOutTopic();
        };
    }
}

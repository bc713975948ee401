package no.samhandling.discharge.messaging;

/** The FHIR systems and canonical URLs every message of the service uses (messages.md; HL7 Norway no-basis identifiers). */
public final class FhirNames {

    /** Canonical base of the project's own CodeSystems, extensions and profiles. */
    public static final String CANONICAL = "http://samhandling.no/fhir/discharge";
    public static final String MESSAGE_EVENTS = CANONICAL + "/CodeSystem/message-events";
    public static final String EXTENSION = CANONICAL + "/StructureDefinition/";
    public static final String SOURCE_ENDPOINT = "urn:discharge-coordination";
    public static final String SOURCE_NAME = "Discharge coordination service";
    public static final String MUNICIPALITY_ENDPOINT = "urn:kommunenummer:";

    public static final String ORGANISATION_NUMBER = "urn:oid:2.16.578.1.12.4.1.4.101";
    public static final String MUNICIPALITY_NUMBER = "https://register.geonorge.no/subregister/sosi-kodelister/kartverket/kommunenummer-alle";

    public static final String CONTENT_TYPE = "application/fhir+json; fhirVersion=4.0";

    private FhirNames() {
    }
}

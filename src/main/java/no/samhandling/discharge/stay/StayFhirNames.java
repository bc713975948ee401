package no.samhandling.discharge.stay;

/** The FHIR systems of stay messages beyond the envelope's (HL7 Norway no-basis identifiers). */
final class StayFhirNames {

    /** The stay's UUID, as the Encounter's identifier: how every stay message names its stay. */
    static final String STAY_ID = no.samhandling.discharge.messaging.FhirNames.CANONICAL + "/NamingSystem/stay-id";
    /** A hospital's endpoint in MessageHeader.destination: its organisation number. */
    static final String HOSPITAL_ENDPOINT = "urn:organisasjonsnummer:";
    static final String HPR_NUMBER = "urn:oid:2.16.578.1.12.4.1.4.4";
    static final String DISCHARGE_DESTINATIONS = no.samhandling.discharge.messaging.FhirNames.CANONICAL + "/CodeSystem/discharge-destinations";

    private StayFhirNames() {
    }
}

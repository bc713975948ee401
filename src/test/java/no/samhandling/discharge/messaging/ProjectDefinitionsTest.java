package no.samhandling.discharge.messaging;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.validation.SingleValidationMessage;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.MessageHeader;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The validator knows the project's definitions: its extensions (a value of the wrong type, or in the
 * wrong place, is an error) and the profile of each message (Bundle, MessageHeader, Encounter).
 */
class ProjectDefinitionsTest {

    private static final FhirContext FHIR = FhirContext.forR4Cached();
    private static FhirValidation validation;

    @BeforeAll
    static void validator() {
        validation = new FhirValidation(FHIR);
    }

    private static Encounter encounter(Bundle bundle) {
        return (Encounter) bundle.getEntry().get(1).getResource();
    }

    private static MessageHeader header(Bundle bundle) {
        return (MessageHeader) bundle.getEntryFirstRep().getResource();
    }

    private static String json(Bundle bundle) {
        return FHIR.newJsonParser().encodeResourceToString(bundle);
    }

    @Test
    void anExtensionWithAValueOfTheWrongTypeIsAnError() throws IOException {
        Bundle bundle = MessageExamplesTest.example("municipality-response");
        encounter(bundle).getExtensionByUrl(FhirNames.EXTENSION + "can-receive").setValue(new StringType("ja"));
        List<SingleValidationMessage> errors = validation.errors(json(bundle), Optional.empty());
        assertThat(errors).isNotEmpty();
        assertThat(errors).anySatisfy(e -> assertThat(e.getMessage()).containsIgnoringCase("string"));
    }

    @Test
    void anExtensionInTheWrongPlaceIsAnError() throws IOException {
        Bundle bundle = MessageExamplesTest.example("municipality-response");
        header(bundle).addExtension(FhirNames.EXTENSION + "can-receive", new org.hl7.fhir.r4.model.BooleanType(true));
        assertThat(validation.errors(json(bundle), Optional.empty())).isNotEmpty();
    }

    @Test
    void theUnchangedExampleHasNoErrors() throws IOException {
        assertThat(validation.messageErrors(MessageExamplesTest.exampleText("municipality-response"))).isEmpty();
    }

    @Test
    void theMessageProfileRequiresItsExtensions() throws IOException {
        Bundle bundle = MessageExamplesTest.example("municipality-response");
        encounter(bundle).getExtension().removeIf(x -> x.getUrl().equals(FhirNames.EXTENSION + "can-receive"));
        bundle.getMeta().getProfile().clear();
        assertThat(validation.errors(json(bundle), Optional.empty())).as("against base R4 alone").isEmpty();
        assertThat(validation.messageErrors(json(bundle))).as("against the municipality-response profile, though not declared")
                .anySatisfy(e -> assertThat(e.getMessage()).contains("can-receive"));
    }

    @Test
    void eachMessageHasItsOwnProfile() throws IOException {
        String discharged = MessageExamplesTest.exampleText("patient-discharged");
        assertThat(validation.errors(discharged, MessageProfiles.forEvent("patient-discharged"))).isEmpty();
        assertThat(validation.errors(discharged, MessageProfiles.forEvent("discharge-ready-withdrawn")))
                .as("a discharge is not a withdrawal: another event code, and no withdrawal-reason")
                .anySatisfy(e -> assertThat(e.getMessage()).contains("withdrawal-reason"))
                .anySatisfy(e -> assertThat(e.getMessage()).contains("patient-discharged").contains("discharge-ready-withdrawn"));
    }

    @Test
    void theMessageHeaderMustFocusOnTheStayAndNameItsSender() throws IOException {
        Bundle bundle = MessageExamplesTest.example("discharge-ready-notice");
        header(bundle).getFocus().clear();
        header(bundle).setSender(null);
        assertThat(validation.messageErrors(json(bundle)))
                .anySatisfy(e -> assertThat(e.getMessage()).contains("MessageHeader.focus"))
                .anySatisfy(e -> assertThat(e.getMessage()).contains("MessageHeader.sender"));
    }

    @Test
    void aMessageHasExactlyOneStay() throws IOException {
        Bundle bundle = MessageExamplesTest.example("admission-notice");
        bundle.addEntry().setFullUrl("urn:uuid:0f8fc3a4-5c0e-4f7b-9d7e-2b1a3c4d5e6f").setResource(encounter(bundle).copy());
        assertThat(validation.messageErrors(json(bundle))).anySatisfy(e -> assertThat(e.getMessage()).contains("entry:encounter"));
    }

    @Test
    void anAcknowledgementMustSayWhatItAnswers() throws IOException {
        Bundle bundle = MessageExamplesTest.example("acknowledgement-ok");
        header(bundle).setResponse(null);
        assertThat(FhirValidation.profileOf(bundle)).as("without a response it reads as the event itself")
                .contains(FhirNames.EXTENSION + "message-municipality-response");
        assertThat(validation.errors(json(bundle), Optional.of(MessageProfiles.ACKNOWLEDGEMENT)))
                .anySatisfy(e -> assertThat(e.getMessage()).contains("MessageHeader.response"));
    }

    /**
     * HAPI's parser drops an element it does not know (with a warning in the log), so a parsed copy of a
     * message with a misspelt element looks valid; the validator sees the text as it was sent.
     */
    @Test
    void aMisspeltElementIsAnErrorThoughTheParserWouldDropIt() throws IOException {
        String misspelt = MessageExamplesTest.exampleText("municipality-response").replaceFirst("\"status\"", "\"statsu\": \"finished\", \"status\"");
        Bundle parsed = FHIR.newJsonParser().parseResource(Bundle.class, misspelt);
        assertThat(json(parsed)).as("the parsed copy has lost it").doesNotContain("statsu");
        assertThat(validation.messageErrors(misspelt)).anySatisfy(e -> assertThat(e.getMessage()).contains("statsu"));
    }
}

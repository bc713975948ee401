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

import static org.assertj.core.api.Assertions.assertThat;

/** The validator knows the project's extensions: a value of the wrong type, or in the wrong place, is an error. */
class ProjectDefinitionsTest {

    private static FhirValidation validation;

    @BeforeAll
    static void validator() {
        validation = new FhirValidation(FhirContext.forR4Cached());
    }

    private static Encounter encounter(Bundle bundle) {
        return (Encounter) bundle.getEntry().get(1).getResource();
    }

    @Test
    void anExtensionWithAValueOfTheWrongTypeIsAnError() throws IOException {
        Bundle bundle = MessageExamplesTest.example("municipality-response");
        encounter(bundle).getExtensionByUrl(FhirNames.EXTENSION + "can-receive").setValue(new StringType("ja"));
        List<SingleValidationMessage> errors = validation.errors(bundle);
        assertThat(errors).isNotEmpty();
        assertThat(errors).anySatisfy(e -> assertThat(e.getMessage()).containsIgnoringCase("string"));
    }

    @Test
    void anExtensionInTheWrongPlaceIsAnError() throws IOException {
        Bundle bundle = MessageExamplesTest.example("municipality-response");
        MessageHeader header = (MessageHeader) bundle.getEntryFirstRep().getResource();
        header.addExtension(FhirNames.EXTENSION + "can-receive", new org.hl7.fhir.r4.model.BooleanType(true));
        assertThat(validation.errors(bundle)).isNotEmpty();
    }

    @Test
    void theUnchangedExampleHasNoErrors() throws IOException {
        assertThat(validation.errors(MessageExamplesTest.example("municipality-response"))).isEmpty();
    }

    @Test
    void theMessageProfileRequiresItsExtensions() throws IOException {
        Bundle bundle = MessageExamplesTest.example("municipality-response");
        encounter(bundle).getExtension().removeIf(x -> x.getUrl().equals(FhirNames.EXTENSION + "can-receive"));
        assertThat(validation.errors(bundle)).as("without the profile declared").isEmpty();
        FhirValidation.declareProfiles(bundle);
        assertThat(validation.errors(bundle)).as("against the municipality-response profiles")
                .anySatisfy(e -> assertThat(e.getMessage()).contains("can-receive"));
    }

    @Test
    void eachMessageHasItsOwnProfile() throws IOException {
        Bundle bundle = MessageExamplesTest.example("patient-discharged");
        FhirValidation.declareProfiles(bundle);
        assertThat(validation.errors(bundle)).isEmpty();
        encounter(bundle).getMeta().getProfile().clear();
        encounter(bundle).getMeta().addProfile(FhirNames.EXTENSION + "encounter-discharge-ready-withdrawn");
        assertThat(validation.errors(bundle)).as("a discharge is not a withdrawal: no withdrawal-reason")
                .anySatisfy(e -> assertThat(e.getMessage()).contains("withdrawal-reason"));
    }
}

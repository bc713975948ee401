package no.samhandling.discharge.messaging;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import jakarta.enterprise.context.ApplicationScoped;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.PrePopulatedValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * HAPI's instance validator, built once for the service: base FHIR R4 plus the project's own
 * definitions in {@code src/main/resources/fhir/definitions} (the extensions, with their value types
 * and contexts, and the CodeSystems of message events and discharge destinations).
 */
@ApplicationScoped
public class FhirValidation {

    private static final String DEFINITIONS = "/fhir/definitions/";

    private final FhirValidator validator;

    FhirValidation(FhirContext fhir) {
        ValidationSupportChain support = new ValidationSupportChain(new DefaultProfileValidationSupport(fhir),
                projectDefinitions(fhir), new InMemoryTerminologyServerValidationSupport(fhir), new CommonCodeSystemsTerminologyService(fhir),
                new SnapshotGeneratingValidationSupport(fhir));
        this.validator = fhir.newValidator().registerValidatorModule(new FhirInstanceValidator(support));
    }

    static PrePopulatedValidationSupport projectDefinitions(FhirContext fhir) {
        PrePopulatedValidationSupport definitions = new PrePopulatedValidationSupport(fhir);
        for (String file : read(DEFINITIONS + "index.txt").split("\\s+")) {
            if (!file.isBlank()) {
                definitions.addResource(fhir.newJsonParser().parseResource(read(DEFINITIONS + file)));
            }
        }
        return definitions;
    }

    private static String read(String resource) {
        try (InputStream in = FhirValidation.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The errors (not warnings) the validator finds. */
    public List<SingleValidationMessage> errors(IBaseResource resource) {
        return validator.validateWithResult(resource).getMessages().stream()
                .filter(m -> m.getSeverity() == ResultSeverityEnum.ERROR || m.getSeverity() == ResultSeverityEnum.FATAL)
                .toList();
    }
}

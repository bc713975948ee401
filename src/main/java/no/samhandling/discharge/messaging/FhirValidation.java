package no.samhandling.discharge.messaging;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.PrePopulatedValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r5.utils.validation.constants.BestPracticeWarningLevel;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.MessageHeader;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

/**
 * HAPI's instance validator, built once for the service: base FHIR R4 plus the project's own
 * definitions in {@code src/main/resources/fhir/definitions} (the extensions, with their value types
 * and contexts, and the CodeSystems of message events and discharge destinations). Thread-safe; the
 * InstanceValidators behind it are reused ({@link ReusingInstanceValidator}).
 */
@ApplicationScoped
public class FhirValidation {

    private static final String DEFINITIONS = "/fhir/definitions/";

    private final FhirValidator validator;
    private final FhirInstanceValidator module;

    @Inject
    FhirValidation(FhirContext fhir) {
        this(fhir, true);
    }

    private FhirValidation(FhirContext fhir, boolean reuseInstanceValidators) {
        ValidationSupportChain support = new ValidationSupportChain(new DefaultProfileValidationSupport(fhir),
                projectDefinitions(fhir), new InMemoryTerminologyServerValidationSupport(fhir), new CommonCodeSystemsTerminologyService(fhir),
                new SnapshotGeneratingValidationSupport(fhir));
        if (reuseInstanceValidators) {
            this.module = new ReusingInstanceValidator(support);
            // Best-practice checks only ever give hints and warnings, which the service does not pass on:
            // skipping them saves about a tenth of the validation time and rejects exactly the same.
            module.setBestPracticeWarningLevel(BestPracticeWarningLevel.Ignore);
        } else {
            this.module = new FhirInstanceValidator(support);
        }
        this.validator = fhir.newValidator().registerValidatorModule(module);
    }

    /** The validator the service uses (outside CDI: for the benchmark). */
    public static FhirValidation forService(FhirContext fhir) {
        return new FhirValidation(fhir, true);
    }

    /** The same definitions with HAPI's stock validator, which builds an InstanceValidator per call (for comparison). */
    public static FhirValidation withStockValidator(FhirContext fhir) {
        return new FhirValidation(fhir, false);
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

    /** The messages with a profile of their own: the Encounter the MessageHeader focuses on. */
    static final Set<String> PROFILED_EVENTS = Set.of("admission-notice", "discharge-ready-notice", "discharge-ready-withdrawn",
            "patient-discharged", "municipality-response");

    /**
     * Declares the profile of the message's event on the Encounter its MessageHeader focuses on, so that
     * the validator checks it whether or not the sender declared it.
     */
    public static void declareProfiles(Bundle bundle) {
        if (bundle.getEntry().isEmpty() || !(bundle.getEntryFirstRep().getResource() instanceof MessageHeader header)
                || !header.hasEventCoding() || !PROFILED_EVENTS.contains(header.getEventCoding().getCode())) {
            return;
        }
        String url = FhirNames.EXTENSION + "encounter-" + header.getEventCoding().getCode();
        String focus = header.getFocusFirstRep().getReference();
        bundle.getEntry().stream()
                .filter(entry -> entry.getResource() instanceof Encounter && focus != null && focus.equals(entry.getFullUrl()))
                .map(Bundle.BundleEntryComponent::getResource)
                .filter(encounter -> !encounter.getMeta().hasProfile(url))
                .forEach(encounter -> encounter.getMeta().addProfile(url));
    }

    /** The errors (not warnings) the validator finds. */
    public List<SingleValidationMessage> errors(IBaseResource resource) {
        return validator.validateWithResult(resource).getMessages().stream()
                .filter(m -> m.getSeverity() == ResultSeverityEnum.ERROR || m.getSeverity() == ResultSeverityEnum.FATAL)
                .toList();
    }

    /** How many InstanceValidators have been built: as many as threads have validated at once, when they are reused. */
    int instanceValidatorsBuilt() {
        return module instanceof ReusingInstanceValidator reusing ? reusing.built() : -1;
    }
}

package no.samhandling.discharge.messaging;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.context.support.ValidationSupportContext;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationOptions;
import ca.uhn.fhir.validation.ValidationResult;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
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
import org.hl7.fhir.r4.model.MessageHeader;
import org.hl7.fhir.r4.model.StructureDefinition;

import java.util.List;
import java.util.Optional;

/**
 * HAPI's instance validator, built once for the service: base FHIR R4 plus the project's own
 * definitions in {@code src/main/resources/fhir/definitions} (the extensions, with their value types
 * and contexts, and the CodeSystems of message events and discharge destinations). Thread-safe; the
 * InstanceValidators behind it are reused ({@link ReusingInstanceValidator}).
 */
@Startup
@ApplicationScoped
public class FhirValidation {

    private static final Logger LOG = Logger.getLogger(FhirValidation.class);

    private final FhirContext fhir;
    private final FhirValidator validator;
    private final FhirInstanceValidator module;

    /**
     * Built at start-up, before readiness reports UP and before the consumers take their first message:
     * left to the first message, building and warming the validator delayed its acknowledgement by half
     * a minute, long enough for a sender to resend.
     */
    @Inject
    FhirValidation(FhirContext fhir) {
        this(fhir, true);
        long started = System.nanoTime();
        int validated = warmUp();
        LOG.infof("FHIR validation ready: %d example messages validated in %d ms", validated, (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * Validates the shipped example of every message that has a profile, and the acknowledgements, once:
     * HAPI converts and completes each profile (and what it refers to) on first use, which costs seconds
     * per profile the first time and nothing after.
     */
    int warmUp() {
        int validated = 0;
        for (String file : MessageProfiles.definitionFiles()) {
            if (file.startsWith("StructureDefinition-message-")) {
                String event = file.substring("StructureDefinition-message-".length(), file.length() - ".json".length());
                String example = "/fhir/examples/" + (event.equals("acknowledgement") ? "acknowledgement-ok" : event) + ".json";
                if (FhirValidation.class.getResource(example) != null) {
                    messageErrors(MessageProfiles.read(example));
                    validated++;
                }
            }
        }
        return validated;
    }

    private FhirValidation(FhirContext fhir, boolean reuseInstanceValidators) {
        this.fhir = fhir;
        DefaultProfileValidationSupport baseR4 = new DefaultProfileValidationSupport(fhir);
        ValidationSupportChain support = new ValidationSupportChain(baseR4,
                projectDefinitions(fhir, baseR4), new InMemoryTerminologyServerValidationSupport(fhir), new CommonCodeSystemsTerminologyService(fhir),
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

    private static PrePopulatedValidationSupport projectDefinitions(FhirContext fhir, DefaultProfileValidationSupport baseR4) {
        PrePopulatedValidationSupport definitions = new PrePopulatedValidationSupport(fhir);
        for (String file : MessageProfiles.definitionFiles()) {
            definitions.addResource(fhir.newJsonParser().parseResource(MessageProfiles.read(MessageProfiles.DEFINITIONS + file)));
        }
        withSnapshots(fhir, baseR4, definitions);
        return definitions;
    }

    /**
     * Generates the snapshots of the project's profiles once, here, on one thread. Left to the validator,
     * HAPI 8.8 generates a snapshot on first use while holding a lock on the definition, and generating
     * one looks at all the others: two threads meeting two new profiles at once deadlock.
     */
    private static void withSnapshots(FhirContext fhir, DefaultProfileValidationSupport baseR4, PrePopulatedValidationSupport definitions) {
        ValidationSupportContext context = new ValidationSupportContext(new ValidationSupportChain(baseR4, definitions));
        SnapshotGeneratingValidationSupport generator = new SnapshotGeneratingValidationSupport(fhir);
        for (IBaseResource resource : List.<IBaseResource>copyOf(definitions.fetchAllStructureDefinitions())) {
            StructureDefinition definition = (StructureDefinition) resource;
            if (!definition.hasSnapshot()) {
                definitions.addStructureDefinition(generator.generateSnapshot(context, definition, definition.getUrl(), null, definition.getName()));
            }
        }
    }

    /** The profile a message must meet: an acknowledgement's if it answers another, else its event's, if any. */
    public static Optional<String> profileOf(Bundle message) {
        if (message.getEntry().isEmpty() || !(message.getEntryFirstRep().getResource() instanceof MessageHeader header)) {
            return Optional.empty();
        }
        if (header.hasResponse()) {
            return Optional.of(MessageProfiles.ACKNOWLEDGEMENT);
        }
        return MessageProfiles.forEvent(header.hasEventCoding() ? header.getEventCoding().getCode() : null);
    }

    /**
     * The errors (not warnings) in a message exactly as it was received: against base R4 and, if given,
     * the message's profile, whether or not the sender declared it. Validating the text and not a parsed
     * copy matters: HAPI's parser drops what it does not know (a misspelt element) with a warning in the
     * log, so only the text shows the validator what the sender actually sent.
     */
    public List<SingleValidationMessage> errors(String json, Optional<String> profile) {
        ValidationOptions options = new ValidationOptions();
        profile.ifPresent(options::addProfile);
        return errorsOf(validator.validateWithResult(json, options));
    }

    /** The errors in a message as received, against base R4 and the profile of what it is ({@link #profileOf}). */
    public List<SingleValidationMessage> messageErrors(String json) {
        return errors(json, profileOf(fhir.newJsonParser().parseResource(Bundle.class, json)));
    }

    private static List<SingleValidationMessage> errorsOf(ValidationResult result) {
        return result.getMessages().stream()
                .filter(m -> m.getSeverity() == ResultSeverityEnum.ERROR || m.getSeverity() == ResultSeverityEnum.FATAL)
                .toList();
    }

    /** How many InstanceValidators have been built: as many as threads have validated at once, when they are reused. */
    int instanceValidatorsBuilt() {
        return module instanceof ReusingInstanceValidator reusing ? reusing.built() : -1;
    }
}

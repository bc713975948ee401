package no.samhandling.discharge.messaging;

import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.validation.IValidationContext;
import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.exceptions.FHIRException;
import org.hl7.fhir.r5.context.IWorkerContext;
import org.hl7.fhir.r5.elementmodel.Manager.FhirFormat;
import org.hl7.fhir.r5.model.StructureDefinition;
import org.hl7.fhir.r5.utils.validation.ValidatorSession;
import org.hl7.fhir.r5.utils.validation.constants.IdStatus;
import org.hl7.fhir.r5.utils.xver.XVerExtensionManagerOld;
import org.hl7.fhir.utilities.i18n.I18nConstants;
import org.hl7.fhir.utilities.validation.ValidationMessage;
import org.hl7.fhir.utilities.validation.ValidationMessage.IssueSeverity;
import org.hl7.fhir.validation.ValidatorSettings;
import org.hl7.fhir.validation.instance.InstanceValidator;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * HAPI's {@link FhirInstanceValidator} with one change: it keeps its {@link InstanceValidator}s for
 * the next message instead of building a new one for every call. Building one reads an OID table from
 * a CSV file and creates a FHIRPath engine and profile utilities, which for a small message Bundle costs
 * more CPU than validating it (see {@code bench/}). Same settings, same steps, same errors as the
 * stock validator ({@code ReusingInstanceValidatorTest} compares them); an InstanceValidator is not
 * thread-safe, so each is lent to one thread at a time from a pool that grows to the number of threads
 * validating at once, and each is replaced after {@link #USES} messages.
 *
 * <p>JSON takes this path, with the profiles of the validation options and of the root's meta.profile
 * as the stock validator takes them; XML goes to the stock validator.
 */
final class ReusingInstanceValidator extends FhirInstanceValidator {

    /**
     * How many messages one InstanceValidator validates before it is replaced. It holds on to something
     * of every message it has validated (about 0.2 MB each, measured with HAPI 8.8.1, released with the
     * validator), so it is retired before that adds up; building a new one every hundred messages costs
     * about 1 % of the time the stock validator spends building one for every message.
     */
    static final int USES = 100;

    /** An InstanceValidator and how many messages it has validated. */
    private record Pooled(InstanceValidator validator, int uses) {
    }

    private final ConcurrentLinkedQueue<Pooled> idle = new ConcurrentLinkedQueue<>();
    private final AtomicInteger built = new AtomicInteger();

    ReusingInstanceValidator(IValidationSupport support) {
        super(support);
    }

    @Override
    protected List<ValidationMessage> validate(IValidationContext<?> context) {
        if (context.getResourceAsStringEncoding() != EncodingEnum.JSON) {
            return super.validate(context);
        }
        String json = context.getResourceAsString();
        IWorkerContext workerContext = provideWorkerContext();
        List<StructureDefinition> profiles = new ArrayList<>();
        List<ValidationMessage> unknownProfiles = new ArrayList<>();
        for (String url : profileUrls(context, json)) {
            try {
                StructureDefinition profile = workerContext.fetchResource(StructureDefinition.class, url);
                if (profile != null) {
                    profiles.add(profile);
                } else {
                    unknownProfiles.add(new ValidationMessage().setMessageId(I18nConstants.VALIDATION_VAL_PROFILE_UNKNOWN)
                            .setLevel(IssueSeverity.ERROR).setMessage("Invalid profile. Failed to retrieve profile with url=" + url));
                }
            } catch (FHIRException e) {
                // skipped without a message, as the stock validator does
            }
        }
        Pooled pooled = idle.poll();
        if (pooled == null) {
            pooled = new Pooled(newInstanceValidator(workerContext), 0);
            built.incrementAndGet();
        }
        InstanceValidator validator = pooled.validator();
        List<ValidationMessage> messages = new ArrayList<>();
        validator.validate(context.getOptions().getAppContext(), messages,
                new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), FhirFormat.JSON, profiles);
        validator.validatedContent.clear();
        // Returned only after a call that did not throw (one that did may have left a half-done state),
        // and only while it has validated fewer than USES messages.
        if (pooled.uses() + 1 < USES) {
            idle.offer(new Pooled(validator, pooled.uses() + 1));
        }
        if (profiles.isEmpty()) {
            messages.addAll(unknownProfiles);
        }
        return adjusted(messages);
    }

    /** The profiles to validate against, as the stock validator takes them: from the options, then the root's meta.profile. */
    private static List<String> profileUrls(IValidationContext<?> context, String json) {
        List<String> urls = new ArrayList<>(context.getOptions().getProfiles());
        JsonObject meta = new Gson().fromJson(json, JsonObject.class).getAsJsonObject("meta");
        if (meta != null && meta.get("profile") instanceof JsonArray declared) {
            declared.forEach(url -> urls.add(url.getAsString()));
        }
        return urls;
    }

    /** How many InstanceValidators this validator has built so far. */
    int built() {
        return built.get();
    }

    /** The settings {@link FhirInstanceValidator} gives each InstanceValidator it builds. */
    private InstanceValidator newInstanceValidator(IWorkerContext workerContext) {
        InstanceValidator validator = new InstanceValidator(workerContext,
                getHostApplicationServices() != null ? getHostApplicationServices() : new NullEvaluationContext(),
                new XVerExtensionManagerOld(workerContext), new ValidatorSession(), new ValidatorSettings());
        validator.setAssumeValidRestReferences(isAssumeValidRestReferences());
        validator.setBestPracticeWarningLevel(getBestPracticeWarningLevel());
        validator.setAnyExtensionsAllowed(isAnyExtensionsAllowed());
        validator.setResourceIdRule(IdStatus.OPTIONAL);
        validator.setNoTerminologyChecks(isNoTerminologyChecks());
        validator.setErrorForUnknownProfiles(isErrorForUnknownProfiles());
        validator.setUnknownCodeSystemsCauseErrors(true);
        validator.getExtensionDomains().addAll(getExtensionDomains());
        validator.setFetcher(getValidatorResourceFetcher());
        validator.setPolicyAdvisor(getValidatorPolicyAdvisor());
        validator.setNoExtensibleWarnings(isNoExtensibleWarnings());
        validator.setNoBindingMsgSuppressed(isNoBindingMsgSuppressed());
        validator.setAllowExamples(isAllowExamples());
        validator.setAllowXsiLocation(true);
        return validator;
    }

    /** What the stock validator removes from and raises in InstanceValidator's findings. */
    private List<ValidationMessage> adjusted(List<ValidationMessage> messages) {
        List<ValidationMessage> kept = messages.stream().filter(m -> !suppressed(m)).toList();
        kept.stream()
                .filter(m -> I18nConstants.VALIDATION_VAL_PROFILE_UNKNOWN.equals(m.getMessageId())
                        || I18nConstants.VALIDATION_VAL_PROFILE_UNKNOWN_NOT_POLICY.equals(m.getMessageId()))
                .forEach(m -> m.setLevel(isErrorForUnknownProfiles() ? IssueSeverity.ERROR : IssueSeverity.WARNING));
        return kept;
    }

    private static boolean suppressed(ValidationMessage message) {
        String id = message.getMessageId();
        return id != null && (id.equals(I18nConstants.TERMINOLOGY_TX_BINDING_NOSOURCE)
                || id.equals(I18nConstants.TERMINOLOGY_TX_VALUESET_NOTFOUND)
                && message.getMessage().contains("http://hl7.org/fhir/ValueSet/mimetypes"));
    }
}

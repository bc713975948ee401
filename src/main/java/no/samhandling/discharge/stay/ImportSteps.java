package no.samhandling.discharge.stay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import no.samhandling.discharge.stay.StayCommands.AdmissionNotice;
import no.samhandling.discharge.stay.StayCommands.Correction;
import no.samhandling.discharge.stay.StayCommands.Discharge;
import no.samhandling.discharge.stay.StayCommands.DischargeReadiness;
import no.samhandling.discharge.stay.StayCommands.DischargeReadyNotice;
import no.samhandling.discharge.stay.StayCommands.MunicipalityResponse;
import no.samhandling.discharge.stay.StayCommands.RegisterStay;
import no.samhandling.discharge.stay.StayCommands.Withdrawal;
import no.samhandling.discharge.stay.StayViews.ImportStep;
import no.samhandling.discharge.stay.StayViews.ImportedStay;
import no.samhandling.discharge.web.StrictJson;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the stays of an import ({@link StayImport}, {@link StayHistoryImport}): each registration and step as
 * the command of its REST call, checked by the same constraints as there (@Valid), and turned into its event
 * by the same mapping; a refusal names the stay and step (stays[i].steps[j]).
 */
@ApplicationScoped
class ImportSteps {

    /** A step read: an event to record, or a correction of the stay's latest event. */
    sealed interface Step permits Recorded, Corrected {
    }

    record Recorded(StayEvent event) implements Step {
    }

    record Corrected(JsonNode corrected, String reason) implements Step {
    }

    private final ObjectMapper json;
    private final Validator validator;

    ImportSteps(ObjectMapper json, Validator validator) {
        this.json = json;
        this.validator = validator;
    }

    RegisterStay registration(ImportedStay stay, String where) {
        return valid(stay == null ? null : stay.registration(), RegisterStay.class, where + ".registration");
    }

    static List<ImportStep> steps(ImportedStay stay) {
        return stay == null || stay.steps() == null ? List.of() : stay.steps();
    }

    /** The step's event, a missing time meaning {@code now}, as its REST call would record it. */
    Step read(ImportStep step, String where, Instant now) {
        String path = step == null ? null : step.path();
        JsonNode body = step == null ? null : step.body();
        return switch (path == null ? "" : path) {
            case "admission-notice" -> new Recorded(StayCommandMapping.admissionNotice(valid(body, AdmissionNotice.class, where), now));
            case "discharge-readiness" -> new Recorded(StayCommandMapping.declaration(valid(body, DischargeReadiness.class, where), now));
            case "discharge-ready-notice" -> new Recorded(StayCommandMapping.notice(valid(body, DischargeReadyNotice.class, where), now));
            case "municipality-response" -> new Recorded(StayCommandMapping.answer(valid(body, MunicipalityResponse.class, where), now));
            case "withdrawal" -> new Recorded(StayCommandMapping.withdrawal(valid(body, Withdrawal.class, where), now));
            case "discharge" -> new Recorded(StayCommandMapping.discharge(valid(body, Discharge.class, where), now));
            case "correction" -> {
                Correction correction = valid(body, Correction.class, where);
                yield new Corrected(correction.corrected(), correction.reason());
            }
            default -> throw StayException.invalid(where + ".path", "must be admission-notice, discharge-readiness, discharge-ready-notice, "
                    + "municipality-response, withdrawal, discharge or correction (of the step before)");
        };
    }

    /** The body as the REST endpoint's command, checked by the same constraints as there (@Valid). */
    <T> T valid(Object body, Class<T> type, String where) {
        if (body == null) {
            throw StayException.invalid(where, "is required");
        }
        T command;
        try {
            command = body instanceof JsonNode node ? json.treeToValue(node, type) : type.cast(body);
        } catch (StrictJson.NulInText nul) {
            throw StayException.invalid(where + "." + StrictJson.fieldPath(nul), StrictJson.NulInText.MESSAGE);
        } catch (Exception unreadable) {
            throw StayException.invalid(where, "cannot be read as " + type.getSimpleName() + ": " + unreadable.getMessage().lines().findFirst().orElse(""));
        }
        List<StayException.Field> fields = new ArrayList<>();
        for (ConstraintViolation<T> violation : validator.validate(command)) {
            fields.add(new StayException.Field(where + "." + violation.getPropertyPath(), violation.getMessage()));
        }
        if (!fields.isEmpty()) {
            throw StayException.invalid(fields);
        }
        return command;
    }

    /** The refusal with its fields, or its message, under the stay's or step's place in the request. */
    static StayException located(StayException refused, String where) {
        if (refused.kind() == StayException.Kind.INVALID) {
            return StayException.invalid(refused.fields().stream()
                    .map(field -> field.field().startsWith("stays[") ? field : new StayException.Field(where + "." + field.field(), field.message()))
                    .toList());
        }
        return new StayException(refused.kind(), where + ": " + refused.getMessage());
    }
}

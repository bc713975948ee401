package no.samhandling.discharge.stay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import no.samhandling.discharge.security.Caller;
import no.samhandling.discharge.stay.StayCommands.AdmissionNotice;
import no.samhandling.discharge.stay.StayCommands.Correction;
import no.samhandling.discharge.stay.StayCommands.Discharge;
import no.samhandling.discharge.stay.StayCommands.DischargeReadiness;
import no.samhandling.discharge.stay.StayCommands.DischargeReadyNotice;
import no.samhandling.discharge.stay.StayCommands.MunicipalityResponse;
import no.samhandling.discharge.stay.StayCommands.RegisterStay;
import no.samhandling.discharge.stay.StayCommands.Withdrawal;
import no.samhandling.discharge.stay.StayViews.ImportRequest;
import no.samhandling.discharge.stay.StayViews.ImportResult;
import no.samhandling.discharge.stay.StayViews.ImportStep;
import no.samhandling.discharge.stay.StayViews.ImportedStay;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * Many stays at once, for loading history (a migration, or the national-scale benchmark): each stay is
 * registered and each of its events recorded by the very code a ward's or intake team's REST call runs
 * ({@link StayRegistration}, {@link StayEvents}), with the same checks, figures, outbox and audit, only
 * many stays in one transaction. One refused step refuses the whole batch, naming the stay and step.
 */
@ApplicationScoped
public class StayImport {

    public static final int MAX_STAYS = 500;
    /** A full batch takes far longer than one REST call; the default 60 s would roll back a large one on a busy machine. */
    public static final int TRANSACTION_TIMEOUT_SECONDS = 600;

    private final StayRegistration registration;
    private final StayEvents events;
    private final ObjectMapper json;
    private final Validator validator;
    private final Clock clock;
    private final EntityManager entityManager;

    StayImport(StayRegistration registration, StayEvents events, ObjectMapper json, Validator validator, Clock clock, EntityManager entityManager) {
        this.entityManager = entityManager;
        this.registration = registration;
        this.events = events;
        this.json = json;
        this.validator = validator;
        this.clock = clock;
    }

    @Transactional
    public ImportResult load(Caller caller, ImportRequest request) {
        if (request == null || request.stays() == null || request.stays().isEmpty() || request.stays().size() > MAX_STAYS) {
            throw StayException.invalid("stays", "must list 1 to " + MAX_STAYS + " stays");
        }
        UUID[] ids = new UUID[request.stays().size()];
        long recorded = 0;
        for (int i : inLockOrder(request.stays())) {
            ImportedStay stay = request.stays().get(i);
            String where = "stays[" + i + "]";
            UUID id = register(caller, stay, where);
            ids[i] = id;
            List<ImportStep> steps = stay.steps() == null ? List.of() : stay.steps();
            for (int j = 0; j < steps.size(); j++) {
                step(caller, id, steps.get(j), where + ".steps[" + j + "]");
                recorded++;
            }
            // A finished stay's rows are not read again: without this, every query of the next stays would flush-check them all.
            entityManager.flush();
            entityManager.clear();
        }
        return new ImportResult(ids.length, recorded, List.of(ids));
    }

    /**
     * The stays' order of processing: by paying municipality. Each event takes the outbox's lock on its
     * municipality's key until the batch commits; two batches taking those locks in different orders deadlock
     * (found by the national-scale benchmark), one order for all batches cannot.
     */
    private static List<Integer> inLockOrder(List<ImportedStay> stays) {
        return java.util.stream.IntStream.range(0, stays.size()).boxed()
                .sorted(Comparator.comparing((Integer i) -> payingMunicipality(stays.get(i))).thenComparing(i -> i))
                .toList();
    }

    private static String payingMunicipality(ImportedStay stay) {
        RegisterStay registration = stay == null ? null : stay.registration();
        if (registration == null) {
            return "";
        }
        String paying = registration.payingMunicipality() != null ? registration.payingMunicipality() : registration.residenceMunicipality();
        return paying == null ? "" : paying;
    }

    private UUID register(Caller caller, ImportedStay stay, String where) {
        RegisterStay command = valid(stay.registration(), RegisterStay.class, where + ".registration");
        try {
            return registration.register(caller, command).id();
        } catch (StayException refused) {
            throw located(refused, where + ".registration");
        }
    }

    private void step(Caller caller, UUID id, ImportStep step, String where) {
        String path = step == null ? null : step.path();
        JsonNode body = step == null ? null : step.body();
        try {
            switch (path == null ? "" : path) {
                case "admission-notice" -> record(caller, id, StayCommandMapping.admissionNotice(valid(body, AdmissionNotice.class, where), clock.instant()));
                case "discharge-readiness" -> record(caller, id, StayCommandMapping.declaration(valid(body, DischargeReadiness.class, where), clock.instant()));
                case "discharge-ready-notice" -> record(caller, id, StayCommandMapping.notice(valid(body, DischargeReadyNotice.class, where), clock.instant()));
                case "municipality-response" -> record(caller, id, StayCommandMapping.answer(valid(body, MunicipalityResponse.class, where), clock.instant()));
                case "withdrawal" -> record(caller, id, StayCommandMapping.withdrawal(valid(body, Withdrawal.class, where), clock.instant()));
                case "discharge" -> record(caller, id, StayCommandMapping.discharge(valid(body, Discharge.class, where), clock.instant()));
                case "correction" -> {
                    Correction correction = valid(body, Correction.class, where);
                    UUID latest = StayEventRow.ofStay(id).stream().max(Comparator.comparingInt(row -> row.sequence)).orElseThrow().id;
                    events.correct(caller, id, latest, OptionalLong.empty(), correction.corrected(), correction.reason());
                }
                default -> throw StayException.invalid(where + ".path", "must be admission-notice, discharge-readiness, discharge-ready-notice, "
                        + "municipality-response, withdrawal, discharge or correction (of the step before)");
            }
        } catch (StayException refused) {
            throw located(refused, where);
        }
    }

    private void record(Caller caller, UUID id, StayEvent event) {
        events.record(caller, id, OptionalLong.empty(), event, null);
    }

    /** The body as the REST endpoint's command, checked by the same constraints as there (@Valid). */
    private <T> T valid(Object body, Class<T> type, String where) {
        if (body == null) {
            throw StayException.invalid(where, "is required");
        }
        T command;
        try {
            command = body instanceof JsonNode node ? json.treeToValue(node, type) : type.cast(body);
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

    private static StayException located(StayException refused, String where) {
        if (refused.kind() == StayException.Kind.INVALID) {
            return StayException.invalid(refused.fields().stream()
                    .map(field -> field.field().startsWith("stays[") ? field : new StayException.Field(where + "." + field.field(), field.message()))
                    .toList());
        }
        return new StayException(refused.kind(), where + ": " + refused.getMessage());
    }
}

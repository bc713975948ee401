package no.samhandling.discharge.stay;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import no.samhandling.discharge.messaging.OutboundMessages;
import no.samhandling.discharge.messaging.OutboundTopic;
import no.samhandling.discharge.security.AuditLog;
import no.samhandling.discharge.security.Caller;
import no.samhandling.discharge.time.OsloTime;
import no.samhandling.discharge.web.StrictJson;
import no.samhandling.discharge.stay.StayEvent.AdmissionNoticeSent;
import no.samhandling.discharge.stay.StayEvent.Admitted;
import no.samhandling.discharge.stay.StayEvent.DeclaredDischargeReady;
import no.samhandling.discharge.stay.StayEvent.MunicipalityAnswered;
import no.samhandling.discharge.stay.StayHistory.Effective;
import no.samhandling.discharge.stay.StayViews.StayView;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;

/**
 * What happens in a stay: recording an event, correcting one, cancelling one. Every change appends an
 * event row and, in the same transaction, after {@link StayTimeline} has accepted the history with the
 * change in it, updates the stay's state, stores its figures ({@link StayFigureStore}), queues the message
 * the municipality must hear about (outbox) and writes the audit row. The rules every event passes (§ 11,
 * the tenant policy, no events in the future) are checked here for REST, messages and corrections alike.
 */
@ApplicationScoped
public class StayEvents {

    private final StayEventCodec codec;
    private final StayConfig config;
    private final AuditLog audit;
    private final Clock clock;
    private final ObjectMapper json;
    private final Validator validator;
    private final OutboundMessages outbound;
    private final StayFigureStore figures;
    private final StayViewing viewing;
    private final Event<DischargeReadinessEnded> readinessEnded;

    StayEvents(StayEventCodec codec, StayConfig config, AuditLog audit, Clock clock, ObjectMapper json, Validator validator,
               OutboundMessages outbound, StayFigureStore figures, StayViewing viewing, Event<DischargeReadinessEnded> readinessEnded) {
        this.codec = codec;
        this.config = config;
        this.audit = audit;
        this.clock = clock;
        this.json = json;
        this.validator = validator;
        this.outbound = outbound;
        this.figures = figures;
        this.viewing = viewing;
        this.readinessEnded = readinessEnded;
    }

    /** Appends an event the ward or the municipality reports, if the stay's history allows it. */
    @Transactional
    public StayView record(Caller caller, UUID stayId, OptionalLong expectedVersion, StayEvent event) {
        return viewing.view(recordRow(caller, stayId, expectedVersion, event, null));
    }

    /**
     * As {@link #record(Caller, UUID, OptionalLong, StayEvent)}, for an event a hospital or municipal system
     * reported in a message: nobody reads an answer, so none is built (it cost a message a third of its effect).
     */
    @Transactional
    public void record(Caller caller, UUID stayId, OptionalLong expectedVersion, StayEvent event, String sourceMessageId) {
        recordRow(caller, stayId, expectedVersion, event, sourceMessageId);
    }

    private Appended recordRow(Caller caller, UUID stayId, OptionalLong expectedVersion, StayEvent event, String sourceMessageId) {
        Stay stay = StayAccess.visibleStay(caller, stayId);
        checkVersion(stay, expectedVersion);
        checkEvent(event, "");
        List<StayEventRow> rows = new ArrayList<>(StayEventRow.ofStay(stay.id));
        StayEventRow row = originalRow(stay.id, rows.size() + 1, event, caller);
        row.sourceMessageId = sourceMessageId;
        return append(caller, stay, rows, row, "record-" + event.type().code(), event);
    }

    /** Appends the first event of a new stay, its admission. */
    @Transactional(Transactional.TxType.MANDATORY)
    StayView admitted(Caller caller, Stay stay, Admitted admitted) {
        StayEventRow row = originalRow(stay.id, 1, admitted, caller);
        return viewing.view(append(caller, stay, new ArrayList<>(), row, "register-stay", admitted));
    }

    @Transactional
    public StayView correct(Caller caller, UUID stayId, UUID eventId, OptionalLong expectedVersion, JsonNode corrected, String reason) {
        Stay stay = StayAccess.visibleStay(caller, stayId);
        List<StayEventRow> rows = StayEventRow.ofStay(stay.id);
        return viewing.view(correctRow(caller, stayId, eventId, expectedVersion, parseCorrection(eventInForce(rows, eventId).event(), corrected),
                reason, null));
    }

    /**
     * Replaces an event in force with its corrected version (an event of the same type); for a correction
     * reported in a message, {@code sourceMessageId} is that message's id.
     */
    @Transactional
    public void correct(Caller caller, UUID stayId, UUID eventId, OptionalLong expectedVersion, StayEvent correctedEvent,
                        String reason, String sourceMessageId) {
        correctRow(caller, stayId, eventId, expectedVersion, correctedEvent, reason, sourceMessageId);
    }

    private Appended correctRow(Caller caller, UUID stayId, UUID eventId, OptionalLong expectedVersion, StayEvent correctedEvent,
                                String reason, String sourceMessageId) {
        Stay stay = StayAccess.visibleStay(caller, stayId);
        checkVersion(stay, expectedVersion);
        List<StayEventRow> rows = new ArrayList<>(StayEventRow.ofStay(stay.id));
        Effective target = eventInForce(rows, eventId);
        checkCorrection(caller, target.event(), correctedEvent);
        checkEvent(correctedEvent, "corrected.");
        StayEventRow row = correctionRow(stay.id, rows.size() + 1, eventId, correctedEvent, reason, caller);
        row.sourceMessageId = sourceMessageId;
        return append(caller, stay, rows, row, "correct-" + correctedEvent.type().code(), correctedEvent);
    }

    @Transactional
    public StayView cancel(Caller caller, UUID stayId, UUID eventId, OptionalLong expectedVersion, String reason) {
        return viewing.view(cancelRow(caller, stayId, eventId, expectedVersion, reason, null));
    }

    @Transactional
    public void cancel(Caller caller, UUID stayId, UUID eventId, OptionalLong expectedVersion, String reason, String sourceMessageId) {
        cancelRow(caller, stayId, eventId, expectedVersion, reason, sourceMessageId);
    }

    private Appended cancelRow(Caller caller, UUID stayId, UUID eventId, OptionalLong expectedVersion, String reason, String sourceMessageId) {
        Stay stay = StayAccess.visibleStay(caller, stayId);
        checkVersion(stay, expectedVersion);
        List<StayEventRow> rows = new ArrayList<>(StayEventRow.ofStay(stay.id));
        Effective target = eventInForce(rows, eventId);
        StayAccess.mayChange(caller, target.event().type());
        StayEventRow row = StayEventRow.next(stay.id, rows.size() + 1, "cancellation", clock.instant(), caller.principal());
        row.type = target.event().type().code();
        row.cancels = eventId;
        row.reason = reason;
        row.sourceMessageId = sourceMessageId;
        return append(caller, stay, rows, row, "cancel-" + target.event().type().code(), target.event());
    }

    /**
     * The events in force that a message reported (its MessageHeader.id as the source of the event or of
     * a correction of it) or that the service announced in it: what a correction or cancellation by
     * message replaces. Empty when no event matches; not found when the stay is not visible to the caller.
     */
    @Transactional
    public List<Effective> eventsOfMessage(Caller caller, UUID stayId, String messageId) {
        Stay stay = StayAccess.visibleStay(caller, stayId);
        List<StayEventRow> rows = StayEventRow.ofStay(stay.id);
        List<RecordedEvent> recorded = codec.recorded(rows);
        return rows.stream()
                .filter(r -> messageId.equals(r.sourceMessageId) || (r.messageId != null && messageId.equals(r.messageId.toString())))
                .map(r -> StayHistory.find(recorded, r.id))
                .flatMap(Optional::stream)
                .distinct()
                .toList();
    }

    /** A stay after an event was appended, with its event rows: what a view is built from. */
    record Appended(Stay stay, List<StayEventRow> rows) {
    }

    private Appended append(Caller caller, Stay stay, List<StayEventRow> rows, StayEventRow row, String action, StayEvent event) {
        rows.add(row);
        StayEventRules.Accepted outcome = StayEventRules.accepted(codec.recorded(rows));
        List<Effective> history = outcome.history();
        Optional<StayAnnouncement> announcement = StayMessageEvent.forStayEvent(event.type())
                .or(() -> StayMessageEvent.forHospital(event.type()))
                .flatMap(message -> StayAnnouncement.of(row.kind, messageOfReplaced(rows, row)));
        if (announcement.isPresent()) {
            row.messageId = UUID.randomUUID();
        }
        row.persist();
        stay.status = outcome.status().code();
        history.stream()
                .filter(e -> e.event() instanceof Admitted)
                .findFirst().ifPresent(e -> stay.admittedAt = e.event().occurredAt());
        stay.updatedAt = clock.instant();
        figures.store(stay, history, row.id);
        Stay.flush();
        announcement.ifPresent(announced -> {
            notifyMunicipality(stay, row, announced, event, history);
            notifyHospital(stay, row, announced, event);
        });
        audit.record(caller, action, stay.id);
        readinessEnded(caller, stay, row, event, outcome.status()).ifPresent(readinessEnded::fire);
        return new Appended(stay, rows);
    }

    /**
     * The end of the stay's discharge readiness, when this event ended it: a discharge or withdrawal on its own
     * day, a cancellation (of the declaration) that leaves the patient admitted and not discharge-ready, today.
     */
    private Optional<DischargeReadinessEnded> readinessEnded(Caller caller, Stay stay, StayEventRow row, StayEvent event, StayStatus status) {
        if (status.waitingForMunicipality()) {
            return Optional.empty();
        }
        if ("cancellation".equals(row.kind)) {
            // After a discharge, the discharge itself ended it.
            return status == StayStatus.ADMITTED ? Optional.of(new DischargeReadinessEnded(caller, stay.id, OsloTime.today(clock),
                    DischargeReadinessEnded.Reason.DECLARATION_CANCELLED)) : Optional.empty();
        }
        DischargeReadinessEnded.Reason reason = switch (event) {
            case StayEvent.Discharged d -> DischargeReadinessEnded.Reason.DISCHARGED;
            case StayEvent.Withdrawn w -> DischargeReadinessEnded.Reason.WITHDRAWN;
            default -> null;
        };
        return Optional.ofNullable(reason).map(r -> new DischargeReadinessEnded(caller, stay.id,
                event.occurredAt().atZone(OsloTime.ZONE).toLocalDate(), r));
    }

    /** The MessageHeader.id of the event a correction or cancellation replaces: null when that event was never sent. */
    private static UUID messageOfReplaced(List<StayEventRow> rows, StayEventRow row) {
        UUID replaced = row.replaces != null ? row.replaces : row.cancels;
        return replaced == null ? null : rows.stream().filter(r -> r.id.equals(replaced)).findFirst().map(r -> r.messageId).orElse(null);
    }

    /**
     * Queues the message the municipality must hear about, in this transaction (outbox), as {@link StayAnnouncement}
     * announces the row.
     */
    private void notifyMunicipality(Stay stay, StayEventRow row, StayAnnouncement announced, StayEvent event, List<Effective> history) {
        StayMessageEvent.forStayEvent(event.type()).ifPresent(message ->
                // Keyed by the municipality number: one municipality's messages keep their order.
                outbound.send(StayMessageBuilder.bundle(facts(stay, row, announced, message, event, history)), OutboundTopic.MUNICIPALITY,
                        stay.payingMunicipality, stay.id.toString()));
    }

    /**
     * Queues the message the hospital must hear about: the municipality's answer under § 11, however it came
     * (REST, a bed allocation, a municipal system's message). Keyed by the stay id, as every message of the
     * hospital side: one patient's messages keep their order, with the acknowledgements of the hospital's own.
     */
    private void notifyHospital(Stay stay, StayEventRow row, StayAnnouncement announced, StayEvent event) {
        StayMessageEvent.forHospital(event.type()).ifPresent(message ->
                outbound.send(StayMessageBuilder.bundle(facts(stay, row, announced, message, event, List.of())), OutboundTopic.HOSPITAL,
                        stay.id.toString(), stay.id.toString()));
    }

    private StayMessageFacts facts(Stay stay, StayEventRow row, StayAnnouncement announced, StayMessageEvent message, StayEvent event,
                                   List<Effective> history) {
        PersonIdentifier.Kind kind = PersonIdentifier.parse(stay.patientIdentifier).orElseThrow().kind();
        return new StayMessageFacts(row.messageId, message, announced.status(), announced.replacesMessageId(), clock.instant(),
                stay.id, kind.fhirSystem(), stay.patientIdentifier, stay.hospital, stay.ward, stay.serviceArea,
                stay.payingMunicipality, stay.admittedAt, event, declarationBefore(history, event.occurredAt()));
    }

    private static DeclaredDischargeReady declarationBefore(List<Effective> history, Instant time) {
        DeclaredDischargeReady latest = null;
        for (Effective effective : history) {
            if (effective.event() instanceof DeclaredDischargeReady declared && !declared.occurredAt().isAfter(time)) {
                latest = declared;
            }
        }
        return latest;
    }

    /** The rules every new or corrected event passes: § 11, no time in the future, plausible dates. */
    private void checkEvent(StayEvent event, String fieldPrefix) {
        StayEventRules.of(config).check(event, fieldPrefix, clock.instant());
    }

    private Effective eventInForce(List<StayEventRow> rows, UUID eventId) {
        return StayHistory.find(codec.recorded(rows), eventId)
                .orElseThrow(() -> StayException.notFound("The stay has no event in force with this id: it does not exist, "
                        + "or it was cancelled."));
    }

    /** The corrected version of an event in force, read from the fields a correction request sends, checked as the request's command. */
    StayEvent parseCorrection(StayEvent original, JsonNode corrected) {
        try {
            return switch (original) {
                case Admitted a -> new Admitted(required(corrected, "admittedAt", Instant.class, a.occurredAt()));
                case AdmissionNoticeSent n -> StayCommandMapping.admissionNotice(
                        validated(json.treeToValue(corrected, StayCommands.AdmissionNotice.class)), n.occurredAt());
                case DeclaredDischargeReady d -> StayCommandMapping.declaration(
                        validated(json.treeToValue(corrected, StayCommands.DischargeReadiness.class)), d.occurredAt());
                case StayEvent.DischargeReadyNoticeSent n -> StayCommandMapping.notice(
                        validated(json.treeToValue(corrected, StayCommands.DischargeReadyNotice.class)), n.occurredAt());
                case MunicipalityAnswered m -> StayCommandMapping.answer(
                        validated(json.treeToValue(corrected, StayCommands.MunicipalityResponse.class)), m.occurredAt());
                case StayEvent.Withdrawn w -> StayCommandMapping.withdrawal(
                        validated(json.treeToValue(corrected, StayCommands.Withdrawal.class)), w.occurredAt());
                case StayEvent.Discharged d -> StayCommandMapping.discharge(
                        validated(json.treeToValue(corrected, StayCommands.Discharge.class)), d.occurredAt());
            };
        } catch (UnrecognizedPropertyException e) {
            throw StayException.invalid("corrected." + e.getPropertyName(), "is not a field of a " + original.type().code() + " event");
        } catch (StrictJson.NulInText e) {
            throw StayException.invalid("corrected." + StrictJson.fieldPath(e), StrictJson.NulInText.MESSAGE);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw StayException.invalid("corrected", "must have the fields of a " + original.type().code() + " event");
        }
    }

    private <T> T required(JsonNode node, String field, Class<T> type, T fallback) throws JsonProcessingException {
        return node.hasNonNull(field) ? json.treeToValue(node.get(field), type) : fallback;
    }

    private <T> T validated(T command) {
        Set<ConstraintViolation<T>> violations = validator.validate(command);
        if (!violations.isEmpty()) {
            throw StayException.invalid(violations.stream().map(v -> new StayException.Field("corrected." + v.getPropertyPath(), v.getMessage()))
                    .sorted(Comparator.comparing(StayException.Field::field)).toList());
        }
        return command;
    }

    private static void checkVersion(Stay stay, OptionalLong expected) {
        if (expected.isPresent() && expected.getAsLong() != stay.version) {
            throw new OptimisticLockException("stay version " + expected.getAsLong() + " expected, " + stay.version + " found");
        }
    }

    /** Who may correct the event in force, and only by an event of its type (the corrected event's own rules are {@link StayEventRules}). */
    static void checkCorrection(Caller caller, StayEvent inForce, StayEvent corrected) {
        StayAccess.mayChange(caller, inForce.type());
        if (corrected.type() != inForce.type()) {
            throw StayException.invalid("corrected", "must be a " + inForce.type().code() + " event");
        }
    }

    StayEventRow correctionRow(UUID stayId, int sequence, UUID replaces, StayEvent corrected, String reason, Caller caller) {
        StayEventRow row = StayEventRow.next(stayId, sequence, "correction", clock.instant(), caller.principal());
        row.type = corrected.type().code();
        row.occurredAt = corrected.occurredAt();
        row.payload = codec.write(corrected);
        row.replaces = replaces;
        row.reason = reason;
        return row;
    }

    StayEventRow originalRow(UUID stayId, int sequence, StayEvent event, Caller caller) {
        StayEventRow row = StayEventRow.next(stayId, sequence, "original", clock.instant(), caller.principal());
        row.type = event.type().code();
        row.occurredAt = event.occurredAt();
        row.payload = codec.write(event);
        return row;
    }
}

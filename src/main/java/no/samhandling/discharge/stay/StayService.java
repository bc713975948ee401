package no.samhandling.discharge.stay;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import no.samhandling.discharge.codes.Coded;
import no.samhandling.discharge.messaging.MessageEvent;
import no.samhandling.discharge.messaging.Outbox;
import no.samhandling.discharge.messaging.StayMessageFacts;
import no.samhandling.discharge.reference.HospitalTrust;
import no.samhandling.discharge.reference.Municipality;
import no.samhandling.discharge.security.AuditLog;
import no.samhandling.discharge.security.Caller;
import no.samhandling.discharge.security.Roles;
import no.samhandling.discharge.stay.StayCommands.RegisterStay;
import no.samhandling.discharge.stay.StayEvent.AdmissionNoticeSent;
import no.samhandling.discharge.stay.StayEvent.Admitted;
import no.samhandling.discharge.stay.StayEvent.DeclaredDischargeReady;
import no.samhandling.discharge.stay.StayEvent.MunicipalityAnswered;
import no.samhandling.discharge.stay.StayHistory.Effective;
import no.samhandling.discharge.stay.StayViews.EventView;
import no.samhandling.discharge.stay.StayViews.FiguresView;
import no.samhandling.discharge.stay.StayViews.PatientView;
import no.samhandling.discharge.stay.StayViews.StaySummary;
import no.samhandling.discharge.stay.StayViews.StayView;
import no.samhandling.discharge.stay.StayViews.WorkListEntry;
import no.samhandling.discharge.time.OsloTime;
import no.samhandling.discharge.web.Page;
import no.samhandling.discharge.web.PageRequest;
import no.samhandling.discharge.web.Problem;
import no.samhandling.discharge.web.ProblemException;
import no.samhandling.discharge.web.ProblemType;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Stays and their history. Every change appends an event and updates the stay's state in one
 * transaction, after {@link StayTimeline} has accepted the history with the new event in it. Every read
 * or write of a stay is audit-logged in the same transaction. A caller sees only the stays of their
 * tenant; any other stay is answered as not found, so its existence is not revealed.
 */
@ApplicationScoped
public class StayService {

    private static final Set<EventType> HOSPITAL_EVENTS = EnumSet.of(EventType.ADMITTED, EventType.ADMISSION_NOTICE_SENT,
            EventType.DECLARED_DISCHARGE_READY, EventType.DISCHARGE_READY_NOTICE_SENT, EventType.WITHDRAWN, EventType.DISCHARGED);

    private final StayEventCodec codec;
    private final StayConfig config;
    private final AuditLog audit;
    private final Clock clock;
    private final ObjectMapper json;
    private final Validator validator;
    private final Outbox outbox;

    StayService(StayEventCodec codec, StayConfig config, AuditLog audit, Clock clock, ObjectMapper json, Validator validator,
                Outbox outbox) {
        this.codec = codec;
        this.config = config;
        this.audit = audit;
        this.clock = clock;
        this.json = json;
        this.validator = validator;
        this.outbox = outbox;
    }

    @Transactional
    public StayView register(Caller caller, RegisterStay command) {
        return register(caller, command, UUID.randomUUID());
    }

    /** Whether a stay with this id exists (for a hospital system that names its stays itself). */
    @Transactional
    public boolean exists(UUID stayId) {
        return Stay.findById(stayId) != null;
    }

    /** Registers a stay under the id the hospital system chose for it (messages name stays by that id). */
    @Transactional
    public StayView register(Caller caller, RegisterStay command, UUID stayId) {
        List<Problem.FieldError> errors = new ArrayList<>();
        Optional<PersonIdentifier> patient = PersonIdentifier.parse(command.patientIdentifier());
        if (patient.isEmpty()) {
            errors.add(new Problem.FieldError("patientIdentifier",
                    "is not a valid fødselsnummer, D-nummer or felles hjelpenummer (11 digits, check digits)"));
        }
        String hospital = hospitalFor(caller, command.hospital(), errors);
        Optional<Municipality> residence = Municipality.findByCurrentOrFormerNumber(command.residenceMunicipality());
        if (residence.isEmpty()) {
            errors.add(new Problem.FieldError("residenceMunicipality", "is not a municipality in Nordland, Troms or Finnmark"));
        }
        String payingNumber = command.payingMunicipality() == null ? command.residenceMunicipality() : command.payingMunicipality();
        Optional<Municipality> paying = Municipality.findByCurrentOrFormerNumber(payingNumber);
        if (paying.isEmpty()) {
            errors.add(new Problem.FieldError("payingMunicipality", "is not a municipality in Nordland, Troms or Finnmark"));
        }
        Instant admittedAt = timeOrNow(command.admittedAt(), "admittedAt", errors);
        errors.addAll(implausibleDates(new Admitted(admittedAt)));
        rejectIfAny(errors);

        Instant now = clock.instant();
        Stay stay = new Stay();
        stay.id = stayId;
        stay.patientIdentifierKind = patient.orElseThrow().kind().code();
        stay.patientIdentifier = patient.orElseThrow().value();
        stay.hospital = hospital;
        stay.ward = command.ward().strip();
        stay.serviceArea = command.serviceArea().code();
        stay.residenceMunicipality = residence.orElseThrow().number;
        stay.payingMunicipality = paying.orElseThrow().number;
        stay.status = StayStatus.ADMITTED.code();
        stay.admittedAt = admittedAt;
        stay.createdAt = now;
        stay.createdBy = caller.principal();
        stay.updatedAt = now;
        stay.persist();
        StayEventRow row = originalRow(stay.id, 1, new Admitted(admittedAt), caller);
        row.persist();
        Stay.flush();
        audit.record(caller, "register-stay", stay.id);
        return view(stay, codec.recorded(List.of(row)), List.of(row));
    }

    @Transactional
    public StayView read(Caller caller, UUID stayId) {
        Stay stay = visibleStay(caller, stayId);
        audit.record(caller, "read-stay", stay.id);
        List<StayEventRow> rows = StayEventRow.ofStay(stay.id);
        return view(stay, codec.recorded(rows), rows);
    }

    @Transactional
    public Page<StaySummary> list(Caller caller, String hospital, StayStatus status, PageRequest page) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters parameters = new Parameters();
        String scope = caller.has(Roles.WARD) && !caller.actsForAllTenants() ? caller.hospital() : hospital;
        if (caller.has(Roles.WARD) && !caller.actsForAllTenants() && scope == null) {
            throw new ProblemException(ProblemType.FORBIDDEN, "Your token does not name a hospital; ask for a ward token for your hospital.");
        }
        if (scope != null) {
            where.append(" and hospital = :hospital");
            parameters.and("hospital", scope);
        }
        if (status != null) {
            where.append(" and status = :status");
            parameters.and("status", status.code());
        }
        var query = Stay.<Stay>find(where.toString(), Sort.descending("admittedAt").and("id"), parameters)
                .page(io.quarkus.panache.common.Page.of(page.page(), page.size()));
        List<Stay> stays = query.list();
        audit.record(caller, "list-stays", stays.stream().map(s -> s.id).toList());
        Map<UUID, List<StayEventRow>> rows = rowsOf(stays);
        return Page.of(stays, page, query.count(), stay -> summary(stay, rows.getOrDefault(stay.id, List.of())));
    }

    /**
     * The municipality's work list: patients it pays for who are discharge-ready, and admitted patients
     * expected to be discharged soon. Longest waiting first.
     */
    @Transactional
    public Page<WorkListEntry> workList(Caller caller, String municipalityNumber, PageRequest page) {
        if (!caller.actsForAllTenants() && !municipalityNumber.equals(caller.municipality())) {
            throw new ProblemException(ProblemType.FORBIDDEN, "Your token gives access to the work list of municipality "
                    + caller.municipality() + " only.");
        }
        LocalDate today = OsloTime.today(clock);
        LocalDate soon = today.plusDays(config.soonReadyWithinDays());
        List<Stay> candidates = Stay.list("payingMunicipality = ?1 and status <> ?2", municipalityNumber, StayStatus.DISCHARGED.code());
        Map<UUID, List<StayEventRow>> rows = rowsOf(candidates);
        List<WorkListEntry> entries = candidates.stream()
                .map(stay -> workListEntry(stay, rows.getOrDefault(stay.id, List.of()), today))
                .filter(entry -> entry.status().waitingForMunicipality()
                        || (entry.expectedDischargeDate() != null && !entry.expectedDischargeDate().isAfter(soon)))
                .sorted(Comparator.comparing(WorkListEntry::daysWaiting).reversed()
                        .thenComparing(e -> e.expectedDischargeDate() == null ? LocalDate.MAX : e.expectedDischargeDate())
                        .thenComparing(WorkListEntry::stayId))
                .toList();
        int from = Math.min(page.page() * page.size(), entries.size());
        List<WorkListEntry> onPage = entries.subList(from, Math.min(from + page.size(), entries.size()));
        audit.record(caller, "read-work-list", onPage.stream().map(WorkListEntry::stayId).toList());
        return Page.of(onPage, page, entries.size(), Function.identity());
    }

    /** Appends an event the ward or the municipality reports, if the stay's history allows it. */
    @Transactional
    public StayView record(Caller caller, UUID stayId, OptionalLong expectedVersion, StayEvent event) {
        Stay stay = visibleStay(caller, stayId);
        checkVersion(stay, expectedVersion);
        checkNotInFuture(event.occurredAt(), event.type());
        rejectIfAny(implausibleDates(event));
        List<StayEventRow> rows = new ArrayList<>(StayEventRow.ofStay(stay.id));
        StayEventRow row = originalRow(stay.id, rows.size() + 1, event, caller);
        return append(caller, stay, rows, row, "record-" + event.type().code(), event);
    }

    @Transactional
    public StayView correct(Caller caller, UUID stayId, UUID eventId, OptionalLong expectedVersion, JsonNode corrected, String reason) {
        Stay stay = visibleStay(caller, stayId);
        checkVersion(stay, expectedVersion);
        List<StayEventRow> rows = new ArrayList<>(StayEventRow.ofStay(stay.id));
        Effective target = eventInForce(rows, eventId);
        mayChange(caller, target.event().type());
        StayEvent correctedEvent = parseCorrection(target.event(), corrected);
        checkNotInFuture(correctedEvent.occurredAt(), correctedEvent.type());
        rejectIfAny(implausibleDates(correctedEvent).stream()
                .map(error -> new Problem.FieldError("corrected." + error.field(), error.message())).toList());
        StayEventRow row = StayEventRow.next(stay.id, rows.size() + 1, "correction", clock.instant(), caller.principal());
        row.type = correctedEvent.type().code();
        row.occurredAt = correctedEvent.occurredAt();
        row.payload = codec.write(correctedEvent);
        row.replaces = eventId;
        row.reason = reason;
        return append(caller, stay, rows, row, "correct-" + correctedEvent.type().code(), correctedEvent);
    }

    @Transactional
    public StayView cancel(Caller caller, UUID stayId, UUID eventId, OptionalLong expectedVersion, String reason) {
        Stay stay = visibleStay(caller, stayId);
        checkVersion(stay, expectedVersion);
        List<StayEventRow> rows = new ArrayList<>(StayEventRow.ofStay(stay.id));
        Effective target = eventInForce(rows, eventId);
        mayChange(caller, target.event().type());
        StayEventRow row = StayEventRow.next(stay.id, rows.size() + 1, "cancellation", clock.instant(), caller.principal());
        row.type = target.event().type().code();
        row.cancels = eventId;
        row.reason = reason;
        return append(caller, stay, rows, row, "cancel-" + target.event().type().code(), target.event());
    }

    private StayView append(Caller caller, Stay stay, List<StayEventRow> rows, StayEventRow row, String action, StayEvent event) {
        rows.add(row);
        List<RecordedEvent> recorded = codec.recorded(rows);
        List<Effective> history = StayHistory.effective(recorded);
        StayTimeline.Outcome outcome = StayTimeline.replay(history);
        if (outcome.violation().isPresent()) {
            throw new ProblemException(ProblemType.IMPOSSIBLE_TRANSITION, outcome.violation().get().reason());
        }
        row.persist();
        stay.status = outcome.status().code();
        history.stream()
                .filter(e -> e.event() instanceof Admitted)
                .findFirst().ifPresent(e -> stay.admittedAt = e.event().occurredAt());
        stay.updatedAt = clock.instant();
        Stay.flush();
        notifyMunicipality(stay, row, event, history);
        audit.record(caller, action, stay.id);
        return view(stay, recorded, rows);
    }

    /**
     * Queues the message the municipality must hear about, in this transaction (outbox). A correction
     * or cancellation refers to the message of the event it replaces.
     */
    private void notifyMunicipality(Stay stay, StayEventRow row, StayEvent event, List<Effective> history) {
        Optional<MessageEvent> message = MessageEvent.forStayEvent(event.type());
        if (message.isEmpty()) {
            return;
        }
        UUID replaced = row.replaces != null ? row.replaces : row.cancels;
        String status = switch (row.kind) {
            case "correction" -> "corrected";
            case "cancellation" -> "cancelled";
            default -> "new";
        };
        PersonIdentifier.Kind kind = PersonIdentifier.parse(stay.patientIdentifier).orElseThrow().kind();
        StayMessageFacts facts = new StayMessageFacts(UUID.randomUUID(), message.get(), status,
                replaced == null ? null : outbox.messageFor(replaced).orElse(null), clock.instant(),
                stay.id, kind.fhirSystem(), stay.patientIdentifier, stay.hospital, stay.ward, stay.serviceArea,
                stay.payingMunicipality, stay.admittedAt, event, declarationBefore(history, event.occurredAt()));
        outbox.toMunicipality(facts, row.id);
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

    private Stay visibleStay(Caller caller, UUID stayId) {
        Stay stay = Stay.findById(stayId);
        if (stay == null || !visible(caller, stay)) {
            throw ProblemException.notFound("No stay with this id is visible to you. Check the id, or whether the patient "
                    + "belongs to your hospital or municipality.");
        }
        return stay;
    }

    /** A ward sees its hospital's stays, a municipal intake team the stays its municipality pays for. */
    static boolean visible(Caller caller, Stay stay) {
        if (caller.actsForAllTenants()) {
            return true;
        }
        if (caller.has(Roles.WARD) && stay.hospital.equals(caller.hospital())) {
            return true;
        }
        return caller.has(Roles.MUNICIPAL_INTAKE) && stay.payingMunicipality.equals(caller.municipality());
    }

    /** Hospital-side events are the ward's to correct, the municipality's answers the intake team's. */
    private static void mayChange(Caller caller, EventType type) {
        if (caller.actsForAllTenants()) {
            return;
        }
        boolean hospitalSide = HOSPITAL_EVENTS.contains(type);
        if (hospitalSide ? !caller.has(Roles.WARD) : !caller.has(Roles.MUNICIPAL_INTAKE)) {
            throw new ProblemException(ProblemType.FORBIDDEN, hospitalSide
                    ? "Only the hospital ward can correct or cancel the hospital's events."
                    : "Only the municipality can correct or cancel its answer.");
        }
    }

    private Effective eventInForce(List<StayEventRow> rows, UUID eventId) {
        return StayHistory.find(codec.recorded(rows), eventId)
                .orElseThrow(() -> ProblemException.notFound("The stay has no event in force with this id: it does not exist, "
                        + "or it was cancelled."));
    }

    private StayEvent parseCorrection(StayEvent original, JsonNode corrected) {
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
            throw ProblemException.invalid(List.of(new Problem.FieldError("corrected." + e.getPropertyName(),
                    "is not a field of a " + original.type().code() + " event")));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw ProblemException.invalid(List.of(new Problem.FieldError("corrected", "must have the fields of a " + original.type().code() + " event")));
        }
    }

    private <T> T required(JsonNode node, String field, Class<T> type, T fallback) throws JsonProcessingException {
        return node.hasNonNull(field) ? json.treeToValue(node.get(field), type) : fallback;
    }

    private <T> T validated(T command) {
        Set<ConstraintViolation<T>> violations = validator.validate(command);
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations.stream().map(v -> new Problem.FieldError("corrected." + v.getPropertyPath(), v.getMessage()))
                            .sorted(Comparator.comparing(Problem.FieldError::field)).toList());
        }
        return command;
    }

    private String hospitalFor(Caller caller, String requested, List<Problem.FieldError> errors) {
        if (caller.has(Roles.WARD) && !caller.actsForAllTenants()) {
            if (caller.hospital() == null) {
                throw new ProblemException(ProblemType.FORBIDDEN, "Your token does not name a hospital; ask for a ward token for your hospital.");
            }
            if (requested != null && !requested.equals(caller.hospital())) {
                throw new ProblemException(ProblemType.FORBIDDEN, "You can register patients at your own hospital only.");
            }
            if (HospitalTrust.findById(caller.hospital()) == null) {
                throw new ProblemException(ProblemType.FORBIDDEN, "Your token names hospital " + caller.hospital()
                        + ", which is not a hospital trust in Helse Nord; ask for a ward token that names your hospital trust's "
                        + "organisation number.");
            }
            return caller.hospital();
        }
        if (requested == null) {
            errors.add(new Problem.FieldError("hospital", "is required: the hospital trust's organisation number"));
        } else if (HospitalTrust.findById(requested) == null) {
            errors.add(new Problem.FieldError("hospital", "is not a hospital trust in Helse Nord"));
        }
        return requested;
    }

    private Instant timeOrNow(Instant requested, String field, List<Problem.FieldError> errors) {
        Instant now = clock.instant();
        if (requested == null) {
            return now;
        }
        if (requested.isAfter(now.plus(config.allowedClockSkew()))) {
            errors.add(new Problem.FieldError(field, "lies in the future"));
        }
        return requested;
    }

    private List<Problem.FieldError> implausibleDates(StayEvent event) {
        return config.datePlausibility().check(event, OsloTime.today(clock)).stream()
                .map(implausible -> new Problem.FieldError(implausible.field(), implausible.message())).toList();
    }

    private void checkNotInFuture(Instant occurredAt, EventType type) {
        if (occurredAt.isAfter(clock.instant().plus(config.allowedClockSkew()))) {
            throw ProblemException.invalid(List.of(new Problem.FieldError("time", "the " + type.code() + " event lies in the future")));
        }
    }

    private static void checkVersion(Stay stay, OptionalLong expected) {
        if (expected.isPresent() && expected.getAsLong() != stay.version) {
            throw new OptimisticLockException("stay version " + expected.getAsLong() + " expected, " + stay.version + " found");
        }
    }

    private static void rejectIfAny(List<Problem.FieldError> errors) {
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }

    private StayEventRow originalRow(UUID stayId, int sequence, StayEvent event, Caller caller) {
        StayEventRow row = StayEventRow.next(stayId, sequence, "original", clock.instant(), caller.principal());
        row.type = event.type().code();
        row.occurredAt = event.occurredAt();
        row.payload = codec.write(event);
        return row;
    }

    private static Map<UUID, List<StayEventRow>> rowsOf(List<Stay> stays) {
        if (stays.isEmpty()) {
            return Map.of();
        }
        List<StayEventRow> rows = StayEventRow.list("stayId in ?1 order by sequence", stays.stream().map(s -> s.id).toList());
        return rows.stream().collect(Collectors.groupingBy(row -> row.stayId));
    }

    private StayFigures figures(Stay stay, List<Effective> history) {
        return DayCounter.count(serviceArea(stay), history, config.dayCountingRules(), OsloTime.today(clock));
    }

    private static ServiceArea serviceArea(Stay stay) {
        return Coded.find(ServiceArea.class, stay.serviceArea)
                .orElseThrow(() -> new IllegalStateException("unknown service area on " + stay));
    }

    private StayView view(Stay stay, List<RecordedEvent> recorded, List<StayEventRow> rows) {
        List<Effective> history = StayHistory.effective(recorded);
        Set<UUID> inForceRows = StayHistory.recordsInForce(recorded);
        List<EventView> events = rows.stream().map(row -> new EventView(row.id, row.sequence, row.kind, EventType.fromCode(row.type),
                row.occurredAt, row.replaces, row.cancels, row.reason, inForceRows.contains(row.id),
                row.payload == null ? null : readTree(row.payload), row.recordedAt, row.recordedBy)).toList();
        return new StayView(stay.id, PatientView.of(stay), stay.hospital, stay.ward, serviceArea(stay),
                stay.residenceMunicipality, stay.payingMunicipality, stay.admittedAt, status(stay),
                FiguresView.of(figures(stay, history)), events, stay.version);
    }

    private JsonNode readTree(String payload) {
        try {
            return json.readTree(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private StaySummary summary(Stay stay, List<StayEventRow> rows) {
        StayFigures figures = figures(stay, StayHistory.effective(codec.recorded(rows)));
        Optional<PeriodFigures> current = currentPeriod(figures);
        return new StaySummary(stay.id, PatientView.of(stay), stay.hospital, stay.ward, serviceArea(stay), stay.payingMunicipality,
                stay.admittedAt, status(stay), current.map(PeriodFigures::declaredOn).orElse(null),
                current.map(PeriodFigures::dischargeReadyDays).orElse(0), figures.billableDays(), stay.version);
    }

    private WorkListEntry workListEntry(Stay stay, List<StayEventRow> rows, LocalDate today) {
        List<Effective> history = StayHistory.effective(codec.recorded(rows));
        StayFigures figures = DayCounter.count(serviceArea(stay), history, config.dayCountingRules(), today);
        Optional<PeriodFigures> current = currentPeriod(figures);
        AdmissionNoticeSent admissionNotice = last(history, AdmissionNoticeSent.class);
        DeclaredDischargeReady declaration = last(history, DeclaredDischargeReady.class);
        MunicipalityAnswered answer = last(history, MunicipalityAnswered.class);
        boolean inPeriod = current.isPresent();
        return new WorkListEntry(stay.id, PatientView.of(stay), stay.hospital, stay.ward, serviceArea(stay), status(stay),
                stay.admittedAt,
                admissionNotice == null ? null : admissionNotice.expectedDischargeDate(),
                admissionNotice == null ? null : admissionNotice.expectedNeeds(),
                inPeriod && declaration != null ? declaration.needs() : null,
                current.map(PeriodFigures::declaredOn).orElse(null),
                current.map(PeriodFigures::dischargeReadyDays).orElse(0),
                current.map(PeriodFigures::billableDays).orElse(0),
                inPeriod && answer != null ? answer.expectedReadyOn() : null,
                inPeriod && answer != null ? answer.offer() : null,
                stay.version);
    }

    private static Optional<PeriodFigures> currentPeriod(StayFigures figures) {
        return figures.periods().stream().filter(PeriodFigures::ongoing).findFirst();
    }

    private static <T extends StayEvent> T last(List<Effective> history, Class<T> type) {
        T last = null;
        for (Effective effective : history) {
            if (type.isInstance(effective.event())) {
                last = type.cast(effective.event());
            }
        }
        return last;
    }

    private static StayStatus status(Stay stay) {
        return Coded.find(StayStatus.class, stay.status).orElseThrow(() -> new IllegalStateException("unknown status on " + stay));
    }
}

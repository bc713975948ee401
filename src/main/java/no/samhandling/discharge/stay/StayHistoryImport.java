package no.samhandling.discharge.stay;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import no.samhandling.discharge.database.CopyIn;
import no.samhandling.discharge.security.Caller;
import no.samhandling.discharge.stay.StayCommands.RegisterStay;
import no.samhandling.discharge.stay.StayFiguresStored.StoredPeriod;
import no.samhandling.discharge.stay.StayHistory.Effective;
import no.samhandling.discharge.stay.StayViews.ImportRequest;
import no.samhandling.discharge.stay.StayViews.ImportResult;
import no.samhandling.discharge.stay.StayViews.ImportStep;
import no.samhandling.discharge.stay.StayViews.ImportedStay;
import no.samhandling.discharge.time.OsloTime;
import org.hibernate.Session;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Many stays of the past at once (import av tidligere opphold), fast: each stay and step passes the checks of the
 * REST calls ({@link ImportSteps}, {@link StayRegistration#newStay}, {@link StayEventRules}, the correction rules of
 * {@link StayEvents}) and its figures are counted as {@link StayFigureStore} counts them, by the current rules; then
 * the whole call is written with COPY in its one transaction. Only history: every time lies in the past. No message
 * is queued (the exchanges happened at the time); one audit row per stay ({@code import-history}).
 */
@ApplicationScoped
public class StayHistoryImport {

    public static final int MAX_STAYS = 5000;
    public static final int TRANSACTION_TIMEOUT_SECONDS = 600;
    static final String AUDIT_ACTION = "import-history";

    private final StayRegistration registration;
    private final StayEvents events;
    private final ImportSteps steps;
    private final StayFigureStore figures;
    private final StayConfig config;
    private final Clock clock;
    private final EntityManager entityManager;
    private final Event<StayFiguresStoredInBulk> stored;
    private final PatientNumbers patients;

    StayHistoryImport(StayRegistration registration, StayEvents events, ImportSteps steps, StayFigureStore figures, StayConfig config,
                      Clock clock, EntityManager entityManager, Event<StayFiguresStoredInBulk> stored, PatientNumbers patients) {
        this.patients = patients;
        this.registration = registration;
        this.events = events;
        this.steps = steps;
        this.figures = figures;
        this.config = config;
        this.clock = clock;
        this.entityManager = entityManager;
        this.stored = stored;
    }

    /** One stay as it will be stored: its row, its event rows and its figures. */
    private record Loaded(Stay stay, List<StayEventRow> rows, StayFiguresStored figures) {
    }

    @Transactional
    public ImportResult load(Caller caller, ImportRequest request) {
        if (request == null || request.stays() == null || request.stays().isEmpty() || request.stays().size() > MAX_STAYS) {
            throw StayException.invalid("stays", "must list 1 to " + MAX_STAYS + " stays");
        }
        Instant now = clock.instant();
        StayEventRules rules = StayEventRules.of(config);
        List<Loaded> counted = new ArrayList<>(request.stays().size());
        for (int i = 0; i < request.stays().size(); i++) {
            counted.add(stay(caller, request.stays().get(i), "stays[" + i + "]", rules, now));
        }
        List<Loaded> loaded = numbered(counted);
        entityManager.unwrap(Session.class).doWork(connection -> write(connection, caller, loaded, now));
        stored.fire(new StayFiguresStoredInBulk(loaded.stream().map(Loaded::figures).toList()));
        long recorded = loaded.stream().mapToLong(stay -> stay.rows().size() - 1).sum();
        return new ImportResult(loaded.size(), recorded, loaded.stream().map(stay -> stay.stay().id).toList());
    }

    private Loaded stay(Caller caller, ImportedStay imported, String where, StayEventRules rules, Instant now) {
        Stay stay = newStay(caller, imported, where, rules, now);
        List<StayEventRow> rows = new ArrayList<>();
        List<RecordedEvent> recorded = new ArrayList<>();
        StayEvent.Admitted admitted = new StayEvent.Admitted(stay.admittedAt);
        StayEventRules.Accepted accepted = append(rows, recorded, events.originalRow(stay.id, 1, admitted, caller), admitted);
        List<ImportStep> stepsOfStay = ImportSteps.steps(imported);
        for (int j = 0; j < stepsOfStay.size(); j++) {
            String step = where + ".steps[" + j + "]";
            try {
                accepted = switch (steps.read(stepsOfStay.get(j), step, now)) {
                    case ImportSteps.Recorded original -> {
                        rules.checkHistoric(original.event(), "", now);
                        yield append(rows, recorded, events.originalRow(stay.id, rows.size() + 1, original.event(), caller), original.event());
                    }
                    case ImportSteps.Corrected correction -> {
                        UUID latest = rows.getLast().id;
                        StayEvent inForce = StayHistory.find(recorded, latest).orElseThrow(() -> StayException.notFound(
                                "The step before is not an event in force: it cannot be corrected.")).event();
                        StayEvent corrected = events.parseCorrection(inForce, correction.corrected());
                        StayEvents.checkCorrection(caller, inForce, corrected);
                        rules.checkHistoric(corrected, "corrected.", now);
                        yield append(rows, recorded, events.correctionRow(stay.id, rows.size() + 1, latest, corrected, correction.reason(), caller),
                                corrected);
                    }
                };
            } catch (StayException refused) {
                throw ImportSteps.located(refused, step);
            }
        }
        stay.status = accepted.status().code();
        accepted.history().stream().filter(e -> e.event() instanceof StayEvent.Admitted).findFirst()
                .ifPresent(e -> stay.admittedAt = e.event().occurredAt());
        stay.figuresRulesVersion = figures.currentRulesVersion();
        StayFiguresStored counted = figures.figuresOf(stay, accepted.history(), DayCountingRules.ofVersion(stay.figuresRulesVersion),
                OsloTime.today(clock));
        return new Loaded(stay, rows, counted);
    }

    /**
     * The stays with their patients' numbers, given only now that every stay is checked: a new patient's number is given
     * under the lock of {@link PatientNumbers}, held until this call commits, so the lock is held for the writing only.
     */
    private List<Loaded> numbered(List<Loaded> counted) {
        Map<PatientNumbers.Patient, Long> numbers = patients.numbersOf(counted.stream()
                .map(one -> new PatientNumbers.Patient(one.stay().patientIdentifierKind, one.stay().patientIdentifier))
                .collect(Collectors.toSet()));
        return counted.stream().map(one -> {
            one.stay().patientNumber = numbers.get(new PatientNumbers.Patient(one.stay().patientIdentifierKind, one.stay().patientIdentifier));
            return new Loaded(one.stay(), one.rows(), one.figures().withPatientNumber(one.stay().patientNumber));
        }).toList();
    }

    private Stay newStay(Caller caller, ImportedStay imported, String where, StayEventRules rules, Instant now) {
        RegisterStay command = steps.registration(imported, where);
        try {
            if (command.admittedAt() == null) {
                throw StayException.invalid("admittedAt", "is required: history holds when each thing happened");
            }
            Stay stay = registration.newStay(caller, command, UUID.randomUUID());
            rules.checkHistoric(new StayEvent.Admitted(stay.admittedAt), "", now);
            return stay;
        } catch (StayException refused) {
            throw ImportSteps.located(refused, where + ".registration");
        }
    }

    private static StayEventRules.Accepted append(List<StayEventRow> rows, List<RecordedEvent> recorded, StayEventRow row, StayEvent event) {
        rows.add(row);
        recorded.add(row.replaces == null ? RecordedEvent.original(row.id, row.sequence, event)
                : RecordedEvent.correction(row.id, row.sequence, row.replaces, event, row.reason));
        return StayEventRules.accepted(recorded);
    }

    private static void write(Connection connection, Caller caller, List<Loaded> loaded, Instant now) throws SQLException {
        CopyIn stays = new CopyIn("stay", List.of("id", "patient_identifier_kind", "patient_identifier", "hospital", "ward", "service_area",
                "residence_municipality", "paying_municipality", "status", "admitted_at", "created_at", "created_by", "updated_at",
                "expected_discharge_date", "expected_needs", "figures_rules_version", "version", "patient_number"));
        CopyIn eventRows = new CopyIn("stay_event", List.of("id", "stay_id", "sequence", "kind", "type", "occurred_at", "payload", "replaces",
                "cancels", "reason", "recorded_at", "recorded_by", "message_id", "source_message_id"));
        CopyIn periods = new CopyIn("stay_period", List.of("id", "stay_id", "number", "declared_on", "ended_on", "notice_on",
                "municipality_ready_on", "not_billable_because", "needs", "can_receive", "ready_from", "expected_ready_on", "offer",
                "rules_version", "event_id", "computed_at"));
        CopyIn days = new CopyIn("stay_day", List.of("stay_id", "day", "period_number", "year", "month", "billable", "not_billable_reason",
                "service_area", "paying_municipality", "residence_municipality", "hospital", "rules_version", "event_id"));
        CopyIn audit = new CopyIn("audit_log", List.of("at", "principal", "role", "tenant", "action", "stay_id"));
        for (Loaded one : loaded) {
            Stay s = one.stay();
            stays.row(s.id, s.patientIdentifierKind, s.patientIdentifier, s.hospital, s.ward, s.serviceArea, s.residenceMunicipality,
                    s.payingMunicipality, s.status, s.admittedAt, s.createdAt, s.createdBy, now, s.expectedDischargeDate, s.expectedNeeds,
                    s.figuresRulesVersion, 0, s.patientNumber);
            for (StayEventRow e : one.rows()) {
                eventRows.row(e.id, e.stayId, e.sequence, e.kind, e.type, e.occurredAt, e.payload, e.replaces, e.cancels, e.reason,
                        e.recordedAt, e.recordedBy, e.messageId, e.sourceMessageId);
            }
            UUID lastEvent = one.rows().getLast().id;
            for (StoredPeriod period : one.figures().periods()) {
                StayPeriodRow p = StayPeriodRow.of(s.id, period.facts(), s.figuresRulesVersion, lastEvent, now);
                periods.row(p.id, p.stayId, p.number, p.declaredOn, p.endedOn, p.noticeOn, p.municipalityReadyOn, p.notBillableBecause,
                        p.needs, p.canReceive, p.readyFrom, p.expectedReadyOn, p.offer, p.rulesVersion, p.eventId, p.computedAt);
                for (DayFact day : period.days()) {
                    days.row(s.id, day.date(), p.number, day.date().getYear(), day.date().getMonthValue(), day.billable(),
                            day.notBillableReason(), s.serviceArea, s.payingMunicipality, s.residenceMunicipality, s.hospital,
                            s.figuresRulesVersion, lastEvent);
                }
            }
            audit.row(now, caller.principal(), caller.primaryRole(), caller.tenant(), AUDIT_ACTION, s.id);
        }
        for (CopyIn table : List.of(stays, eventRows, periods, days, audit)) {
            table.into(connection);
        }
    }
}

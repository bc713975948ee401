package no.samhandling.discharge.stay;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import no.samhandling.discharge.codes.Coded;
import no.samhandling.discharge.security.AuditLog;
import no.samhandling.discharge.security.Caller;
import no.samhandling.discharge.stay.StayEvent.AdmissionNoticeSent;
import no.samhandling.discharge.stay.StayEvent.Discharged;
import no.samhandling.discharge.stay.StayFiguresStored.StoredPeriod;
import no.samhandling.discharge.stay.StayHistory.Effective;
import no.samhandling.discharge.time.OsloTime;
import org.hibernate.Session;
import org.jboss.logging.Logger;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Writes a stay's stored figures ({@code stay_period}, {@code stay_day}) in the transaction of the event
 * that changed them, from the corrected history, and reads them back for the views and the work list.
 *
 * <p>A stay's figures are counted by the rules version they were first stored with: a later change of the
 * counting rules' configuration ({@code discharge.stay.admission-notice-deadline}, ...) applies to new
 * stays, and to a stay of earlier rules only when an administrator recomputes (audited), never silently.
 *
 * <p>An open period's days are stored up to the day before the computation; its stored facts give the
 * days since, up to any date ({@link DayCounter#days}).
 */
@ApplicationScoped
public class StayFigureStore {

    private static final Logger LOG = Logger.getLogger(StayFigureStore.class);

    private final StayConfig config;
    private final StayEventCodec codec;
    private final EntityManager entityManager;
    private final AuditLog audit;
    private final Clock clock;
    private final Event<StayFiguresStored> stored;

    StayFigureStore(StayConfig config, StayEventCodec codec, EntityManager entityManager, AuditLog audit, Clock clock,
                    Event<StayFiguresStored> stored) {
        this.config = config;
        this.stored = stored;
        this.codec = codec;
        this.entityManager = entityManager;
        this.audit = audit;
        this.clock = clock;
    }

    /** The counting rules of the configuration now: those of new stays and of recomputed ones. */
    public String currentRulesVersion() {
        return config.dayCountingRules().version();
    }

    /**
     * Replaces the stay's stored periods and days with those of its corrected history, counted by the
     * stay's own rules version (the current one for a stay without figures), and sets what the work list
     * reads from the stay row. Called in the event's transaction.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void store(Stay stay, List<Effective> history, UUID eventId) {
        if (stay.figuresRulesVersion == null) {
            stay.figuresRulesVersion = currentRulesVersion();
        }
        write(stay, history, eventId, DayCountingRules.ofVersion(stay.figuresRulesVersion));
    }

    private void write(Stay stay, List<Effective> history, UUID eventId, DayCountingRules rules) {
        StayFiguresStored figures = figuresOf(stay, history, rules, OsloTime.today(clock));
        List<StoredPeriod> storedPeriods = figures.periods();
        entityManager.createNativeQuery("DELETE FROM stay_day WHERE stay_id = ?1").setParameter(1, stay.id).executeUpdate();
        entityManager.createNativeQuery("DELETE FROM stay_period WHERE stay_id = ?1").setParameter(1, stay.id).executeUpdate();
        Instant now = clock.instant();
        String version = rules.version();
        storedPeriods.forEach(period -> StayPeriodRow.of(stay.id, period.facts(), version, eventId, now).persist());
        entityManager.flush();
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO stay_day (stay_id, day, period_number, year, month, "
                    + "billable, not_billable_reason, service_area, paying_municipality, residence_municipality, hospital, rules_version, "
                    + "event_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (StoredPeriod period : storedPeriods) {
                    PeriodFacts facts = period.facts();
                    for (DayFact day : period.days()) {
                        insert.setObject(1, stay.id);
                        insert.setDate(2, Date.valueOf(day.date()));
                        insert.setInt(3, facts.number());
                        insert.setInt(4, day.date().getYear());
                        insert.setInt(5, day.date().getMonthValue());
                        insert.setBoolean(6, day.billable());
                        insert.setString(7, day.notBillableReason());
                        insert.setString(8, stay.serviceArea);
                        insert.setString(9, stay.payingMunicipality);
                        insert.setString(10, stay.residenceMunicipality);
                        insert.setString(11, stay.hospital);
                        insert.setString(12, version);
                        insert.setObject(13, eventId);
                        insert.addBatch();
                    }
                }
                insert.executeBatch();
            }
        });
        stored.fire(figures);
    }

    /**
     * The stay's figures from its corrected history by these rules, each period with its days up to the day
     * before {@code today}, and what the work list reads from the stay row (set on {@code stay}). Stores nothing:
     * what {@link #store} writes, and what the import of history copies in.
     */
    StayFiguresStored figuresOf(Stay stay, List<Effective> history, DayCountingRules rules, LocalDate today) {
        AdmissionNoticeSent admissionNotice = null;
        DischargeDestination destination = null;
        for (Effective effective : history) {
            if (effective.event() instanceof AdmissionNoticeSent notice) {
                admissionNotice = notice;
            } else if (effective.event() instanceof Discharged discharged) {
                destination = discharged.destination();
            }
        }
        stay.expectedDischargeDate = admissionNotice == null ? null : admissionNotice.expectedDischargeDate();
        stay.expectedNeeds = admissionNotice == null ? null : admissionNotice.expectedNeeds();
        List<StoredPeriod> periods = DayCounter.facts(serviceArea(stay), history, rules).stream()
                .map(facts -> new StoredPeriod(facts, DayCounter.days(facts, today))).toList();
        LocalDate birthDate = new PersonIdentifier(PersonIdentifier.Kind.valueOf(kindName(stay.patientIdentifierKind)), stay.patientIdentifier)
                .birthDate().orElse(null);
        return new StayFiguresStored(stay.id, stay.payingMunicipality, stay.residenceMunicipality, serviceArea(stay), stay.hospital,
                destination, birthDate, periods, stay.patientNumber);
    }

    private static String kindName(String code) {
        return code.toUpperCase(java.util.Locale.ROOT).replace('-', '_');
    }

    /** The stored periods of these stays, by stay, in order. */
    public Map<UUID, List<PeriodFacts>> periodsOf(List<UUID> stayIds) {
        if (stayIds.isEmpty()) {
            return Map.of();
        }
        return StayPeriodRow.<StayPeriodRow>list("stayId in ?1 order by number", stayIds).stream()
                .collect(Collectors.groupingBy(row -> row.stayId, Collectors.mapping(StayPeriodRow::facts, Collectors.toList())));
    }

    public List<PeriodFacts> periodsOf(UUID stayId) {
        return periodsOf(List.of(stayId)).getOrDefault(stayId, List.of());
    }

    /** A discharge-ready day of an open period that {@code stay_day} does not hold yet. */
    public record UnstoredDay(UUID stayId, LocalDate date, boolean billable) {
    }

    /**
     * The days from {@code from} to {@code to} (inclusive) of the periods still open that are not stored yet:
     * those from the date of the period's last computation up to today (exclusive), counted from its stored
     * facts as the views count them ({@link DayCounter#days}). A sum over {@code stay_day} plus these is the
     * figure up to today. Reads only the open periods (one per waiting patient), never the events.
     */
    public List<UnstoredDay> unstoredDaysOfOpenPeriods(LocalDate from, LocalDate to) {
        LocalDate today = OsloTime.today(clock);
        List<UnstoredDay> days = new ArrayList<>();
        for (StayPeriodRow row : StayPeriodRow.<StayPeriodRow>list("endedOn is null")) {
            LocalDate storedUntil = LocalDate.ofInstant(row.computedAt, OsloTime.ZONE);
            for (DayFact day : DayCounter.days(row.facts(), today)) {
                if (!day.date().isBefore(storedUntil) && !day.date().isBefore(from) && !day.date().isAfter(to)) {
                    days.add(new UnstoredDay(row.stayId, day.date(), day.billable()));
                }
            }
        }
        return days;
    }

    /** The outcome of a recomputation: which rules the figures are now counted by, and how many stays changed rules. */
    public record Recomputation(String rulesVersion, int staysRecomputed) {
    }

    /**
     * The administrator's explicit recomputation: every stay whose figures were counted by other rules than
     * the configuration's now is counted again by them, each audited ({@code recompute-figures}).
     */
    @Transactional
    public Recomputation recompute(Caller caller) {
        String current = currentRulesVersion();
        List<Stay> stays = Stay.list("figuresRulesVersion is null or figuresRulesVersion <> ?1", current);
        for (Stay stay : stays) {
            entityManager.lock(stay, LockModeType.PESSIMISTIC_WRITE);
            stay.figuresRulesVersion = current;
            refresh(stay);
            audit.record(caller, "recompute-figures", stay.id);
        }
        LOG.infof("Figures of %d stays recomputed by counting rules %s", stays.size(), current);
        return new Recomputation(current, stays.size());
    }

    /** Stores the figures of stays that have none yet (stays from before stored figures existed). */
    @Transactional
    void storeMissing(@Observes StartupEvent startup) {
        List<Stay> stays = Stay.list("figuresRulesVersion is null");
        for (Stay stay : stays) {
            entityManager.lock(stay, LockModeType.PESSIMISTIC_WRITE);
            if (stay.figuresRulesVersion == null) {
                stay.figuresRulesVersion = currentRulesVersion();
                refresh(stay);
            }
        }
        if (!stays.isEmpty()) {
            LOG.infof("Stored the figures of %d stays that had none", stays.size());
        }
    }

    private void refresh(Stay stay) {
        List<StayEventRow> rows = StayEventRow.ofStay(stay.id);
        write(stay, StayHistory.effective(codec.recorded(rows)), rows.getLast().id, DayCountingRules.ofVersion(stay.figuresRulesVersion));
    }

    static ServiceArea serviceArea(Stay stay) {
        return Coded.find(ServiceArea.class, stay.serviceArea)
                .orElseThrow(() -> new IllegalStateException("unknown service area on " + stay));
    }
}

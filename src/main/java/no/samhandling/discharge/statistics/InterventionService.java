package no.samhandling.discharge.statistics;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.Transactional;
import no.samhandling.discharge.reference.HealthPartnership;
import no.samhandling.discharge.reference.Municipality;
import no.samhandling.discharge.security.AuditLog;
import no.samhandling.discharge.security.Caller;
import no.samhandling.discharge.statistics.BeforeAndAfter.Periods;
import no.samhandling.discharge.statistics.BeforeAndAfter.Side;
import no.samhandling.discharge.statistics.InterventionViews.EffectPeriod;
import no.samhandling.discharge.statistics.InterventionViews.FigureChange;
import no.samhandling.discharge.statistics.InterventionViews.InterventionEffect;
import no.samhandling.discharge.statistics.InterventionViews.InterventionView;
import no.samhandling.discharge.statistics.InterventionViews.RecordIntervention;
import no.samhandling.discharge.statistics.StatisticsViews.DischargeReadyDayStatistics;
import no.samhandling.discharge.statistics.StatisticsViews.GroupFigures;
import no.samhandling.discharge.statistics.StatisticsViews.PeriodFigures;
import no.samhandling.discharge.stay.ServiceArea;
import no.samhandling.discharge.time.OsloTime;
import no.samhandling.discharge.web.PageRequest;
import no.samhandling.discharge.web.Problem;
import no.samhandling.discharge.web.ProblemException;
import no.samhandling.discharge.web.ProblemType;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.function.Function;

/** Measures (tiltak) of municipalities and partnerships, and their figures before and after. */
@ApplicationScoped
public class InterventionService {

    /** The payment scheme began in 2012: no figures, and so no measure to compare, before. */
    static final LocalDate EARLIEST_START = LocalDate.of(2012, 1, 1);
    static final int LONGEST_MONTHS = 120;

    private final StatisticsAnswers statistics;
    private final AuditLog audit;
    private final Clock clock;

    InterventionService(StatisticsAnswers statistics, AuditLog audit, Clock clock) {
        this.statistics = statistics;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public InterventionView create(Caller caller, RecordIntervention command) {
        Intervention intervention = new Intervention();
        intervention.id = UUID.randomUUID();
        intervention.createdAt = clock.instant();
        intervention.createdBy = caller.principal();
        apply(caller, intervention, command);
        intervention.persistAndFlush();
        audit.record(caller, "create-intervention", (UUID) null);
        return view(intervention);
    }

    @Transactional
    public InterventionView update(Caller caller, UUID id, OptionalLong expectedVersion, RecordIntervention command) {
        Intervention intervention = current(id);
        requireVersion(intervention, expectedVersion);
        apply(caller, intervention, command);
        Intervention.getEntityManager().flush();
        audit.record(caller, "change-intervention", (UUID) null);
        return view(intervention);
    }

    /** Deleting a deleted measure again changes nothing; an unknown id is 404. */
    @Transactional
    public void delete(Caller caller, UUID id, OptionalLong expectedVersion) {
        Intervention intervention = Intervention.findById(id);
        if (intervention == null) {
            throw notFound(id);
        }
        if (intervention.deletedAt != null) {
            return;
        }
        requireVersion(intervention, expectedVersion);
        intervention.deletedAt = clock.instant();
        intervention.deletedBy = caller.principal();
        audit.record(caller, "delete-intervention", (UUID) null);
    }

    @Transactional
    public InterventionView read(UUID id) {
        return view(current(id));
    }

    /**
     * A municipality's measures and its partnership's (those that cover it); a partnership's and its municipalities'.
     * Latest start first.
     */
    @Transactional
    public no.samhandling.discharge.web.Page<InterventionView> list(String municipality, String healthPartnership, PageRequest page) {
        List<Problem.FieldError> errors = new ArrayList<>();
        Municipality place = municipality == null ? null : Municipality.findByCurrentOrFormerNumber(municipality.strip()).orElse(null);
        if (municipality != null && place == null) {
            errors.add(new Problem.FieldError("municipality", "no municipality in Nordland, Troms or Finnmark has the number " + municipality));
        }
        if (healthPartnership != null && HealthPartnership.findById(healthPartnership.strip()) == null) {
            errors.add(new Problem.FieldError("healthPartnership", "unknown health partnership (see GET /health-partnerships)"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        StringBuilder query = new StringBuilder("deletedAt is null");
        Parameters parameters = new Parameters();
        if (place != null) {
            query.append(" and (municipality = :municipality or healthPartnership = :itsPartnership)");
            parameters.and("municipality", place.number).and("itsPartnership", place.healthPartnership.id);
        }
        if (healthPartnership != null) {
            query.append(" and (healthPartnership = :partnership or municipality in "
                    + "(select m.number from Municipality m where m.healthPartnership.id = :partnership))");
            parameters.and("partnership", healthPartnership.strip());
        }
        var found = Intervention.<Intervention>find(query + " order by startsOn desc, title, id", parameters);
        List<Intervention> items = found.page(Page.of(page.page(), page.size())).list();
        return no.samhandling.discharge.web.Page.of(items, page, found.count(), InterventionService::view);
    }

    /** The figures of the measure's municipality or partnership before and after its start, as the caller may see them. */
    @Transactional
    public InterventionEffect effect(UUID id, int months, Basis basis, ServiceArea serviceArea, boolean board) {
        Intervention intervention = current(id);
        if (months < 1 || months > LONGEST_MONTHS) {
            throw ProblemException.invalid(List.of(new Problem.FieldError("months", "must be 1 to " + LONGEST_MONTHS)));
        }
        Periods periods = BeforeAndAfter.periods(intervention.startsOn, months, OsloTime.today(clock)).orElseThrow(() ->
                new ProblemException(ProblemType.CONFLICT, "The measure starts on " + intervention.startsOn
                        + ", after today: there are no figures after it to compare yet."));
        boolean ofMunicipality = intervention.municipality != null;
        String partnership = ofMunicipality ? Municipality.<Municipality>findById(intervention.municipality).healthPartnership.id
                : intervention.healthPartnership;
        String key = ofMunicipality ? intervention.municipality : intervention.healthPartnership;
        DischargeReadyDayStatistics answer = statistics.answer(ofMunicipality ? GroupBy.MUNICIPALITY : GroupBy.HEALTH_PARTNERSHIP, basis,
                periods.afterFrom(), periods.afterTo(), partnership, serviceArea, board);
        GroupFigures group = answer.groups().stream().filter(g -> g.key().equals(key)).findFirst().orElseThrow();
        EffectPeriod before = period(answer.previousFrom(), answer.previousTo(), false, group.previous());
        EffectPeriod after = period(periods.afterFrom(), periods.afterTo(), periods.partial(), group.current());
        List<FigureChange> changes = changes(before, after);
        String summary = changes.get(0).sentence() + (periods.partial()
                ? ". Perioden etter er ikke over: den slutter i dag (" + periods.afterTo() + "), og perioden før er like lang ("
                + periods.days() + " dager)."
                : ".");
        return new InterventionEffect(view(intervention), group.key(), group.name(), basis, serviceArea, months, before, after, changes,
                summary, answer.denominator(), answer.suppressionRule(), answer.suppressionApplied());
    }

    private static EffectPeriod period(LocalDate from, LocalDate to, boolean partial, PeriodFigures figures) {
        return new EffectPeriod(from, to, java.time.temporal.ChronoUnit.DAYS.between(from, to) + 1, partial,
                BeforeAndAfter.meanPerStay(figures.dischargeReadyDays(), figures.stays()), figures);
    }

    private static List<FigureChange> changes(EffectPeriod before, EffectPeriod after) {
        List<FigureChange> changes = new ArrayList<>();
        changes.add(decimal("dischargeReadyDaysPer1000", "Utskrivningsklare døgn per 1000 innbyggere", before, after,
                PeriodFigures::dischargeReadyDaysPer1000));
        changes.add(decimal("billableDaysPer1000", "Betalingsdøgn per 1000 innbyggere", before, after, PeriodFigures::billableDaysPer1000));
        changes.add(count("dischargeReadyDays", "Utskrivningsklare døgn", before, after, PeriodFigures::dischargeReadyDays));
        changes.add(count("billableDays", "Betalingsdøgn", before, after, PeriodFigures::billableDays));
        changes.add(count("patients", "Pasienter", before, after, PeriodFigures::patients));
        changes.add(count("stays", "Opphold", before, after, PeriodFigures::stays));
        changes.add(change("meanDaysPerStay", "Utskrivningsklare døgn per opphold", 1,
                Side.of(before.meanDaysPerStay(), before.figures().suppressed()), Side.of(after.meanDaysPerStay(), after.figures().suppressed())));
        return changes;
    }

    private static FigureChange decimal(String figure, String label, EffectPeriod before, EffectPeriod after,
                                        Function<PeriodFigures, BigDecimal> value) {
        return change(figure, label, 1, Side.of(value.apply(before.figures()), before.figures().suppressed()),
                Side.of(value.apply(after.figures()), after.figures().suppressed()));
    }

    private static FigureChange count(String figure, String label, EffectPeriod before, EffectPeriod after, Function<PeriodFigures, Long> value) {
        return change(figure, label, 0, Side.of(value.apply(before.figures()), before.figures().suppressed()),
                Side.of(value.apply(after.figures()), after.figures().suppressed()));
    }

    private static FigureChange change(String figure, String label, int decimals, Side before, Side after) {
        BeforeAndAfter.Comparison comparison = BeforeAndAfter.compare(label, before, after, decimals);
        return new FigureChange(figure, comparison.before(), comparison.after(), comparison.change(), comparison.relativeChangePercent(),
                comparison.sentence());
    }

    /** Checks the command and applies it; the same measure (target, title, start) twice is a conflict. */
    private void apply(Caller caller, Intervention intervention, RecordIntervention command) {
        List<Problem.FieldError> errors = new ArrayList<>();
        String municipality = null;
        String partnership = null;
        boolean hasMunicipality = command.municipality() != null;
        boolean hasPartnership = command.healthPartnership() != null && !command.healthPartnership().isBlank();
        if (hasMunicipality == hasPartnership) {
            errors.add(new Problem.FieldError(hasMunicipality ? "healthPartnership" : "municipality",
                    "name either the municipality or the health partnership whose measure it is, not both"));
        } else if (hasMunicipality) {
            municipality = Municipality.findByCurrentOrFormerNumber(command.municipality()).map(m -> m.number).orElse(null);
            if (municipality == null) {
                errors.add(new Problem.FieldError("municipality", "no municipality in Nordland, Troms or Finnmark has the number "
                        + command.municipality()));
            }
        } else {
            partnership = command.healthPartnership().strip();
            if (HealthPartnership.findById(partnership) == null) {
                errors.add(new Problem.FieldError("healthPartnership", "unknown health partnership (see GET /health-partnerships)"));
            }
        }
        LocalDate latest = OsloTime.today(clock).plusYears(1);
        if (command.startsOn().isBefore(EARLIEST_START)) {
            errors.add(new Problem.FieldError("startsOn", "must not be before " + EARLIEST_START + ", when the payment scheme began"));
        } else if (command.startsOn().isAfter(latest)) {
            errors.add(new Problem.FieldError("startsOn", "must not be more than a year ahead (at the latest " + latest + ")"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        String title = command.title().strip();
        long same = Intervention.count("deletedAt is null and id <> ?1 and title = ?2 and startsOn = ?3 and "
                        + (municipality != null ? "municipality = ?4" : "healthPartnership = ?4"), intervention.id, title, command.startsOn(),
                municipality != null ? municipality : partnership);
        if (same > 0) {
            throw new ProblemException(ProblemType.CONFLICT, "This measure is already recorded (same " + (municipality != null
                    ? "municipality" : "partnership") + ", title and start). GET /interventions lists it.");
        }
        intervention.municipality = municipality;
        intervention.healthPartnership = partnership;
        intervention.title = title;
        intervention.description = command.description() == null || command.description().isBlank() ? null : command.description().strip();
        intervention.startsOn = command.startsOn();
        intervention.updatedAt = clock.instant();
        intervention.updatedBy = caller.principal();
    }

    private static void requireVersion(Intervention intervention, OptionalLong expected) {
        if (expected.isPresent() && expected.getAsLong() != intervention.version) {
            throw new OptimisticLockException("version " + expected.getAsLong() + " expected, " + intervention.version + " found");
        }
    }

    private static Intervention current(UUID id) {
        Intervention intervention = Intervention.findById(id);
        if (intervention == null || intervention.deletedAt != null) {
            throw notFound(id);
        }
        return intervention;
    }

    private static ProblemException notFound(UUID id) {
        return ProblemException.notFound("No measure has the id " + id + ". GET /interventions lists them.");
    }

    static InterventionView view(Intervention intervention) {
        String municipalityName = intervention.municipality == null ? null
                : Municipality.<Municipality>findById(intervention.municipality).name;
        String partnershipName = intervention.healthPartnership == null ? null
                : HealthPartnership.<HealthPartnership>findById(intervention.healthPartnership).name;
        return new InterventionView(intervention.id, intervention.municipality, municipalityName, intervention.healthPartnership,
                partnershipName, intervention.title, intervention.description, intervention.startsOn, intervention.createdAt,
                intervention.createdBy, intervention.updatedAt, intervention.updatedBy, intervention.version);
    }
}

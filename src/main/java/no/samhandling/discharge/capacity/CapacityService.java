package no.samhandling.discharge.capacity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import no.samhandling.discharge.capacity.CapacityCommands.LevelFigures;
import no.samhandling.discharge.capacity.CapacityCommands.PublishCapacity;
import no.samhandling.discharge.capacity.CapacityViews.CapacityView;
import no.samhandling.discharge.capacity.CapacityViews.FigureView;
import no.samhandling.discharge.codes.Coded;
import no.samhandling.discharge.reference.Municipality;
import no.samhandling.discharge.security.Caller;
import no.samhandling.discharge.security.Roles;
import no.samhandling.discharge.time.OsloTime;
import no.samhandling.discharge.web.Page;
import no.samhandling.discharge.web.PageRequest;
import no.samhandling.discharge.web.Problem;
import no.samhandling.discharge.web.ProblemException;
import no.samhandling.discharge.web.ProblemType;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Publishing and reading municipal receiving capacity. Publications are append-only; what is shown is,
 * per care level and day, the figure published last, with who published it, when, and whether it is stale.
 */
@ApplicationScoped
public class CapacityService {

    /** GET without a range shows two weeks from today. */
    static final int DEFAULT_DAYS_SHOWN = 14;
    /** The longest range one GET shows. */
    static final int LONGEST_RANGE_SHOWN = 92;

    private final CapacityConfig config;
    private final CapacityReports reports;
    private final Clock clock;

    CapacityService(CapacityConfig config, CapacityReports reports, Clock clock) {
        this.config = config;
        this.reports = reports;
        this.clock = clock;
    }

    /** A publication as the service stores it, from REST or from a capacity-update message. */
    record Publication(String municipality, LocalDate from, LocalDate through, Map<CareLevel, CapacityFigures> figures,
                       Instant publishedAt, String publishedBy, String publishedVia, String sourceMessageId) {

        /** The same publication for the municipality's current number (a former number resolved). */
        Publication in(String municipalityNumber) {
            return new Publication(municipalityNumber, from, through, figures, publishedAt, publishedBy, publishedVia, sourceMessageId);
        }
    }

    int longestPublicationDays() {
        return config.longestPublicationDays();
    }

    @Transactional
    public CapacityView publish(Caller caller, String number, PublishCapacity command) {
        Municipality municipality = municipality(number);
        requireOwnMunicipality(caller, municipality);
        LocalDate through = command.through() == null ? command.from() : command.through();
        List<Problem.FieldError> errors = new ArrayList<>(rangeProblems(command.from(), through, config.longestPublicationDays()));
        Map<CareLevel, CapacityFigures> figures = new LinkedHashMap<>();
        for (int i = 0; i < command.careLevels().size(); i++) {
            LevelFigures level = command.careLevels().get(i);
            String field = "careLevels[" + i + "]";
            if (figures.put(level.careLevel(), level.figures()) != null) {
                errors.add(new Problem.FieldError(field + ".careLevel", level.careLevel().code() + " is listed more than once"));
            }
            level.figures().problems().forEach(problem -> errors.add(new Problem.FieldError(field, problem)));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        store(new Publication(municipality.number, command.from(), through, figures, clock.instant(), caller.principal(), "rest", null));
        return current(municipality, command.from(), through);
    }

    /** Stores a publication whose content has been checked (REST or a capacity-update message) and reports it to the region, in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    void store(Publication publication) {
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        for (LocalDate day = publication.from(); !day.isAfter(publication.through()); day = day.plusDays(1)) {
            for (Map.Entry<CareLevel, CapacityFigures> entry : publication.figures().entrySet()) {
                CapacityFigureRow row = new CapacityFigureRow();
                row.publicationId = id;
                row.municipality = publication.municipality();
                row.careLevel = entry.getKey().code();
                row.date = day;
                row.totalPlaces = entry.getValue().total();
                row.occupiedPlaces = entry.getValue().occupied();
                row.availablePlaces = entry.getValue().available();
                row.publishedAt = publication.publishedAt();
                row.publishedBy = publication.publishedBy();
                row.publishedVia = publication.publishedVia();
                row.sourceMessageId = publication.sourceMessageId();
                row.recordedAt = now;
                row.persist();
            }
        }
        reports.municipalityPublished(publication);
    }

    /** Problems with a range of days to publish, as field errors (empty when it is fine). */
    static List<Problem.FieldError> rangeProblems(LocalDate from, LocalDate through, int longestPublicationDays) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (through.isBefore(from)) {
            errors.add(new Problem.FieldError("through", "must be on or after from (" + from + ")"));
        } else if (ChronoUnit.DAYS.between(from, through) + 1 > longestPublicationDays) {
            errors.add(new Problem.FieldError("through", "one publication covers at most " + longestPublicationDays
                    + " days; publish the rest separately"));
        }
        return errors;
    }

    @Transactional
    public CapacityView current(Caller caller, String number, LocalDate from, LocalDate through) {
        Municipality municipality = municipality(number);
        requireReader(caller, municipality);
        Shown shown = Shown.of(from, through, OsloTime.today(clock));
        return current(municipality, shown.from(), shown.through());
    }

    /** The days a GET shows: from (default today) through (default two weeks on), at most {@link #LONGEST_RANGE_SHOWN}. */
    record Shown(LocalDate from, LocalDate through) {

        static Shown of(LocalDate from, LocalDate through, LocalDate today) {
            LocalDate first = from == null ? today : from;
            LocalDate last = through == null ? first.plusDays(DEFAULT_DAYS_SHOWN - 1) : through;
            if (last.isBefore(first)) {
                throw ProblemException.invalid(List.of(new Problem.FieldError("through", "must be on or after from (" + first + ")")));
            }
            if (ChronoUnit.DAYS.between(first, last) + 1 > LONGEST_RANGE_SHOWN) {
                throw ProblemException.invalid(List.of(new Problem.FieldError("through", "at most " + LONGEST_RANGE_SHOWN + " days at a time")));
            }
            return new Shown(first, last);
        }
    }

    @Transactional
    public Page<FigureView> history(Caller caller, String number, String careLevel, LocalDate date, PageRequest page) {
        Municipality municipality = municipality(number);
        requireReader(caller, municipality);
        StringBuilder query = new StringBuilder("municipality = :municipality");
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("municipality", municipality.number);
        if (careLevel != null) {
            query.append(" and careLevel = :careLevel");
            parameters.put("careLevel", careLevel(careLevel).code());
        }
        if (date != null) {
            query.append(" and date = :date");
            parameters.put("date", date);
        }
        var found = CapacityFigureRow.<CapacityFigureRow>find(query + " order by publishedAt desc, id desc", parameters);
        List<CapacityFigureRow> rows = found.page(page.page(), page.size()).list();
        LocalDate today = OsloTime.today(clock);
        return Page.of(rows, page, found.count(), row -> view(row, today));
    }

    private CapacityView current(Municipality municipality, LocalDate from, LocalDate through) {
        List<CapacityFigureRow> rows = currentRows(municipality.number, from, through);
        LocalDate today = OsloTime.today(clock);
        List<FigureView> figures = rows.stream().map(row -> view(row, today))
                .sorted(Comparator.comparing(FigureView::date).thenComparing(FigureView::careLevel)).toList();
        return new CapacityView(municipality.number, municipality.name, from, through, config.staleAfterDays(), figures);
    }

    /** Per care level and day from {@code from} through {@code through}, the figure published last. */
    static List<CapacityFigureRow> currentRows(String municipality, LocalDate from, LocalDate through) {
        return CapacityFigureRow.<CapacityFigureRow>find(
                "from CapacityFigureRow f where f.municipality = ?1 and f.date between ?2 and ?3 and not exists ("
                        + "select 1 from CapacityFigureRow g where g.municipality = f.municipality and g.careLevel = f.careLevel "
                        + "and g.date = f.date and (g.publishedAt > f.publishedAt or (g.publishedAt = f.publishedAt and g.id > f.id)))",
                municipality, from, through).list();
    }

    private FigureView view(CapacityFigureRow row, LocalDate today) {
        return new FigureView(Coded.find(CareLevel.class, row.careLevel).orElseThrow(), row.date, row.totalPlaces, row.occupiedPlaces,
                row.availablePlaces, row.publishedAt, row.publishedBy, row.publishedVia, config.staleness().isStale(row.publishedAt, today));
    }

    static CareLevel careLevel(String code) {
        return Coded.find(CareLevel.class, code).orElseThrow(() -> ProblemException.invalid(List.of(new Problem.FieldError("careLevel",
                "must be one of home-care, short-term-bed, rehabilitation-bed, municipal-acute-bed, long-term-nursing-home, other"))));
    }

    static Municipality municipality(String number) {
        return Municipality.findByCurrentOrFormerNumber(number)
                .orElseThrow(() -> ProblemException.notFound("No municipality in Nordland, Troms or Finnmark has the number "
                        + number + ". GET /municipalities lists them."));
    }

    /** An intake team publishes for its own municipality only; integrations and administrators for all. */
    static void requireOwnMunicipality(Caller caller, Municipality municipality) {
        if (caller.actsForAllTenants()) {
            return;
        }
        if (caller.has(Roles.MUNICIPAL_INTAKE) && ownMunicipality(caller, municipality)) {
            return;
        }
        throw new ProblemException(ProblemType.FORBIDDEN, "An intake team publishes the capacity of its own municipality only"
                + (caller.municipality() == null ? "" : " (your login is for " + caller.municipality() + ")") + ".");
    }

    /** Boards, integrations and administrators read every municipality's capacity; an intake team its own. */
    static void requireReader(Caller caller, Municipality municipality) {
        if (caller.actsForAllTenants() || caller.has(Roles.BOARD)) {
            return;
        }
        if (caller.has(Roles.MUNICIPAL_INTAKE) && ownMunicipality(caller, municipality)) {
            return;
        }
        throw new ProblemException(ProblemType.FORBIDDEN, "An intake team sees the capacity of its own municipality only"
                + (caller.municipality() == null ? "" : " (your login is for " + caller.municipality() + ")") + ".");
    }

    private static boolean ownMunicipality(Caller caller, Municipality municipality) {
        return caller.municipality() != null && Municipality.findByCurrentOrFormerNumber(caller.municipality())
                .map(own -> own.number.equals(municipality.number)).orElse(false);
    }
}

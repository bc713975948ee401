package no.samhandling.discharge.reference;

import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.Transactional;
import no.samhandling.discharge.reference.ReferenceViews.DailyRateChange;
import no.samhandling.discharge.reference.ReferenceViews.DailyRateList;
import no.samhandling.discharge.reference.ReferenceViews.DailyRateView;
import no.samhandling.discharge.reference.ReferenceViews.HealthPartnershipView;
import no.samhandling.discharge.reference.ReferenceViews.MunicipalityDetail;
import no.samhandling.discharge.reference.ReferenceViews.MunicipalitySummary;
import no.samhandling.discharge.reference.ReferenceViews.PopulationChange;
import no.samhandling.discharge.reference.ReferenceViews.PopulationYearView;
import no.samhandling.discharge.time.OsloTime;
import no.samhandling.discharge.web.Page;
import no.samhandling.discharge.web.PageRequest;
import no.samhandling.discharge.web.Problem;
import no.samhandling.discharge.web.ProblemException;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;

/** Reads and changes the reference data; each method is one transaction and returns views. */
@ApplicationScoped
public class ReferenceDataService {

    private final Clock clock;

    ReferenceDataService(Clock clock) {
        this.clock = clock;
    }

    /** Whether a change created the figures or corrected existing ones. */
    public record Saved<T>(T view, boolean created) {
    }

    @Transactional
    public Page<MunicipalitySummary> municipalities(String healthPartnership, String hospitalTrust, PageRequest page) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters parameters = new Parameters();
        if (healthPartnership != null && !healthPartnership.isBlank()) {
            where.append(" and healthPartnership.id = :partnership");
            parameters.and("partnership", healthPartnership);
        }
        if (hospitalTrust != null && !hospitalTrust.isBlank()) {
            where.append(" and hospitalTrust.organisationNumber = :trust");
            parameters.and("trust", hospitalTrust);
        }
        var query = Municipality.<Municipality>find(where.toString(), Sort.by("number"), parameters)
                .page(io.quarkus.panache.common.Page.of(page.page(), page.size()));
        return Page.of(query.list(), page, query.count(), MunicipalitySummary::of);
    }

    @Transactional
    public MunicipalityDetail municipality(String number) {
        Municipality municipality = findMunicipality(number);
        return new MunicipalityDetail(MunicipalitySummary.of(municipality), populationSeries(municipality.number));
    }

    @Transactional
    public List<HealthPartnershipView> healthPartnerships() {
        return HealthPartnership.<HealthPartnership>listAll(Sort.by("name")).stream().map(HealthPartnershipView::of).toList();
    }

    @Transactional
    public HealthPartnershipView healthPartnership(String id) {
        return HealthPartnership.<HealthPartnership>findByIdOptional(id)
                .map(HealthPartnershipView::of)
                .orElseThrow(() -> ProblemException.notFound("No health partnership (helsefellesskap) has the id " + id
                        + ". GET /health-partnerships lists them."));
    }

    @Transactional
    public DailyRateList dailyRates() {
        List<DailyRate> rates = DailyRate.listAll(Sort.by("year"));
        List<Integer> known = rates.stream().map(rate -> rate.year).toList();
        return new DailyRateList(rates.stream().map(DailyRateView::of).toList(),
                DailyRateRules.unknownYears(known, currentYear()));
    }

    @Transactional
    public DailyRateView dailyRate(int year) {
        return DailyRate.<DailyRate>findByIdOptional(year)
                .map(DailyRateView::of)
                .orElseThrow(() -> ProblemException.notFound("The daily rate (døgnpris) for " + year
                        + " is not known. Costs for " + year + " are reported as unknown until an administrator enters it."));
    }

    @Transactional
    public Saved<DailyRateView> saveDailyRate(int year, DailyRateChange change, OptionalLong expectedVersion, String user) {
        rejectInvalid(DailyRateRules.validate(year, currentYear(),
                change == null ? null : change.nokPerDay(), change == null ? null : change.source()));
        DailyRate rate = DailyRate.findById(year);
        boolean created = rate == null;
        if (created) {
            rate = new DailyRate();
            rate.year = year;
        } else {
            checkVersion(rate.version, expectedVersion);
        }
        rate.nokPerDay = change.nokPerDay().setScale(2, java.math.RoundingMode.UNNECESSARY);
        rate.source = change.source().strip();
        rate.updatedAt = clock.instant();
        rate.updatedBy = user;
        rate.persistAndFlush();
        return new Saved<>(DailyRateView.of(rate), created);
    }

    @Transactional
    public Saved<PopulationYearView> savePopulation(String number, int year, PopulationChange change,
                                                    OptionalLong expectedVersion, String user) {
        Municipality municipality = findMunicipality(number);
        rejectInvalid(PopulationFigures.validate(year, currentYear(),
                change == null ? null : change.ageGroups(), change == null ? null : change.source()));
        PopulationFigures figures = PopulationFigures.fromLabels(year, change.ageGroups());
        PopulationYear entered = PopulationYear.find("municipalityNumber = ?1 and year = ?2", municipality.number, year).firstResult();
        boolean created = entered == null;
        if (created) {
            entered = new PopulationYear();
            entered.municipalityNumber = municipality.number;
            entered.year = year;
        } else {
            checkVersion(entered.version, expectedVersion);
        }
        entered.source = change.source().strip();
        entered.updatedAt = clock.instant();
        entered.updatedBy = user;
        entered.persist();
        PopulationCount.delete("municipalityNumber = ?1 and year = ?2", municipality.number, year);
        figures.byAgeGroup().forEach((group, inhabitants) -> {
            PopulationCount count = new PopulationCount();
            count.municipalityNumber = municipality.number;
            count.year = year;
            count.ageGroup = group.label();
            count.inhabitants = inhabitants;
            count.persist();
        });
        PopulationYear.flush();
        return new Saved<>(view(entered, figures), created);
    }

    private Municipality findMunicipality(String number) {
        return Municipality.findByCurrentOrFormerNumber(number)
                .orElseThrow(() -> ProblemException.notFound("No municipality in Nordland, Troms or Finnmark has the number "
                        + number + ". GET /municipalities lists them."));
    }

    private List<PopulationYearView> populationSeries(String municipalityNumber) {
        Map<Integer, Map<AgeGroup, Integer>> byYear = new TreeMap<>();
        PopulationCount.<PopulationCount>list("municipalityNumber", municipalityNumber).forEach(count ->
                byYear.computeIfAbsent(count.year, y -> new LinkedHashMap<>())
                        .put(AgeGroup.fromLabel(count.ageGroup).orElseThrow(), count.inhabitants));
        Map<Integer, PopulationYear> entered = new TreeMap<>();
        PopulationYear.<PopulationYear>list("municipalityNumber", municipalityNumber).forEach(y -> entered.put(y.year, y));
        List<PopulationYearView> series = new ArrayList<>();
        byYear.forEach((year, groups) -> series.add(view(entered.get(year), new PopulationFigures(year, groups))));
        return series;
    }

    private static PopulationYearView view(PopulationYear entered, PopulationFigures figures) {
        Map<String, Integer> groups = new LinkedHashMap<>();
        figures.byAgeGroup().forEach((group, inhabitants) -> groups.put(group.label(), inhabitants));
        return new PopulationYearView(entered.municipalityNumber, figures.year(), figures.total(), groups,
                entered.source, entered.updatedAt, entered.updatedBy, entered.version);
    }

    private static void checkVersion(long actual, OptionalLong expected) {
        if (expected.isPresent() && expected.getAsLong() != actual) {
            throw new OptimisticLockException("version " + expected.getAsLong() + " expected, " + actual + " found");
        }
    }

    static void rejectInvalid(List<ReferenceDataError> errors) {
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors.stream().map(e -> new Problem.FieldError(e.field(), e.message())).toList());
        }
    }

    private int currentYear() {
        return OsloTime.today(clock).getYear();
    }
}

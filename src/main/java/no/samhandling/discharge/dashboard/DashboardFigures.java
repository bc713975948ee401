package no.samhandling.discharge.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import no.samhandling.discharge.dashboard.DashboardPage.Choice;
import no.samhandling.discharge.dashboard.DashboardPage.Costs;
import no.samhandling.discharge.dashboard.DashboardPage.Definitions;
import no.samhandling.discharge.dashboard.DashboardPage.Row;
import no.samhandling.discharge.dashboard.DashboardPage.Trend;
import no.samhandling.discharge.dashboard.DashboardPage.TrendRow;
import no.samhandling.discharge.dashboard.StatisticsReading.GroupReading;
import no.samhandling.discharge.dashboard.StatisticsReading.Intervention;
import no.samhandling.discharge.reference.ReferenceDataService;
import no.samhandling.discharge.reference.ReferenceViews.HealthPartnershipView;
import no.samhandling.discharge.statistics.Basis;
import no.samhandling.discharge.statistics.DateRange;
import no.samhandling.discharge.statistics.DischargeReadyDayTrend;
import no.samhandling.discharge.statistics.DischargeReadyDays;
import no.samhandling.discharge.statistics.GroupBy;
import no.samhandling.discharge.statistics.Interval;
import no.samhandling.discharge.statistics.InterventionService;
import no.samhandling.discharge.statistics.StatisticsAnswers;
import no.samhandling.discharge.web.PageRequest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Gathers what the page shows from the statistics capability: the selection's municipalities and its total for
 * the year (with the previous range of the same length, as the statistics API answers), and the total of each
 * month so far for the trend, from one read of the trend rather than an answer per month.
 */
@ApplicationScoped
class DashboardFigures {

    /** More measures than a year's trend can mark legibly. */
    private static final int MOST_INTERVENTIONS = 100;

    private final DischargeReadyDays statistics;
    private final StatisticsAnswers answers;
    private final DischargeReadyDayTrend trend;
    private final InterventionService interventions;
    private final ReferenceDataService reference;
    private final ObjectMapper json;

    DashboardFigures(DischargeReadyDays statistics, StatisticsAnswers answers, DischargeReadyDayTrend trend, InterventionService interventions,
                     ReferenceDataService reference, ObjectMapper json) {
        this.statistics = statistics;
        this.answers = answers;
        this.trend = trend;
        this.interventions = interventions;
        this.reference = reference;
        this.json = json;
    }

    boolean partnershipExists(String id) {
        return statistics.partnershipExists(id);
    }

    /** The municipalities of the selection for the year, in the table's order. */
    List<GroupReading> municipalities(DashboardSelection selection, LocalDate today, boolean suppress) {
        JsonNode answer = answer(GroupBy.MUNICIPALITY, selection, selection.from(), selection.to(today), suppress);
        return RowOrder.byRate(StatisticsReading.groups(answer), selection.rate());
    }

    DashboardPage page(DashboardSelection selection, LocalDate today, boolean suppress, String signOutPath) {
        LocalDate from = selection.from();
        LocalDate to = selection.to(today);
        Rate rate = selection.rate();
        JsonNode byMunicipality = answer(GroupBy.MUNICIPALITY, selection, from, to, suppress);
        JsonNode totalAnswer = answer(selection.total(), selection, from, to, suppress);
        List<GroupReading> readings = RowOrder.byRate(StatisticsReading.groups(byMunicipality), rate);
        GroupReading total = StatisticsReading.groups(totalAnswer).getFirst();
        BigDecimal largest = readings.stream().map(r -> r.per1000(rate)).filter(Objects::nonNull).max(Comparator.naturalOrder()).orElse(null);
        List<Row> rows = readings.stream().map(r -> row(r, rate, largest)).toList();
        boolean rateAvailable = rate == Rate.CRUDE || readings.stream().anyMatch(r -> r.ageStandardisedPer1000() != null);
        String scopeName = total.name();
        return new DashboardPage(partnershipChoices(selection), yearChoices(selection, today), basisChoices(selection.basis()),
                rateChoices(rate), scopeName, NorwegianFormat.date(from) + "–" + NorwegianFormat.date(to),
                NorwegianFormat.date(LocalDate.parse(byMunicipality.path("previousFrom").asText())) + "–"
                        + NorwegianFormat.date(LocalDate.parse(byMunicipality.path("previousTo").asText())),
                basisLabel(selection.basis()), rate.label, rateAvailable, rows, row(total, rate, null),
                trend(selection, today, suppress, scopeName, interventions(selection)), costs(total),
                definitions(totalAnswer), byMunicipality.path("suppressionApplied").asBoolean(), selection.query(), signOutPath);
    }

    /** The year's figures as the statistics API answers them, protected for boards over the whole table. */
    private JsonNode answer(GroupBy groupBy, DashboardSelection selection, LocalDate from, LocalDate to, boolean suppress) {
        return json.valueToTree(answers.answer(groupBy, selection.basis(), from, to, selection.healthPartnership(), null, suppress));
    }

    /** The selection's total month by month through the year (or to today), in one read of the trend, protected for boards per month. */
    private JsonNode monthlyTotals(DashboardSelection selection, LocalDate today, boolean suppress) {
        return json.valueToTree(trend.query(new DischargeReadyDayTrend.Query(selection.total(), selection.basis(), Interval.MONTH,
                new DateRange(selection.from(), selection.to(today)), selection.healthPartnership(), null,
                statistics.defaultStandardPopulationYear(), suppress)));
    }

    /** The measures of the partnership and its municipalities, or of the whole region. */
    private List<Intervention> interventions(DashboardSelection selection) {
        return interventions.list(null, selection.healthPartnership(), PageRequest.of(0, MOST_INTERVENTIONS)).items().stream()
                .map(view -> new Intervention(view.startsOn(), view.municipalityName() != null
                        ? view.title() + " (" + view.municipalityName() + ")" : view.title()))
                .toList();
    }

    private static Row row(GroupReading group, Rate rate, BigDecimal largest) {
        BigDecimal value = group.per1000(rate);
        return new Row(group.key(), group.name(), Cells.count(group, group.dischargeReadyDays()), Cells.rate(group, value),
                group.suppressed() ? 0 : BarScale.percent(value, largest), Cells.change(group, group.changePer1000(rate)),
                Cells.count(group, group.billableDays()), Cells.money(group, group.billedAmount()), Cells.population(group.population()),
                group.suppressed());
    }

    private Trend trend(DashboardSelection selection, LocalDate today, boolean suppress, String scopeName, List<Intervention> interventions) {
        MonthlyTrend monthly = MonthlyTrend.of(selection.year(), today, StatisticsReading.months(monthlyTotals(selection, today, suppress)),
                selection.rate());
        List<TrendChart.Month> months = monthly.chart();
        List<TrendRow> table = monthly.table();
        List<Intervention> known = interventions == null ? List.of() : interventions;
        List<TrendChart.Marker> markers = known.stream().map(i -> new TrendChart.Marker(i.startsOn(), i.title())).toList();
        List<String> marked = interventions == null ? null : known.stream().filter(i -> i.startsOn().getYear() == selection.year())
                .map(i -> NorwegianFormat.date(i.startsOn()) + ": " + i.title()).toList();
        return new Trend(TrendChart.of(selection.year(), months, markers), description(selection, scopeName, months), table, marked);
    }

    /** The chart in words, for those who cannot see it: what it shows, and its highest and lowest month. */
    static String description(DashboardSelection selection, String scopeName, List<TrendChart.Month> months) {
        String what = "Søylediagram over overliggerdøgn per 1000 innbyggere (" + selection.rate().label + ") per måned i " + selection.year()
                + " for " + scopeName + ".";
        List<TrendChart.Month> shown = months.stream().filter(m -> m.value() != null).toList();
        if (shown.isEmpty()) {
            return what + " Ingen måned har tall som kan vises.";
        }
        TrendChart.Month highest = shown.stream().max(Comparator.comparing(TrendChart.Month::value)).orElseThrow();
        TrendChart.Month lowest = shown.stream().min(Comparator.comparing(TrendChart.Month::value)).orElseThrow();
        return what + " Høyest i " + monthName(highest) + " (" + NorwegianFormat.decimal(highest.value(), Cells.RATE_DECIMALS)
                + "), lavest i " + monthName(lowest) + " (" + NorwegianFormat.decimal(lowest.value(), Cells.RATE_DECIMALS)
                + "). Tallene står i tabellen under diagrammet.";
    }

    private static String monthName(TrendChart.Month month) {
        return TrendChart.MONTHS.get(month.month().getMonthValue() - 1);
    }

    private static Costs costs(GroupReading total) {
        BigDecimal hospital = total.realCostHospitalBeds();
        BigDecimal municipal = total.realCostMunicipalBeds();
        boolean available = !total.suppressed() && hospital != null && municipal != null;
        BigDecimal larger = available ? hospital.max(municipal) : null;
        return new Costs(Cells.money(total, total.billedAmount()), Cells.money(total, hospital), Cells.money(total, municipal),
                available ? BarScale.percent(hospital, larger) : 0, available ? BarScale.percent(municipal, larger) : 0, available);
    }

    private static Definitions definitions(JsonNode totalAnswer) {
        JsonNode group = totalAnswer.path("groups").path(0);
        List<Integer> years = StatisticsReading.populationYears(totalAnswer);
        return new Definitions(years.isEmpty() ? NorwegianFormat.NOT_AVAILABLE
                : years.stream().map(String::valueOf).collect(Collectors.joining(", ")),
                NorwegianFormat.whole(group.path("municipalities").asLong()),
                group.path("current").path("population").isNumber() ? NorwegianFormat.whole(group.path("current").path("population").asLong())
                        : NorwegianFormat.NOT_AVAILABLE);
    }

    private List<Choice> partnershipChoices(DashboardSelection selection) {
        List<Choice> choices = new ArrayList<>();
        choices.add(new Choice("", "Hele Helse Nord", selection.wholeRegion()));
        for (HealthPartnershipView partnership : reference.healthPartnerships()) {
            choices.add(new Choice(partnership.id(), partnership.name(), partnership.id().equals(selection.healthPartnership())));
        }
        return choices;
    }

    private static List<Choice> yearChoices(DashboardSelection selection, LocalDate today) {
        List<Choice> choices = new ArrayList<>();
        for (int year = today.getYear(); year >= DashboardSelection.FIRST_YEAR; year--) {
            choices.add(new Choice(String.valueOf(year), String.valueOf(year), year == selection.year()));
        }
        return choices;
    }

    private static List<Choice> basisChoices(Basis selected) {
        return List.of(new Choice(Basis.PAYING.code(), basisLabel(Basis.PAYING), selected == Basis.PAYING),
                new Choice(Basis.RESIDENCE.code(), basisLabel(Basis.RESIDENCE), selected == Basis.RESIDENCE));
    }

    static String basisLabel(Basis basis) {
        return basis == Basis.PAYING ? "Betalende kommune (oppholdskommune, grunnlaget for fakturaen)" : "Bostedskommune (SAMDATAs grunnlag)";
    }

    private static List<Choice> rateChoices(Rate selected) {
        return List.of(new Choice(Rate.CRUDE.code(), "Ujustert", selected == Rate.CRUDE),
                new Choice(Rate.AGE_STANDARDISED.code(), "Aldersstandardisert", selected == Rate.AGE_STANDARDISED));
    }
}

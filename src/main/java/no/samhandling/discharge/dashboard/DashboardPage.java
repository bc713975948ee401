package no.samhandling.discharge.dashboard;

import java.util.List;

/** Everything the dashboard page shows, already in Norwegian words and formats. */
public record DashboardPage(
        List<Choice> partnerships,
        List<Choice> years,
        List<Choice> bases,
        List<Choice> rates,
        String scopeName,
        String period,
        String previousPeriod,
        String basisLabel,
        String rateLabel,
        boolean rateAvailable,
        List<Row> rows,
        Row total,
        Trend trend,
        Costs costs,
        Definitions definitions,
        boolean suppressionApplied,
        String csvQuery,
        String signOutPath) {

    public record Choice(String value, String label, boolean selected) {
    }

    /** A table row; every figure is text as shown: a number, "< 5" when hidden, "ikke tilgjengelig" when unknown. */
    public record Row(String key, String name, String dischargeReadyDays, String rate, int bar, String change, String billableDays,
               String billedAmount, String population, boolean suppressed) {
    }

    /** {@code interventions} is null while the statistics answer carries none ("ikke tilgjengelig"), empty when there were none. */
    public record Trend(TrendChart.Geometry chart, String description, List<TrendRow> table, List<String> interventions) {

        public boolean interventionsKnown() {
            return interventions != null;
        }
    }

    public record TrendRow(String month, String dischargeReadyDays, String rate) {
    }

    public record Costs(String billed, String realHospitalBeds, String realMunicipalBeds, int hospitalBar, int municipalBar,
                 boolean realCostAvailable) {
    }

    public record Definitions(String populationYears, String municipalities, String population) {
    }
}

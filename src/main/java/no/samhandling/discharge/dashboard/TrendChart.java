package no.samhandling.discharge.dashboard;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The geometry of the monthly trend, drawn as SVG on the server: one column per month of the year, a y axis
 * from 0 to a round number above the largest value, and a dashed line where an intervention started.
 * A month without a value (hidden, unknown, or still to come) has no column.
 */
public final class TrendChart {

    static final int WIDTH = 720;
    static final int HEIGHT = 260;
    static final int LEFT = 56;
    static final int RIGHT = 16;
    static final int TOP = 24;
    static final int BOTTOM = 32;
    static final int TICKS = 4;
    static final List<String> MONTHS = List.of("jan", "feb", "mar", "apr", "mai", "jun", "jul", "aug", "sep", "okt", "nov", "des");

    public record Month(YearMonth month, BigDecimal value) {
    }

    public record Marker(LocalDate startsOn, String title) {
    }

    public record Column(String x, String y, String width, String height, String label) {
    }

    public record Tick(String y, String label) {
    }

    public record MonthLabel(String x, String text) {
    }

    public record Line(String x, String title) {
    }

    public record Geometry(int width, int height, String plotLeft, String plotRight, String plotBottom, String plotTop, List<Column> columns,
                    List<Tick> ticks, List<MonthLabel> months, List<Line> markers) {
    }

    private TrendChart() {
    }

    static Geometry of(int year, List<Month> months, List<Marker> markers) {
        double plotWidth = WIDTH - LEFT - RIGHT;
        double plotHeight = HEIGHT - TOP - BOTTOM;
        double band = plotWidth / 12;
        BigDecimal largest = months.stream().filter(m -> m.month().getYear() == year).map(Month::value).filter(v -> v != null)
                .max(BigDecimal::compareTo).orElse(BigDecimal.ZERO);
        double top = roundAbove(largest.doubleValue());
        List<Column> columns = new ArrayList<>();
        for (Month month : months) {
            if (month.value() == null || month.month().getYear() != year) {
                continue;
            }
            double height = plotHeight * month.value().doubleValue() / top;
            double x = LEFT + band * (month.month().getMonthValue() - 1) + band * 0.2;
            columns.add(new Column(number(x), number(TOP + plotHeight - height), number(band * 0.6), number(height),
                    MONTHS.get(month.month().getMonthValue() - 1) + ": " + NorwegianFormat.decimal(month.value(), 1)));
        }
        List<Tick> ticks = new ArrayList<>();
        for (int i = 0; i <= TICKS; i++) {
            BigDecimal value = BigDecimal.valueOf(top * i / TICKS);
            int decimals = Math.max(1, Math.min(2, value.stripTrailingZeros().scale()));
            ticks.add(new Tick(number(TOP + plotHeight - plotHeight * i / TICKS), NorwegianFormat.decimal(value, decimals)));
        }
        List<MonthLabel> labels = new ArrayList<>();
        for (int m = 0; m < 12; m++) {
            labels.add(new MonthLabel(number(LEFT + band * m + band / 2), MONTHS.get(m)));
        }
        List<Line> lines = new ArrayList<>();
        for (Marker marker : markers) {
            if (marker.startsOn().getYear() == year) {
                double within = (marker.startsOn().getDayOfMonth() - 1) / (double) marker.startsOn().lengthOfMonth();
                lines.add(new Line(number(LEFT + band * (marker.startsOn().getMonthValue() - 1 + within)),
                        NorwegianFormat.date(marker.startsOn()) + ": " + marker.title()));
            }
        }
        return new Geometry(WIDTH, HEIGHT, number(LEFT), number(WIDTH - RIGHT), number(TOP + plotHeight), number(TOP), columns, ticks,
                labels, lines);
    }

    /** The smallest of 1, 2, 2.5, 5 times a power of ten that is at least the value; 1 for nothing to show. */
    static double roundAbove(double value) {
        if (value <= 0) {
            return 1;
        }
        double power = Math.pow(10, Math.floor(Math.log10(value)));
        for (double step : new double[] {1, 2, 2.5, 5}) {
            if (value <= step * power) {
                return step * power;
            }
        }
        return 10 * power;
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}

package no.samhandling.discharge.statistics;

import com.fasterxml.jackson.annotation.JsonValue;
import no.samhandling.discharge.codes.Coded;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** A calendar interval: a month, a quarter or a year (Europe/Oslo dates). */
public enum Interval implements Coded {
    MONTH("month", 1),
    QUARTER("quarter", 3),
    YEAR("year", 12);

    private final String code;
    private final int months;

    Interval(String code, int months) {
        this.code = code;
        this.months = months;
    }

    @Override
    @JsonValue
    public String code() {
        return code;
    }

    /** The first day of the interval the date lies in. */
    public LocalDate start(LocalDate day) {
        int firstMonth = (day.getMonthValue() - 1) / months * months + 1;
        return LocalDate.of(day.getYear(), firstMonth, 1);
    }

    /** The last day of the interval the date lies in. */
    public LocalDate end(LocalDate day) {
        return start(day).plusMonths(months).minusDays(1);
    }

    /** {@code 2017}, {@code 2017-Q1} or {@code 2017-03}. */
    public String label(LocalDate day) {
        return switch (this) {
            case YEAR -> String.valueOf(day.getYear());
            case QUARTER -> day.getYear() + "-Q" + ((day.getMonthValue() - 1) / 3 + 1);
            case MONTH -> "%d-%02d".formatted(day.getYear(), day.getMonthValue());
        };
    }

    /** The whole intervals from the one {@code from} lies in through the one {@code to} lies in. */
    public List<DateRange> covering(LocalDate from, LocalDate to) {
        List<DateRange> intervals = new ArrayList<>();
        for (LocalDate start = start(from); !start.isAfter(to); start = start.plusMonths(months)) {
            intervals.add(new DateRange(start, end(start)));
        }
        return intervals;
    }

    /**
     * The interval of a year, its quarter (1-4) or its month (1-12): {@code number} is ignored for a year.
     *
     * @throws IllegalArgumentException naming the allowed numbers when the quarter or month does not exist
     */
    public DateRange of(int year, int number) {
        if (this == YEAR) {
            return new DateRange(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
        }
        int count = 12 / months;
        if (number < 1 || number > count) {
            throw new IllegalArgumentException("must be 1 to " + count);
        }
        LocalDate start = LocalDate.of(year, (number - 1) * months + 1, 1);
        return new DateRange(start, end(start));
    }

    /** The quarter (1-4) or month (1-12) number of the interval a day lies in; 1 for a year. */
    public int numberOf(LocalDate day) {
        return (day.getMonthValue() - 1) / months + 1;
    }
}

package no.samhandling.discharge.statistics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * How a measure's figures compare before and after it started: the periods (after = from the start date, before =
 * as many days just before it; an after period that has not ended yet ends today and is partial, and the before
 * period is then as short, so the counts stay comparable) and the change of each figure, absolute and relative,
 * with a sentence in Norwegian ("Utskrivningsklare døgn per 1000 innbyggere: 49,5 → 20,4 (−59 %)").
 */
public final class BeforeAndAfter {

    static final String HIDDEN = "skjult";
    static final String UNKNOWN = "ukjent";
    private static final char MINUS = '\u2212';

    /** The two periods of equal length; {@code partial} when the after period was cut at today. */
    public record Periods(LocalDate beforeFrom, LocalDate beforeTo, LocalDate afterFrom, LocalDate afterTo, long days, boolean partial) {
    }

    /** One side of a comparison: the figure, or why there is none. */
    public record Side(BigDecimal value, boolean hidden) {
        public static Side of(BigDecimal value, boolean hidden) {
            return new Side(hidden ? null : value, hidden);
        }

        public static Side of(Long value, boolean hidden) {
            return of(value == null ? null : BigDecimal.valueOf(value), hidden);
        }
    }

    /** A figure before and after, the change (after − before) and the change relative to before, in per cent. */
    public record Comparison(BigDecimal before, BigDecimal after, BigDecimal change, BigDecimal relativeChangePercent, String sentence) {
    }

    private BeforeAndAfter() {
    }

    /** Empty when the measure starts after today: there is no after period yet. */
    public static Optional<Periods> periods(LocalDate start, int months, LocalDate today) {
        if (months < 1) {
            throw new IllegalArgumentException("months must be at least 1");
        }
        if (start.isAfter(today)) {
            return Optional.empty();
        }
        LocalDate fullEnd = start.plusMonths(months).minusDays(1);
        LocalDate end = fullEnd.isAfter(today) ? today : fullEnd;
        long days = ChronoUnit.DAYS.between(start, end) + 1;
        return Optional.of(new Periods(start.minusDays(days), start.minusDays(1), start, end, days, end.isBefore(fullEnd)));
    }

    /**
     * @param label    the figure's name in the sentence
     * @param decimals decimals shown in the sentence (the JSON keeps the figures as they are)
     */
    public static Comparison compare(String label, Side before, Side after, int decimals) {
        BigDecimal change = before.value() == null || after.value() == null ? null : after.value().subtract(before.value());
        BigDecimal relative = change == null || before.value().signum() == 0 ? null
                : change.multiply(BigDecimal.valueOf(100)).divide(before.value(), 1, RoundingMode.HALF_UP);
        String sentence = label + ": " + text(before, decimals) + " → " + text(after, decimals) + changeText(change, relative, decimals);
        return new Comparison(before.value(), after.value(), change, relative, sentence);
    }

    /** Discharge-ready days per stay; unknown without stays. */
    public static BigDecimal meanPerStay(Long days, Long stays) {
        if (days == null || stays == null || stays == 0) {
            return null;
        }
        return BigDecimal.valueOf(days).divide(BigDecimal.valueOf(stays), 2, RoundingMode.HALF_UP);
    }

    private static String changeText(BigDecimal change, BigDecimal relative, int decimals) {
        if (change == null) {
            return "";
        }
        if (relative == null) {
            return " (" + signed(change.setScale(decimals, RoundingMode.HALF_UP)) + ")";
        }
        return " (" + signed(relative.setScale(0, RoundingMode.HALF_UP)) + " %)";
    }

    private static String text(Side side, int decimals) {
        if (side.hidden()) {
            return HIDDEN;
        }
        return side.value() == null ? UNKNOWN : norwegian(side.value().setScale(decimals, RoundingMode.HALF_UP));
    }

    private static String signed(BigDecimal value) {
        if (value.signum() > 0) {
            return "+" + norwegian(value);
        }
        return norwegian(value);
    }

    /** Decimal comma and a true minus sign, as Norwegian text writes numbers. */
    static String norwegian(BigDecimal value) {
        String plain = value.abs().toPlainString().replace('.', ',');
        return value.signum() < 0 ? MINUS + plain : plain;
    }
}

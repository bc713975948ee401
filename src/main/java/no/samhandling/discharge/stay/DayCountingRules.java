package no.samhandling.discharge.stay;

import java.time.Duration;

/**
 * The parts of the day counting that the regulation's own text could not confirm (domain.md), so they
 * are configuration: the deadline for the § 8 admission notice (default 24 hours), and whether a notice
 * sent later, because the need for municipal services arose later in the stay, still meets § 8
 * (default no).
 */
public record DayCountingRules(Duration admissionNoticeDeadline, boolean acceptLaterNoticeWhenNeedAroseDuringStay) {

    public static final DayCountingRules DEFAULT = new DayCountingRules(Duration.ofHours(24), false);

    /**
     * The version of the counting rules these settings make with {@link DayCounter#LOGIC_VERSION}, stored
     * with every figure, e.g. {@code v1;admission-notice-deadline=PT24H;later-notice-when-need-arose=false}.
     * It names the settings in full, so figures made under earlier settings can be counted on with them.
     */
    public String version() {
        return "v" + DayCounter.LOGIC_VERSION + ";admission-notice-deadline=" + admissionNoticeDeadline
                + ";later-notice-when-need-arose=" + acceptLaterNoticeWhenNeedAroseDuringStay;
    }

    /** The settings of a stored {@link #version()}; refused when it was made by another version of the counting logic. */
    public static DayCountingRules ofVersion(String version) {
        String[] parts = version.split(";");
        if (parts.length != 3 || !parts[0].equals("v" + DayCounter.LOGIC_VERSION)) {
            throw new IllegalArgumentException("figures of counting rules " + version + " cannot be counted on by logic version "
                    + DayCounter.LOGIC_VERSION + "; recompute them");
        }
        return new DayCountingRules(Duration.parse(value(parts[1], "admission-notice-deadline")),
                Boolean.parseBoolean(value(parts[2], "later-notice-when-need-arose")));
    }

    private static String value(String part, String name) {
        if (!part.startsWith(name + "=")) {
            throw new IllegalArgumentException("not a counting rules version: " + part);
        }
        return part.substring(name.length() + 1);
    }
}

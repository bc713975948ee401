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
}

package no.samhandling.discharge.stay;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.time.LocalDate;
import java.time.Period;

/** Settings of the stay capability ({@code discharge.stay.*}); see README's configuration table. */
@ConfigMapping(prefix = "discharge.stay")
public interface StayConfig {

    /** § 8: how long after admission the admission notice may be sent (not confirmed in the regulation's text). */
    @WithDefault("PT24H")
    Duration admissionNoticeDeadline();

    /** § 8: whether a later admission notice, sent because the need arose later in the stay, still counts. */
    @WithDefault("false")
    boolean acceptLaterAdmissionNoticeWhenNeedAroseDuringStay();

    /** The municipal work list also shows admitted patients expected to be discharged within this many days. */
    @WithDefault("7")
    int soonReadyWithinDays();

    /** How far in the future an event's time may lie (clock drift between systems). */
    @WithDefault("PT5M")
    Duration allowedClockSkew();

    /**
     * No event, and no date in one, before this date: the payment scheme began on 1 January 2012, so an
     * earlier date is a typing error (e.g. an admission in 1900).
     */
    @WithDefault("2012-01-01")
    LocalDate earliestDate();

    /** How far after today a planned date (expected discharge, ready from, expected ready on) may lie. */
    @WithDefault("P1Y")
    Period planningHorizon();

    default DatePlausibility datePlausibility() {
        return new DatePlausibility(earliestDate(), planningHorizon());
    }

    default DayCountingRules dayCountingRules() {
        return new DayCountingRules(admissionNoticeDeadline(), acceptLaterAdmissionNoticeWhenNeedAroseDuringStay());
    }
}

package no.samhandling.discharge.stay;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

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

    default DayCountingRules dayCountingRules() {
        return new DayCountingRules(admissionNoticeDeadline(), acceptLaterAdmissionNoticeWhenNeedAroseDuringStay());
    }
}

package no.samhandling.discharge.stay;

import no.samhandling.discharge.stay.StayHistory.Effective;
import no.samhandling.discharge.time.OsloTime;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The rules every new or corrected event passes, whichever way it arrives (REST, message, import of history):
 * the municipality's answer under § 11, no time in the future (beyond the allowed clock skew), plausible dates,
 * and a history the timeline accepts. Plain Java: {@link StayEvents} and {@link StayHistoryImport} both call it.
 */
record StayEventRules(Duration allowedClockSkew, DatePlausibility plausibility) {

    static StayEventRules of(StayConfig config) {
        return new StayEventRules(config.allowedClockSkew(), config.datePlausibility());
    }

    /** A history the timeline accepted: its events in force and the stay's status after them. */
    record Accepted(List<Effective> history, StayStatus status) {
    }

    /** Refuses the event if it breaks § 11, lies in the future or holds an implausible date; fields named under {@code fieldPrefix}. */
    void check(StayEvent event, String fieldPrefix, Instant now) {
        MunicipalityAnswerRule.check(event);
        if (event.occurredAt().isAfter(now.plus(allowedClockSkew))) {
            throw StayException.invalid("time", "the " + event.type().code() + " event lies in the future");
        }
        List<StayException.Field> implausible = plausibility.check(event, now.atZone(OsloTime.ZONE).toLocalDate()).stream()
                .map(found -> new StayException.Field(fieldPrefix + found.field(), found.message())).toList();
        if (!implausible.isEmpty()) {
            throw StayException.invalid(implausible);
        }
    }

    /** As {@link #check}, for history: the event must have happened already, before {@code now}, with no skew allowed. */
    void checkHistoric(StayEvent event, String fieldPrefix, Instant now) {
        if (!event.occurredAt().isBefore(now)) {
            throw StayException.invalid("time", "the " + event.type().code() + " event is not in the past: history holds only what happened");
        }
        check(event, fieldPrefix, now);
    }

    /** The history's events in force and the stay's status, if the timeline accepts them; refused as an impossible transition if not. */
    static Accepted accepted(List<RecordedEvent> recorded) {
        List<Effective> history = StayHistory.effective(recorded);
        StayTimeline.Outcome outcome = StayTimeline.replay(history);
        if (outcome.violation().isPresent()) {
            throw new StayException(StayException.Kind.IMPOSSIBLE_TRANSITION, outcome.violation().get().reason());
        }
        return new Accepted(history, outcome.status());
    }
}

package no.samhandling.discharge.stay;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import no.samhandling.discharge.stay.StayEvent.AdmissionNoticeSent;
import no.samhandling.discharge.stay.StayEvent.Admitted;
import no.samhandling.discharge.stay.StayEvent.Assessment;
import no.samhandling.discharge.stay.StayEvent.DeclaredDischargeReady;
import no.samhandling.discharge.stay.StayEvent.DischargeReadyNoticeSent;
import no.samhandling.discharge.stay.StayEvent.Discharged;
import no.samhandling.discharge.stay.StayEvent.FollowUpConditions;
import no.samhandling.discharge.stay.StayEvent.MunicipalityAnswered;
import no.samhandling.discharge.stay.StayEvent.Withdrawn;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Invariants of the day counting over generated, possible histories. */
class DayCounterPropertiesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 6, 1);

    @Property(tries = 300)
    void billableDaysNeverExceedDischargeReadyDays(@ForAll("histories") List<StayEvent> events, @ForAll ServiceArea area) {
        StayFigures figures = DayCounter.count(area, effective(events, new Random(1)), DayCountingRules.DEFAULT, TODAY);
        for (PeriodFigures period : figures.periods()) {
            assertThat(period.billableDays()).isBetween(0, period.dischargeReadyDays());
        }
        assertThat(figures.billableDays()).isLessThanOrEqualTo(figures.dischargeReadyDays());
    }

    @Property(tries = 300)
    void theSameEventsInAnyArrivalOrderGiveTheSameFigures(@ForAll("histories") List<StayEvent> events, @ForAll long seed) {
        StayFigures inOrder = DayCounter.count(ServiceArea.SOMATIC, effective(events, null), DayCountingRules.DEFAULT, TODAY);
        StayFigures shuffled = DayCounter.count(ServiceArea.SOMATIC, effective(events, new Random(seed)), DayCountingRules.DEFAULT, TODAY);
        assertThat(shuffled).isEqualTo(inOrder);
    }

    @Property(tries = 300)
    void everyCountedDayIsInExactlyOneMonth(@ForAll("histories") List<StayEvent> events) {
        StayFigures figures = DayCounter.count(ServiceArea.SOMATIC, effective(events, null), DayCountingRules.DEFAULT, TODAY);
        assertThat(figures.billableDaysByMonth().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(figures.billableDays());
        assertThat(figures.dischargeReadyDaysByMonth().values().stream().mapToInt(Integer::intValue).sum())
                .isEqualTo(figures.dischargeReadyDays());
    }

    @Property(tries = 300)
    void generatedHistoriesArePossible(@ForAll("histories") List<StayEvent> events) {
        assertThat(StayTimeline.replay(effective(events, new Random(7))).violation()).isEmpty();
    }

    /** Records the events in the given order, or shuffled (a late or reordered delivery). */
    private static List<StayHistory.Effective> effective(List<StayEvent> events, Random shuffle) {
        List<StayEvent> arrival = new ArrayList<>(events);
        if (shuffle != null) {
            Collections.shuffle(arrival, shuffle);
        }
        List<RecordedEvent> recorded = new ArrayList<>();
        for (int i = 0; i < arrival.size(); i++) {
            // Stable ids per event so that ties sort the same whatever the arrival order.
            UUID id = UUID.nameUUIDFromBytes((arrival.get(i).toString()).getBytes());
            recorded.add(RecordedEvent.original(id, i, arrival.get(i)));
        }
        return StayHistory.effective(recorded);
    }

    @Provide
    Arbitrary<List<StayEvent>> histories() {
        Arbitrary<Integer> hours = Arbitraries.integers().between(0, 24 * 12);
        Arbitrary<Integer> periods = Arbitraries.integers().between(0, 3);
        Arbitrary<List<Integer>> steps = hours.list().ofSize(20);
        Arbitrary<List<Boolean>> choices = Arbitraries.of(true, false).list().ofSize(20);
        Arbitrary<Instant> start = Arbitraries.longs().between(0, 3 * 365 * 24)
                .map(h -> Instant.parse("2023-01-01T00:00:00Z").plus(Duration.ofHours(h)));
        return Combinators.combine(start, periods, steps, choices).as(DayCounterPropertiesTest::history);
    }

    private static List<StayEvent> history(Instant admitted, int periods, List<Integer> steps, List<Boolean> choices) {
        List<StayEvent> events = new ArrayList<>();
        int step = 0;
        Instant t = admitted;
        events.add(new Admitted(t));
        if (choices.get(0)) {
            Instant noticeAt = t.plus(Duration.ofHours(steps.get(step++) % 48));
            events.add(new AdmissionNoticeSent(noticeAt, null, "needs", choices.get(1)));
            t = noticeAt;
        }
        for (int p = 0; p < periods; p++) {
            t = t.plus(Duration.ofHours(1 + steps.get(step++)));
            events.add(new DeclaredDischargeReady(t, choices.get(2 + p) ? "9144889" : null, new Assessment(true, true, choices.get(5 + p)),
                    new FollowUpConditions(true, choices.get(8)), "needs"));
            if (choices.get(9 + p)) {
                t = t.plus(Duration.ofHours(steps.get(step++) % 30));
                events.add(new DischargeReadyNoticeSent(t));
                if (choices.get(12 + p)) {
                    t = t.plus(Duration.ofHours(1 + steps.get(step++) % 50));
                    boolean can = choices.get(15 + p);
                    LocalDate date = LocalDate.ofInstant(t, java.time.ZoneId.of("Europe/Oslo")).plusDays(steps.get(step++) % 6 - 2);
                    events.add(new MunicipalityAnswered(t, can, can ? date : null, can ? null : date, null));
                }
            }
            t = t.plus(Duration.ofHours(1 + steps.get(step++)));
            boolean last = p == periods - 1;
            if (!last) {
                events.add(new Withdrawn(t, "ill again"));
            } else if (choices.get(18)) {
                events.add(new Discharged(t, DischargeDestination.HOME_CARE));
            }
        }
        return events;
    }
}

package no.samhandling.discharge.stay;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import no.samhandling.discharge.time.OsloTime;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Property: whatever history reaches the service (random periods, answers, withdrawals and discharges, in
 * random arrival order, with random corrections and cancellations, some refused), the figures stored with
 * the last change ({@code stay_period}, {@code stay_day}) equal a full recomputation from the stay's
 * events, and carry that change's event id and the rules version. jqwik generates the histories (a failure
 * names the plan, arrival order included); the service runs on the real database.
 */
@QuarkusTest
class StoredFiguresPropertyTest {

    private static final int TRIES = 30;

    @Inject
    StayRegistration registration;
    @Inject
    StayEvents events;
    @Inject
    StayEventCodec codec;
    @Inject
    StayFigureStore figures;
    @Inject
    EntityManager entityManager;

    @Test
    void storedFiguresEqualAFullRecomputationWhateverArrivesInWhateverOrder() {
        // jqwik's engine cannot run a @QuarkusTest: its arbitraries generate the histories here, and a failure names the plan.
        int[] storedDays = new int[2];
        RandomStayHistories histories = new RandomStayHistories(registration, events);
        // At least TRIES histories, and more (up to four times as many) until some stored days are billable: a few
        // dozen random histories may by chance hold none, which would leave the billable path unchecked.
        java.util.Iterator<RandomStayHistories.Plan> plans = RandomStayHistories.plans().sampleStream().iterator();
        for (int tried = 0; tried < TRIES || (storedDays[1] == 0 && tried < 4 * TRIES); tried++) {
            RandomStayHistories.Plan plan = plans.next();
            int[] days = assertStoredEqualsRecomputed(histories.play(plan), plan.toString());
            storedDays[0] += days[0];
            storedDays[1] += days[1];
        }
        // The histories are not all refused: they store discharge-ready days, and billable ones among them.
        assertThat(storedDays[0]).isPositive();
        assertThat(storedDays[1]).isPositive();
    }

    /** The stored discharge-ready days and billable days, after comparing them with the recomputation. */
    private int[] assertStoredEqualsRecomputed(UUID stayId, String description) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Stay stay = Stay.findById(stayId);
            List<StayEventRow> rows = StayEventRow.ofStay(stayId);
            List<PeriodFacts> expected = DayCounter.facts(StayFigureStore.serviceArea(stay),
                    StayHistory.effective(codec.recorded(rows)), DayCountingRules.ofVersion(stay.figuresRulesVersion));
            UUID lastChange = rows.getLast().id;
            assertThat(stay.figuresRulesVersion).as(description).isEqualTo(figures.currentRulesVersion());
            assertThat(figures.periodsOf(stayId)).as(description).isEqualTo(expected);

            LocalDate today = OsloTime.today(java.time.Clock.systemUTC());
            List<String> expectedDays = new ArrayList<>();
            for (PeriodFacts period : expected) {
                for (DayFact day : DayCounter.days(period, today)) {
                    expectedDays.add(day.date() + " " + period.number() + " " + day.date().getYear() + "-" + day.date().getMonthValue()
                            + " " + day.billable() + " " + day.notBillableReason() + " " + stay.serviceArea + " " + stay.payingMunicipality
                            + " " + stay.residenceMunicipality + " " + stay.hospital + " " + stay.figuresRulesVersion + " " + lastChange);
                }
            }
            @SuppressWarnings("unchecked")
            List<Object[]> stored = entityManager.createNativeQuery("SELECT day, period_number, year, month, billable, not_billable_reason, "
                    + "service_area, paying_municipality, residence_municipality, hospital, rules_version, event_id FROM stay_day "
                    + "WHERE stay_id = ?1 ORDER BY day").setParameter(1, stayId).getResultList();
            List<String> storedDays = stored.stream().map(r -> r[0] + " " + r[1] + " " + r[2] + "-" + r[3] + " " + r[4] + " " + r[5]
                    + " " + r[6] + " " + r[7] + " " + r[8] + " " + r[9] + " " + r[10] + " " + r[11]).toList();
            assertThat(storedDays).as(description).isEqualTo(expectedDays);
            @SuppressWarnings("unchecked")
            List<Object> periodEvents = entityManager.createNativeQuery("SELECT DISTINCT event_id FROM stay_period WHERE stay_id = ?1")
                    .setParameter(1, stayId).getResultList();
            assertThat(periodEvents).as(description).allMatch(id -> id.equals(lastChange));
            return new int[] {stored.size(), (int) stored.stream().filter(r -> Boolean.TRUE.equals(r[4])).count()};
        });
    }
}

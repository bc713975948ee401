package no.samhandling.discharge.stay;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import no.samhandling.discharge.security.Caller;
import no.samhandling.discharge.security.Roles;
import no.samhandling.discharge.stay.StayEvent.AdmissionNoticeSent;
import no.samhandling.discharge.stay.StayEvent.Admitted;
import no.samhandling.discharge.stay.StayEvent.DeclaredDischargeReady;
import no.samhandling.discharge.stay.StayEvent.DischargeReadyNoticeSent;
import no.samhandling.discharge.stay.StayEvent.Discharged;
import no.samhandling.discharge.stay.StayEvent.MunicipalityAnswered;
import no.samhandling.discharge.stay.StayEvent.Withdrawn;
import no.samhandling.discharge.stay.StayViews.StayView;
import no.samhandling.discharge.testsupport.TestPatients;
import no.samhandling.discharge.time.OsloTime;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalLong;
import java.util.Random;
import java.util.Set;
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
    private static final Caller INTEGRATION = new Caller("property-test", Set.of(Roles.INTEGRATION), null, null);

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

    enum End { WITHDRAWN, DISCHARGED, OPEN }

    record PlannedAnswer(boolean canReceive, int daysAfterNotice, int readyInDays) {
    }

    record PlannedPeriod(int gapDays, int declaredHour, boolean documented, int noticeAfterDays, List<PlannedAnswer> answers,
                         int lengthDays, End end) {
    }

    record Plan(int admittedDay, int admissionNoticeHours, String area, List<PlannedPeriod> periods, long arrivalSeed,
                int corrections, int cancellations) {
    }

    static Arbitrary<Plan> plans() {
        Arbitrary<PlannedAnswer> answer = Combinators.combine(Arbitraries.of(true, false), Arbitraries.integers().between(0, 3),
                Arbitraries.integers().between(0, 6)).as(PlannedAnswer::new);
        Arbitrary<PlannedPeriod> period = Combinators.combine(Arbitraries.integers().between(0, 5), Arbitraries.integers().between(0, 23),
                Arbitraries.of(true, true, true, false), Arbitraries.integers().between(-1, 2), answer.list().ofMaxSize(3),
                Arbitraries.integers().between(0, 40), Arbitraries.of(End.values())).as(PlannedPeriod::new);
        // Admission notice hours after admission: -1 none, beyond 24 late (§ 8).
        return Combinators.combine(Arbitraries.integers().between(0, 700), Arbitraries.integers().between(-1, 40),
                Arbitraries.of("somatic", "mental-health"), period.list().ofMaxSize(3), Arbitraries.longs(),
                Arbitraries.integers().between(0, 3), Arbitraries.integers().between(0, 2)).as(Plan::new);
    }

    @Test
    void storedFiguresEqualAFullRecomputationWhateverArrivesInWhateverOrder() {
        // jqwik's engine cannot run a @QuarkusTest: its arbitraries generate the histories here, and a failure names the plan.
        int[] storedDays = new int[2];
        plans().sampleStream().limit(TRIES).forEach(plan -> {
            int[] days = assertStoredEqualsRecomputed(play(plan), plan.toString());
            storedDays[0] += days[0];
            storedDays[1] += days[1];
        });
        // The histories are not all refused: they store discharge-ready days, and billable ones among them.
        assertThat(storedDays[0]).isPositive();
        assertThat(storedDays[1]).isPositive();
    }

    private UUID play(Plan plan) {
        Instant admitted = LocalDateTime.of(2023, 1, 1, 8, 0).atZone(OsloTime.ZONE).toInstant().plus(Duration.ofDays(plan.admittedDay()));
        StayView stay = registration.register(INTEGRATION, new StayCommands.RegisterStay(TestPatients.fodselsnummer(), StayApi.UNN,
                "Post 5B", ServiceArea.valueOf(plan.area().equals("somatic") ? "SOMATIC" : "MENTAL_HEALTH"), "1840", null, admitted));
        List<StayEvent> planned = new ArrayList<>();
        if (plan.admissionNoticeHours() >= 0) {
            planned.add(new AdmissionNoticeSent(admitted.plus(Duration.ofHours(plan.admissionNoticeHours())), null, "home care", false));
        }
        Instant cursor = admitted.plus(Duration.ofHours(2));
        for (PlannedPeriod period : plan.periods()) {
            Instant declared = cursor.plus(Duration.ofDays(period.gapDays())).plus(Duration.ofHours(period.declaredHour()));
            planned.add(new DeclaredDischargeReady(declared, "9144889", new StayEvent.Assessment(true, period.documented(), true),
                    new StayEvent.FollowUpConditions(true, true), "short-term bed"));
            Instant notice = declared.plus(Duration.ofDays(Math.max(period.noticeAfterDays(), 0))).plus(Duration.ofMinutes(30));
            if (period.noticeAfterDays() >= 0) {
                planned.add(new DischargeReadyNoticeSent(notice));
            }
            for (PlannedAnswer answer : period.answers()) {
                Instant at = notice.plus(Duration.ofDays(answer.daysAfterNotice())).plus(Duration.ofMinutes(10));
                LocalDate on = LocalDate.ofInstant(at, OsloTime.ZONE).plusDays(answer.readyInDays());
                planned.add(answer.canReceive() ? new MunicipalityAnswered(at, true, on, null, "short-term bed")
                        : new MunicipalityAnswered(at, false, null, on, null));
            }
            Instant end = declared.plus(Duration.ofDays(period.lengthDays())).plus(Duration.ofHours(1));
            cursor = end.plus(Duration.ofHours(1));
            if (period.end() == End.WITHDRAWN) {
                planned.add(new Withdrawn(end, "new infection"));
            } else if (period.end() == End.DISCHARGED) {
                planned.add(new Discharged(end, DischargeDestination.HOME));
                break;
            } else {
                break;
            }
        }
        Random arrival = new Random(plan.arrivalSeed());
        Collections.shuffle(planned, arrival);
        List<UUID> accepted = new ArrayList<>();
        List<StayEvent> acceptedEvents = new ArrayList<>();
        for (StayEvent event : planned) {
            attempt(() -> {
                StayView view = events.record(INTEGRATION, stay.id(), OptionalLong.empty(), event);
                accepted.add(view.events().getLast().id());
                acceptedEvents.add(event);
            });
        }
        for (int i = 0; i < plan.corrections() && !accepted.isEmpty(); i++) {
            int which = arrival.nextInt(accepted.size());
            StayEvent corrected = shifted(acceptedEvents.get(which), Duration.ofHours(arrival.nextInt(97) - 48));
            attempt(() -> events.correct(INTEGRATION, stay.id(), accepted.get(which), OptionalLong.empty(), corrected, "typo", null));
        }
        for (int i = 0; i < plan.cancellations() && !accepted.isEmpty(); i++) {
            int which = arrival.nextInt(accepted.size());
            attempt(() -> events.cancel(INTEGRATION, stay.id(), accepted.get(which), OptionalLong.empty(), "by mistake", null));
        }
        return stay.id();
    }

    /** A change the stay's rules refuse (an impossible order, a time in the future) changes nothing: that is part of the property. */
    private static void attempt(Runnable change) {
        try {
            change.run();
        } catch (StayException refused) {
            // refused, rolled back
        }
    }

    private static StayEvent shifted(StayEvent event, Duration by) {
        Instant at = event.occurredAt().plus(by);
        return switch (event) {
            case Admitted a -> new Admitted(at);
            case AdmissionNoticeSent n -> new AdmissionNoticeSent(at, n.expectedDischargeDate(), n.expectedNeeds(), n.needAroseDuringStay());
            case DeclaredDischargeReady d -> new DeclaredDischargeReady(at, d.assessorHprNumber(), d.assessment(), d.followUp(), d.needs());
            case DischargeReadyNoticeSent n -> new DischargeReadyNoticeSent(at);
            case MunicipalityAnswered m -> new MunicipalityAnswered(at, m.canReceive(), m.readyFrom(), m.expectedReadyOn(), m.offer());
            case Withdrawn w -> new Withdrawn(at, w.reason());
            case Discharged d -> new Discharged(at, d.destination());
        };
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

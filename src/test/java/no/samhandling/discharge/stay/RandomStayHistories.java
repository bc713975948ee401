package no.samhandling.discharge.stay;

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

/**
 * Random stay histories played through the real services: periods, answers, withdrawals and discharges (to
 * random destinations), in random arrival order, with random corrections and cancellations, some refused.
 * jqwik's arbitraries generate the plans (a failure names the plan, arrival order included).
 */
public final class RandomStayHistories {

    public static final Caller INTEGRATION = new Caller("property-test", Set.of(Roles.INTEGRATION), null, null);

    private final StayRegistration registration;
    private final StayEvents events;

    public RandomStayHistories(StayRegistration registration, StayEvents events) {
        this.registration = registration;
        this.events = events;
    }

    enum End { WITHDRAWN, DISCHARGED, OPEN }

    record PlannedAnswer(boolean canReceive, int daysAfterNotice, int readyInDays) {
    }

    record PlannedPeriod(int gapDays, int declaredHour, boolean documented, int noticeAfterDays, List<PlannedAnswer> answers,
                         int lengthDays, End end) {
    }

    /**
     * Whose stay it is: the patient (one of a few reused ones, so some patients have several stays), the residence
     * municipality, the service area and where the patient goes at discharge.
     */
    public record Who(String patient, String municipality, ServiceArea area, DischargeDestination destination) {
    }

    public record Plan(int admittedDay, int admissionNoticeHours, Who who, List<PlannedPeriod> periods, long arrivalSeed,
                       int corrections, int cancellations) {
    }

    /** A few patients of every kind of identifier, reused across plans. */
    private static final List<String> PATIENTS = List.of(TestPatients.fodselsnummer(), TestPatients.fodselsnummer(),
            TestPatients.fodselsnummer(), TestPatients.dNummer(), TestPatients.fellesHjelpenummer());

    public static Arbitrary<Plan> plans() {
        Arbitrary<PlannedAnswer> answer = Combinators.combine(Arbitraries.of(true, false), Arbitraries.integers().between(0, 3),
                Arbitraries.integers().between(0, 6)).as(PlannedAnswer::new);
        Arbitrary<PlannedPeriod> period = Combinators.combine(Arbitraries.integers().between(0, 5), Arbitraries.integers().between(0, 23),
                Arbitraries.of(true, true, true, false), Arbitraries.integers().between(-1, 2), answer.list().ofMaxSize(3),
                Arbitraries.integers().between(0, 40), Arbitraries.of(End.values())).as(PlannedPeriod::new);
        // Admission notice hours after admission: -1 none, beyond 24 late (§ 8).
        return Combinators.combine(Arbitraries.integers().between(0, 700), Arbitraries.integers().between(-1, 40),
                who(), period.list().ofMaxSize(3), Arbitraries.longs(),
                Arbitraries.integers().between(0, 3), Arbitraries.integers().between(0, 2)).as(Plan::new);
    }

    private static Arbitrary<Who> who() {
        return Combinators.combine(Arbitraries.oneOf(Arbitraries.of(PATIENTS), Arbitraries.create(TestPatients::fodselsnummer)),
                Arbitraries.of("1840", "1841", "5501"), Arbitraries.of(ServiceArea.SOMATIC, ServiceArea.MENTAL_HEALTH, ServiceArea.ADDICTION),
                Arbitraries.of(DischargeDestination.values())).as(Who::new);
    }

    /** Registers the stay and plays the plan; returns the stay's id. */
    public UUID play(Plan plan) {
        Instant admitted = LocalDateTime.of(2023, 1, 1, 8, 0).atZone(OsloTime.ZONE).toInstant().plus(Duration.ofDays(plan.admittedDay()));
        StayView stay = registration.register(INTEGRATION, new StayCommands.RegisterStay(plan.who().patient(), StayApi.UNN,
                "Post 5B", plan.who().area(), plan.who().municipality(), null, admitted));
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
                planned.add(new Discharged(end, plan.who().destination()));
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

}

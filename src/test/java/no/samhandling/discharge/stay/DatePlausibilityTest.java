package no.samhandling.discharge.stay;

import no.samhandling.discharge.stay.DatePlausibility.Implausible;
import no.samhandling.discharge.stay.StayEvent.AdmissionNoticeSent;
import no.samhandling.discharge.stay.StayEvent.Admitted;
import no.samhandling.discharge.stay.StayEvent.Discharged;
import no.samhandling.discharge.stay.StayEvent.MunicipalityAnswered;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;

import static org.assertj.core.api.Assertions.assertThat;

class DatePlausibilityTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 2);
    private final DatePlausibility rules = new DatePlausibility(LocalDate.of(2012, 1, 1), Period.ofYears(1));

    @Test
    void anEventOnTheEarliestDateInOsloIsAcceptedAndTheDayBeforeIsNot() {
        // Midnight in Oslo is 23:00 UTC the evening before: the Oslo date counts.
        assertThat(rules.check(new Admitted(Instant.parse("2011-12-31T23:00:00Z")), TODAY)).isEmpty();
        assertThat(rules.check(new Admitted(Instant.parse("2011-12-31T22:59:59Z")), TODAY))
                .containsExactly(new Implausible("admittedAt", "lies before 2012-01-01, the earliest date this service accepts"));
    }

    @Test
    void eachEventNamesItsOwnTimeField() {
        assertThat(rules.check(new Discharged(Instant.parse("1900-01-01T10:00:00Z"), DischargeDestination.HOME), TODAY))
                .extracting(Implausible::field).containsExactly("dischargedAt");
        assertThat(rules.check(new AdmissionNoticeSent(Instant.parse("1900-01-01T10:00:00Z"), null, "Hjemmesykepleie", false), TODAY))
                .extracting(Implausible::field).containsExactly("sentAt");
    }

    @Test
    void aPlannedDateUpToTheHorizonIsAcceptedAndTheDayAfterIsNot() {
        Instant now = Instant.parse("2026-03-02T10:00:00Z");
        assertThat(rules.check(new MunicipalityAnswered(now, true, LocalDate.of(2027, 3, 2), null, null), TODAY)).isEmpty();
        assertThat(rules.check(new MunicipalityAnswered(now, true, LocalDate.of(2027, 3, 3), null, null), TODAY))
                .containsExactly(new Implausible("readyFrom", "lies more than P1Y ahead (after 2027-03-02)"));
        assertThat(rules.check(new MunicipalityAnswered(now, false, null, LocalDate.of(2999, 1, 1), null), TODAY))
                .extracting(Implausible::field).containsExactly("expectedReadyOn");
        assertThat(rules.check(new AdmissionNoticeSent(now, LocalDate.of(2030, 1, 1), "Hjemmesykepleie", false), TODAY))
                .extracting(Implausible::field).containsExactly("expectedDischargeDate");
    }

    @Test
    void aPlannedDateBeforeTheEarliestDateIsRefusedToo() {
        Instant now = Instant.parse("2026-03-02T10:00:00Z");
        assertThat(rules.check(new AdmissionNoticeSent(now, LocalDate.of(2011, 12, 31), "Hjemmesykepleie", false), TODAY))
                .containsExactly(new Implausible("expectedDischargeDate", "lies before 2012-01-01, the earliest date this service accepts"));
        assertThat(rules.check(new AdmissionNoticeSent(now, LocalDate.of(2012, 1, 1), "Hjemmesykepleie", false), TODAY)).isEmpty();
    }
}

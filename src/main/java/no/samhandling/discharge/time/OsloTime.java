package no.samhandling.discharge.time;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/** Norwegian calendar time: day and year boundaries are those of Europe/Oslo. */
public final class OsloTime {

    public static final ZoneId ZONE = ZoneId.of("Europe/Oslo");

    private OsloTime() {
    }

    public static LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(ZONE));
    }

    /** The clock every bean uses, so that tests can reason about "today" in one place. */
    @ApplicationScoped
    public static class ClockProducer {
        @Produces
        @ApplicationScoped
        Clock clock() {
            return Clock.system(ZONE);
        }
    }
}

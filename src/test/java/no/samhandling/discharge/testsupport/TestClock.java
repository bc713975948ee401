package no.samhandling.discharge.testsupport;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import no.samhandling.discharge.time.OsloTime;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

/**
 * The clock of every Quarkus test: the system clock, unless a test fixes it ({@link #fixAt}) to assert
 * what "today" gives; such a test lets go of it afterwards ({@link #release}).
 */
public final class TestClock extends Clock {

    private static volatile Instant fixed;

    /** Fixes "now" at an Oslo wall-clock time, e.g. {@code 2024-06-10T12:00}. */
    public static void fixAt(String osloTime) {
        fixed = LocalDateTime.parse(osloTime).atZone(OsloTime.ZONE).toInstant();
    }

    public static void release() {
        fixed = null;
    }

    @Override
    public ZoneId getZone() {
        return OsloTime.ZONE;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return zone.equals(OsloTime.ZONE) ? this : Clock.fixed(instant(), zone);
    }

    @Override
    public Instant instant() {
        Instant now = fixed;
        return now != null ? now : Instant.now();
    }

    /** Replaces the service's clock in tests. */
    @Alternative
    @Priority(1)
    @ApplicationScoped
    public static class Producer {
        @Produces
        @ApplicationScoped
        Clock clock() {
            return new TestClock();
        }
    }
}

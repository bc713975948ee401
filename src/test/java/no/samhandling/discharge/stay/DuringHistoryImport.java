package no.samhandling.discharge.stay;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs a fault once, in the middle of the next history import: after its stays, events, periods and days were
 * copied in and before the statistics observer copies its rows and the transaction commits.
 */
@ApplicationScoped
public class DuringHistoryImport {

    private static final AtomicReference<Runnable> NEXT = new AtomicReference<>();

    public static void next(Runnable fault) {
        NEXT.set(fault);
    }

    void during(@Observes @Priority(1) StayFiguresStoredInBulk stored) {
        Runnable fault = NEXT.getAndSet(null);
        if (fault != null) {
            fault.run();
        }
    }
}

package no.samhandling.discharge.bench.data;

import java.time.Instant;
import java.util.List;

/**
 * One generated stay as the requests a ward and an intake team would send, in order: the registration
 * ({@code POST /stays}) and then each event ({@code POST /stays/{id}/<path>}). A step with
 * {@code correctsPrevious} corrects the event the step before it recorded.
 */
public record StayScript(String residenceMunicipality, boolean hasDischargeReadyDays, Instant admittedAt, String registration,
                         List<Step> steps) {

    public record Step(String path, String json, Instant at, boolean correctsPrevious) {
    }

    /** The steps that have happened by {@code now}: a stay whose discharge lies ahead is still open. */
    public List<Step> stepsBy(Instant now) {
        return steps.stream().takeWhile(step -> !step.at().isAfter(now)).toList();
    }
}

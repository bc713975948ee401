package no.samhandling.discharge.capacity;

import java.util.ArrayList;
import java.util.List;

/**
 * What a municipality reports for one care level on one day, after HL7 SANER's bed counts: places in
 * all ({@code numTotBeds}, optional), places taken ({@code numBedsOcc}, optional) and places free
 * ({@code numTotBedsAvail}, required: it is what an intake team confirms).
 */
public record CapacityFigures(Integer total, Integer occupied, int available) {

    /**
     * What is wrong with the figures, in words an intake team can act on; empty when they add up. Free
     * places are never negative and never more than all places; when all places and places taken are
     * both given, free places are the difference (SANER: numTotBedsAvail = numTotBeds − numBedsOcc).
     */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (available < 0) {
            problems.add("free places cannot be negative");
        }
        if (total != null && total < 0) {
            problems.add("places in all cannot be negative");
        }
        if (occupied != null && occupied < 0) {
            problems.add("places taken cannot be negative");
        }
        if (!problems.isEmpty()) {
            return problems;
        }
        if (total != null && available > total) {
            problems.add("free places (" + available + ") cannot be more than places in all (" + total + ")");
        }
        if (total != null && occupied != null) {
            if (occupied > total) {
                problems.add("places taken (" + occupied + ") cannot be more than places in all (" + total + ")");
            } else if (available != total - occupied) {
                problems.add("free places must be places in all minus places taken (" + total + " − " + occupied + " = "
                        + (total - occupied) + "), not " + available);
            }
        }
        return problems;
    }
}

package no.samhandling.discharge.stay;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The corrected history of a stay: the recorded events with every correction applied and every
 * cancelled event left out, in the order they happened. Figures are computed from this, so a late or
 * corrected event recomputes them, and the order in which events arrived does not matter.
 */
public final class StayHistory {

    /** An event of the corrected history, under the id of the event first recorded for it. */
    public record Effective(UUID id, StayEvent event) {
    }

    private static final Comparator<Effective> IN_ORDER_OF_OCCURRENCE = Comparator
            .comparing((Effective e) -> e.event().occurredAt())
            .thenComparing(e -> e.event().type())
            .thenComparing(Effective::id);

    private final Map<UUID, UUID> originalOf = new HashMap<>();
    private final Map<UUID, StayEvent> current = new LinkedHashMap<>();
    private final Map<UUID, UUID> recordInForce = new HashMap<>();

    private StayHistory(List<RecordedEvent> recorded) {
        List<RecordedEvent> inArrivalOrder = new ArrayList<>(recorded);
        inArrivalOrder.sort(Comparator.comparingLong(RecordedEvent::sequence));
        for (RecordedEvent event : inArrivalOrder) {
            if (event.isCancellation()) {
                UUID original = originalOf.getOrDefault(event.cancels(), event.cancels());
                current.remove(original);
                recordInForce.remove(original);
            } else if (event.isCorrection()) {
                UUID original = originalOf.getOrDefault(event.replaces(), event.replaces());
                originalOf.put(event.id(), original);
                if (current.containsKey(original)) {
                    current.put(original, event.event());
                    recordInForce.put(original, event.id());
                }
            } else {
                originalOf.put(event.id(), event.id());
                current.put(event.id(), event.event());
                recordInForce.put(event.id(), event.id());
            }
        }
    }

    public static List<Effective> effective(List<RecordedEvent> recorded) {
        return new StayHistory(recorded).inOrderOfOccurrence();
    }

    /** The event in force for a recorded id (an original's, or one of its corrections'); empty if cancelled or unknown. */
    public static Optional<Effective> find(List<RecordedEvent> recorded, UUID id) {
        StayHistory history = new StayHistory(recorded);
        UUID original = history.originalOf.get(id);
        return Optional.ofNullable(original == null ? null : history.current.get(original))
                .map(event -> new Effective(original, event));
    }

    /** The ids of the recorded events whose data is in force: the latest correction of each event not cancelled. */
    public static Set<UUID> recordsInForce(List<RecordedEvent> recorded) {
        return Set.copyOf(new StayHistory(recorded).recordInForce.values());
    }

    private List<Effective> inOrderOfOccurrence() {
        List<Effective> effective = new ArrayList<>();
        current.forEach((id, event) -> effective.add(new Effective(id, event)));
        effective.sort(IN_ORDER_OF_OCCURRENCE);
        return effective;
    }
}

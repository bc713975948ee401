package no.samhandling.discharge.stay;

import java.util.UUID;

/**
 * An event as recorded, in arrival order ({@code sequence}). A correction carries the corrected data
 * and names the event it replaces; a cancellation names the event it cancels and carries no data
 * (MedCom's revise/cancel, PLO's forsendelsesstatus M/C).
 */
public record RecordedEvent(UUID id, long sequence, StayEvent event, UUID replaces, UUID cancels, String reason) {

    public static RecordedEvent original(UUID id, long sequence, StayEvent event) {
        return new RecordedEvent(id, sequence, event, null, null, null);
    }

    public static RecordedEvent correction(UUID id, long sequence, UUID replaces, StayEvent corrected, String reason) {
        return new RecordedEvent(id, sequence, corrected, replaces, null, reason);
    }

    public static RecordedEvent cancellation(UUID id, long sequence, UUID cancels, String reason) {
        return new RecordedEvent(id, sequence, null, null, cancels, reason);
    }

    public boolean isCancellation() {
        return cancels != null;
    }

    public boolean isCorrection() {
        return replaces != null;
    }
}

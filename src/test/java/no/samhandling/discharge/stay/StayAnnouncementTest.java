package no.samhandling.discharge.stay;

import no.samhandling.discharge.messaging.MessageStatus;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class StayAnnouncementTest {

    private static final UUID SENT = UUID.fromString("5d7f3c1e-2b8a-4c6d-9e0f-1a2b3c4d5e6f");

    @Test
    void anOriginalIsANewMessageReplacingNothing() {
        assertThat(StayAnnouncement.of("original", null)).contains(new StayAnnouncement(MessageStatus.NEW, null));
    }

    @Test
    void aCorrectionOfASentEventIsACorrectedMessageReferringToIt() {
        assertThat(StayAnnouncement.of("correction", SENT)).contains(new StayAnnouncement(MessageStatus.CORRECTED, SENT));
    }

    @Test
    void aCorrectionOfAnEventNeverSentIsANewMessageOfItsKind() {
        assertThat(StayAnnouncement.of("correction", null)).contains(new StayAnnouncement(MessageStatus.NEW, null));
    }

    @Test
    void aCancellationOfASentEventIsACancelledMessageReferringToIt() {
        assertThat(StayAnnouncement.of("cancellation", SENT)).contains(new StayAnnouncement(MessageStatus.CANCELLED, SENT));
    }

    @Test
    void aCancellationOfAnEventNeverSentIsNotAnnounced() {
        assertThat(StayAnnouncement.of("cancellation", null)).isEmpty();
    }
}

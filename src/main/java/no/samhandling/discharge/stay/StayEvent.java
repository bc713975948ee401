package no.samhandling.discharge.stay;

import java.time.Instant;
import java.time.LocalDate;

/**
 * What happened in a stay, in the order of the regulation (domain.md, "The flow and its rules"). Each
 * is recorded as it is reported; corrections and cancellations are recorded events too (see
 * {@link RecordedEvent}), and every figure is recomputed from the corrected history.
 */
public sealed interface StayEvent {

    Instant occurredAt();

    EventType type();

    /** The patient was admitted to the ward (innleggelse). */
    record Admitted(Instant occurredAt) implements StayEvent {
        public EventType type() {
            return EventType.ADMITTED;
        }
    }

    /** § 8: notice to the municipality that the patient is expected to need municipal services (NPR 1). */
    record AdmissionNoticeSent(Instant occurredAt, LocalDate expectedDischargeDate, String expectedNeeds,
                               boolean needAroseDuringStay) implements StayEvent {
        public EventType type() {
            return EventType.ADMISSION_NOTICE_SENT;
        }
    }

    /**
     * § 9: a doctor (in mental health and addiction care a doctor or psychologist) declared the patient
     * discharge-ready (NPR 2), with the assessment documented.
     */
    record DeclaredDischargeReady(Instant occurredAt, String assessorHprNumber, Assessment assessment,
                                  FollowUpConditions followUp, String needs) implements StayEvent {
        public EventType type() {
            return EventType.DECLARED_DISCHARGE_READY;
        }
    }

    /** § 9 first paragraph: what the declaration must document. */
    record Assessment(boolean problemsAtAdmissionClarified, boolean diagnosisAndFollowUpPlanSet,
                      boolean functionLevelAssessed) {
        public boolean complete() {
            return problemsAtAdmissionClarified && diagnosisAndFollowUpPlanSet && functionLevelAssessed;
        }
    }

    /** § 9 second paragraph, mental health and addiction care only. */
    record FollowUpConditions(boolean cooperationMeetingCalled, boolean hospitalFollowUpClarified) {
        public boolean complete() {
            return cooperationMeetingCalled && hospitalFollowUpClarified;
        }
    }

    /** § 10: the municipality was told the same day that the patient is discharge-ready (NPR 3). */
    record DischargeReadyNoticeSent(Instant occurredAt) implements StayEvent {
        public EventType type() {
            return EventType.DISCHARGE_READY_NOTICE_SENT;
        }
    }

    /**
     * § 11: the municipality can receive the patient from {@code readyFrom} (NPR 7), or cannot yet and
     * expects an offer by {@code expectedReadyOn} (NPR 6).
     */
    record MunicipalityAnswered(Instant occurredAt, boolean canReceive, LocalDate readyFrom,
                                LocalDate expectedReadyOn, String offer) implements StayEvent {
        public EventType type() {
            return EventType.MUNICIPALITY_ANSWERED;
        }
    }

    /** Avmelding (NPR 4): the patient is no longer discharge-ready; the period ends. */
    record Withdrawn(Instant occurredAt, String reason) implements StayEvent {
        public EventType type() {
            return EventType.WITHDRAWN;
        }
    }

    /** Utskrevet: the patient left the hospital. */
    record Discharged(Instant occurredAt, DischargeDestination destination) implements StayEvent {
        public EventType type() {
            return EventType.DISCHARGED;
        }
    }
}

package no.samhandling.discharge.stay;

import jakarta.enterprise.context.ApplicationScoped;
import no.samhandling.discharge.security.Caller;
import no.samhandling.discharge.stay.StayCommands.RegisterStay;
import no.samhandling.discharge.stay.StayHistory.Effective;
import no.samhandling.discharge.stay.StayViews.StayView;

import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * What the stay message handlers ({@link HospitalStayMessages}, {@link MunicipalityResponseMessages}) do
 * with stays: register one, record, correct and cancel its events. No logic of its own: the use cases
 * live in {@link StayRegistration} and {@link StayEvents} (reads in {@link StayQueries}, the work list
 * in {@link WorkList}).
 */
@ApplicationScoped
public class StayService {

    private final StayRegistration registration;
    private final StayEvents events;

    StayService(StayRegistration registration, StayEvents events) {
        this.registration = registration;
        this.events = events;
    }

    public boolean exists(UUID stayId) {
        return registration.exists(stayId);
    }

    public StayView register(Caller caller, RegisterStay command, UUID stayId) {
        return registration.register(caller, command, stayId);
    }

    public void record(Caller caller, UUID stayId, OptionalLong expectedVersion, StayEvent event, String sourceMessageId) {
        events.record(caller, stayId, expectedVersion, event, sourceMessageId);
    }

    public void correct(Caller caller, UUID stayId, UUID eventId, OptionalLong expectedVersion, StayEvent correctedEvent,
                        String reason, String sourceMessageId) {
        events.correct(caller, stayId, eventId, expectedVersion, correctedEvent, reason, sourceMessageId);
    }

    public void cancel(Caller caller, UUID stayId, UUID eventId, OptionalLong expectedVersion, String reason, String sourceMessageId) {
        events.cancel(caller, stayId, eventId, expectedVersion, reason, sourceMessageId);
    }

    public List<Effective> eventsOfMessage(Caller caller, UUID stayId, String messageId) {
        return events.eventsOfMessage(caller, stayId, messageId);
    }
}

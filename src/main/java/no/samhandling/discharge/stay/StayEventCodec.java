package no.samhandling.discharge.stay;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Map;

/** Stores an event's data as JSON in {@code stay_event.payload} and reads it back by its type. */
@ApplicationScoped
public class StayEventCodec {

    private static final Map<EventType, Class<? extends StayEvent>> CLASSES = Map.of(
            EventType.ADMITTED, StayEvent.Admitted.class,
            EventType.ADMISSION_NOTICE_SENT, StayEvent.AdmissionNoticeSent.class,
            EventType.DECLARED_DISCHARGE_READY, StayEvent.DeclaredDischargeReady.class,
            EventType.DISCHARGE_READY_NOTICE_SENT, StayEvent.DischargeReadyNoticeSent.class,
            EventType.MUNICIPALITY_ANSWERED, StayEvent.MunicipalityAnswered.class,
            EventType.WITHDRAWN, StayEvent.Withdrawn.class,
            EventType.DISCHARGED, StayEvent.Discharged.class);

    private final ObjectMapper json;

    StayEventCodec(ObjectMapper json) {
        this.json = json;
    }

    public String write(StayEvent event) {
        try {
            return json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot store a " + event.type().code() + " event", e);
        }
    }

    public StayEvent read(String type, String payload) {
        try {
            return json.readValue(payload, CLASSES.get(EventType.fromCode(type)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored " + type + " event cannot be read", e);
        }
    }

    public List<RecordedEvent> recorded(List<StayEventRow> rows) {
        return rows.stream().map(row -> switch (row.kind) {
            case "original" -> RecordedEvent.original(row.id, row.sequence, read(row.type, row.payload));
            case "correction" -> RecordedEvent.correction(row.id, row.sequence, row.replaces, read(row.type, row.payload), row.reason);
            default -> RecordedEvent.cancellation(row.id, row.sequence, row.cancels, row.reason);
        }).toList();
    }
}

package no.samhandling.discharge.stay;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import no.samhandling.discharge.codes.Coded;
import no.samhandling.discharge.reference.DailyRate;
import no.samhandling.discharge.stay.StayViews.EventView;
import no.samhandling.discharge.stay.StayViews.FiguresView;
import no.samhandling.discharge.stay.StayViews.PatientView;
import no.samhandling.discharge.stay.StayViews.StaySummary;
import no.samhandling.discharge.stay.StayViews.StayView;
import no.samhandling.discharge.time.OsloTime;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * What the stay endpoints answer, from the stay row, its stored figures (an ongoing period counted up to
 * today from its stored facts) and the daily rates; the events' JSON is read only for the one stay whose
 * history is shown.
 */
@ApplicationScoped
class StayViewing {

    private final StayEventCodec codec;
    private final StayFigureStore figures;
    private final Clock clock;
    private final ObjectMapper json;

    StayViewing(StayEventCodec codec, StayFigureStore figures, Clock clock, ObjectMapper json) {
        this.codec = codec;
        this.figures = figures;
        this.clock = clock;
        this.json = json;
    }

    LocalDate today() {
        return OsloTime.today(clock);
    }

    /** The daily rate (døgnpris) of each year an administrator has entered. */
    static Map<Integer, BigDecimal> dailyRates() {
        return DailyRate.<DailyRate>listAll().stream().collect(Collectors.toMap(rate -> rate.year, rate -> rate.nokPerDay));
    }

    StayView view(StayEvents.Appended appended) {
        return view(appended.stay(), appended.rows());
    }

    StayView view(Stay stay, List<StayEventRow> rows) {
        List<RecordedEvent> recorded = codec.recorded(rows);
        Set<UUID> inForceRows = StayHistory.recordsInForce(recorded);
        List<EventView> events = rows.stream().map(row -> new EventView(row.id, row.sequence, row.kind, EventType.fromCode(row.type),
                row.occurredAt, row.replaces, row.cancels, row.reason, inForceRows.contains(row.id),
                row.payload == null ? null : readTree(row.payload), row.recordedAt, row.recordedBy)).toList();
        Map<Integer, BigDecimal> rates = dailyRates();
        StayFigures stayFigures = figuresOf(figures.periodsOf(stay.id));
        return new StayView(stay.id, PatientView.of(stay), stay.hospital, stay.ward, StayFigureStore.serviceArea(stay),
                stay.residenceMunicipality, stay.payingMunicipality, stay.admittedAt, status(stay),
                FiguresView.of(stayFigures, p -> BilledAmount.of(p.billableDaysByMonth(), rates), stay.figuresRulesVersion), events,
                stay.version);
    }

    StaySummary summary(Stay stay, List<PeriodFacts> periods, Map<Integer, BigDecimal> rates) {
        StayFigures stayFigures = figuresOf(periods);
        Optional<PeriodFigures> current = stayFigures.periods().stream().filter(PeriodFigures::ongoing).findFirst();
        BilledAmount amount = BilledAmount.of(stayFigures.billableDaysByMonth(), rates);
        return new StaySummary(stay.id, PatientView.of(stay), stay.hospital, stay.ward, StayFigureStore.serviceArea(stay),
                stay.payingMunicipality, stay.admittedAt, status(stay), current.map(PeriodFigures::declaredOn).orElse(null),
                current.map(PeriodFigures::dischargeReadyDays).orElse(0), stayFigures.billableDays(), amount.nok(),
                amount.unknownRateYears(), stay.version);
    }

    StayFigures figuresOf(List<PeriodFacts> periods) {
        LocalDate today = today();
        return new StayFigures(periods.stream().map(facts -> DayCounter.figures(facts, today)).toList());
    }

    private JsonNode readTree(String payload) {
        try {
            return json.readTree(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static StayStatus status(Stay stay) {
        return Coded.find(StayStatus.class, stay.status).orElseThrow(() -> new IllegalStateException("unknown status on " + stay));
    }
}

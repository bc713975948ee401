package no.samhandling.discharge.stay;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A stay's stored figures were replaced ({@link StayFigureStore}): fired synchronously inside the event's
 * transaction, so an observer that keeps figures derived from them (statistics' aggregates) commits or rolls
 * back with the event. Carries what such figures are grouped by; no identifier, only the birth date it encodes.
 *
 * @param destination where the patient was discharged to; null while not discharged
 * @param birthDate   the patient's birth date from the identifier; null when it encodes none (felles hjelpenummer)
 * @param periods     every period with its stored days (an open period's up to the day before today)
 * @param patientNumber the patient's number for the statistics ({@link PatientNumbers}), not the identifier
 */
public record StayFiguresStored(UUID stayId, String payingMunicipality, String residenceMunicipality, ServiceArea serviceArea,
                                String hospital, DischargeDestination destination, LocalDate birthDate, List<StoredPeriod> periods,
                                long patientNumber) {

    public StayFiguresStored {
        periods = List.copyOf(periods);
    }

    /** The same figures of a stay whose patient number was given after they were counted (the history import). */
    public StayFiguresStored withPatientNumber(long number) {
        return new StayFiguresStored(stayId, payingMunicipality, residenceMunicipality, serviceArea, hospital, destination, birthDate, periods, number);
    }

    /** A period's facts and its stored days. */
    public record StoredPeriod(PeriodFacts facts, List<DayFact> days) {
        public StoredPeriod {
            days = List.copyOf(days);
        }
    }

    @Override
    public String toString() {
        return "StayFiguresStored[" + stayId + "]";
    }
}

package no.samhandling.discharge.stay;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hibernate.Session;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The patient's number for the statistics ({@code stay.patient_number}, V70): a patient's later stays get the number of
 * the earlier ones; a patient new to the service gets the next of a sequence. A number is never derived from the
 * identifier, so the statistics' rows can carry it while the identifier stays in the stay row.
 *
 * <p>A new patient's number is given under one transaction lock, held until commit: a second transaction registering
 * the same new patient at the same time waits, then finds the first one's stay (a second number would count one
 * patient twice and weaken the suppression of small counts). Patients already known need no lock.
 */
@ApplicationScoped
public class PatientNumbers {

    /** A patient as the stay row names them. */
    public record Patient(String kind, String identifier) {
    }

    private final EntityManager entityManager;

    PatientNumbers(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public long numberOf(Patient patient) {
        return numbersOf(Set.of(patient)).get(patient);
    }

    /** The numbers of these patients, new numbers for the patients not yet known. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<Patient, Long> numbersOf(Set<Patient> patients) {
        Map<Patient, Long> known = known(patients);
        if (known.size() == patients.size()) {
            return known;
        }
        lockForNewPatients();
        Map<Patient, Long> numbers = known(patients);
        List<Patient> unknown = patients.stream().filter(patient -> !numbers.containsKey(patient)).toList();
        List<Long> next = nextNumbers(unknown.size());
        for (int i = 0; i < unknown.size(); i++) {
            numbers.put(unknown.get(i), next.get(i));
        }
        return numbers;
    }

    /**
     * Takes the lock new patients' numbers are given under, until the transaction ends. A transaction that will give
     * numbers after it has locked rows others may wait for (a batch of many stays) takes it first, so that no two
     * transactions can wait for each other.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lockForNewPatients() {
        entityManager.createNativeQuery("SELECT 1 FROM (SELECT pg_advisory_xact_lock(hashtext('patient-number'), 0)) AS locked")
                .getSingleResult();
    }

    private Map<Patient, Long> known(Set<Patient> patients) {
        Map<Patient, Long> numbers = new HashMap<>();
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT DISTINCT s.patient_identifier_kind, s.patient_identifier, "
                    + "s.patient_number FROM stay s JOIN unnest(?::varchar[], ?::varchar[]) AS p (kind, identifier) "
                    + "ON s.patient_identifier_kind = p.kind AND s.patient_identifier = p.identifier")) {
                select.setArray(1, connection.createArrayOf("varchar", patients.stream().map(Patient::kind).toArray()));
                select.setArray(2, connection.createArrayOf("varchar", patients.stream().map(Patient::identifier).toArray()));
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        numbers.put(new Patient(rows.getString(1), rows.getString(2)), rows.getLong(3));
                    }
                }
            }
        });
        return numbers;
    }

    private List<Long> nextNumbers(int count) {
        @SuppressWarnings("unchecked")
        List<Number> next = entityManager.createNativeQuery("SELECT nextval('patient_number_seq') FROM generate_series(1, ?1)")
                .setParameter(1, count).getResultList();
        return next.stream().map(Number::longValue).toList();
    }
}

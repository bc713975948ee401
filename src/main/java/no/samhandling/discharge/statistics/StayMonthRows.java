package no.samhandling.discharge.statistics;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Rows of days of the shape of {@code statistics_stay_month}: per stay, its patient, paying and residence municipality,
 * service area, age group, hospital, care level and year, its discharge-ready and billable days. A whole month's rows
 * of every municipality are kept (at national scale about 3 000 a month), so that a figure over a year after a change
 * in one month reads that month again and counts the rest in memory. Stored by column (about 60 bytes a row): the
 * strings are few distinct values, each held once.
 */
final class StayMonthRows {

    private final long[] stayHigh;
    private final long[] stayLow;
    private final long[] patient;
    private final String[] paying;
    private final String[] residence;
    private final String[] serviceArea;
    private final String[] ageGroup;
    private final String[] hospital;
    private final String[] careLevel;
    private final int[] year;
    private final int[] readyDays;
    private final int[] billableDays;

    private StayMonthRows(Builder b) {
        stayHigh = b.stayHigh;
        stayLow = b.stayLow;
        patient = b.patient;
        paying = b.paying;
        residence = b.residence;
        serviceArea = b.serviceArea;
        ageGroup = b.ageGroup;
        hospital = b.hospital;
        careLevel = b.careLevel;
        year = b.year;
        readyDays = b.readyDays;
        billableDays = b.billableDays;
    }

    int size() {
        return readyDays.length;
    }

    /** The stay's UUID's two halves (counting distinct stays without a UUID object per row). */
    long stayHigh(int i) {
        return stayHigh[i];
    }

    long stayLow(int i) {
        return stayLow[i];
    }

    long patient(int i) {
        return patient[i];
    }

    /** The municipality whose days the row's are on the basis. */
    String municipality(Basis basis, int i) {
        return basis == Basis.PAYING ? paying[i] : residence[i];
    }

    String serviceArea(int i) {
        return serviceArea[i];
    }

    String ageGroup(int i) {
        return ageGroup[i];
    }

    String hospital(int i) {
        return hospital[i];
    }

    /** The municipal care level the patient was discharged to; "" where none (not yet discharged, or home, …). */
    String careLevel(int i) {
        return careLevel[i];
    }

    int year(int i) {
        return year[i];
    }

    int readyDays(int i) {
        return readyDays[i];
    }

    int billableDays(int i) {
        return billableDays[i];
    }

    /** The estimated heap size: the arrays (the strings are shared by the rows and few). */
    long bytes() {
        return Footprint.of(1, 0, 0) + 12L * 16 + (long) size() * (3 * Long.BYTES + 6 * 4 + 3 * Integer.BYTES);
    }

    /** Collects rows as they are read. */
    static final class Builder {
        private int size;
        private long[] stayHigh = new long[16];
        private long[] stayLow = new long[16];
        private long[] patient = new long[16];
        private String[] paying = new String[16];
        private String[] residence = new String[16];
        private String[] serviceArea = new String[16];
        private String[] ageGroup = new String[16];
        private String[] hospital = new String[16];
        private String[] careLevel = new String[16];
        private int[] year = new int[16];
        private int[] readyDays = new int[16];
        private int[] billableDays = new int[16];
        private final Map<String, String> strings = new HashMap<>();

        void add(UUID stay, long patientNumber, String payingMunicipality, String residenceMunicipality, String area, String age,
                    String hospitalNumber, String care, int dayYear, int ready, int billable) {
            if (size == readyDays.length) {
                grow();
            }
            stayHigh[size] = stay.getMostSignificantBits();
            stayLow[size] = stay.getLeastSignificantBits();
            patient[size] = patientNumber;
            paying[size] = shared(payingMunicipality);
            residence[size] = shared(residenceMunicipality);
            serviceArea[size] = shared(area);
            ageGroup[size] = shared(age);
            hospital[size] = shared(hospitalNumber);
            careLevel[size] = shared(care == null ? "" : care);
            year[size] = dayYear;
            readyDays[size] = ready;
            billableDays[size] = billable;
            size++;
        }

        private String shared(String value) {
            return strings.computeIfAbsent(value, v -> v);
        }

        private void grow() {
            resize(readyDays.length * 2);
        }

        /** Every column to {@code capacity} rows: twice as many while reading, exactly the rows read when built. */
        private void resize(int capacity) {
            stayHigh = Arrays.copyOf(stayHigh, capacity);
            stayLow = Arrays.copyOf(stayLow, capacity);
            patient = Arrays.copyOf(patient, capacity);
            paying = Arrays.copyOf(paying, capacity);
            residence = Arrays.copyOf(residence, capacity);
            serviceArea = Arrays.copyOf(serviceArea, capacity);
            ageGroup = Arrays.copyOf(ageGroup, capacity);
            hospital = Arrays.copyOf(hospital, capacity);
            careLevel = Arrays.copyOf(careLevel, capacity);
            year = Arrays.copyOf(year, capacity);
            readyDays = Arrays.copyOf(readyDays, capacity);
            billableDays = Arrays.copyOf(billableDays, capacity);
        }

        /** The rows read; the builder is not used after. */
        StayMonthRows build() {
            resize(size);
            return new StayMonthRows(this);
        }
    }
}

package no.samhandling.discharge.statistics;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/** One group's days in one range (and service area, or all): the sums every figure is made from. */
final class Tally {
    long ready;
    long billable;
    long stays;
    long patients;
    final Map<String, Long> readyByAge = new TreeMap<>();
    final Map<String, Long> billableByAge = new TreeMap<>();
    final Map<Integer, Long> billableByYear = new TreeMap<>();
    final Map<String, Long> readyByHospital = new TreeMap<>();
    final Map<String, Long> readyByCareLevel = new TreeMap<>();

    void add(String age, String hospital, String careLevel, int year, long readyDays, long billableDays) {
        ready += readyDays;
        billable += billableDays;
        readyByAge.merge(age, readyDays, Long::sum);
        billableByAge.merge(age, billableDays, Long::sum);
        billableByYear.merge(year, billableDays, Long::sum);
        readyByHospital.merge(hospital, readyDays, Long::sum);
        readyByCareLevel.merge(careLevel, readyDays, Long::sum);
    }

    /** The estimated size of a tally and its five maps. */
    long bytes() {
        return Footprint.of(1, 5, readyByAge.size() + billableByAge.size() + billableByYear.size() + readyByHospital.size()
                + readyByCareLevel.size());
    }

    /** The estimated size of a map of tallies (each under a key of its own). */
    static long bytes(Map<String, Tally> tallies) {
        return Footprint.of(0, 1, tallies.size()) + tallies.values().stream().mapToLong(Tally::bytes).sum();
    }

    /** Where a group's tally of a range (current or previous) and service area ({@code null}: all) is found. */
    static String key(String group, boolean current, String serviceArea) {
        return group + "|" + current + "|" + (serviceArea == null ? "" : serviceArea);
    }

    /** The sums of the rows alike in everything a tally tells apart (they are added to the tallies once each). */
    private record Sums(String group, String serviceArea, String ageGroup, String hospital, String careLevel, int year) {
    }

    /**
     * The tallies of one range from all its rows: those of a municipality among {@code members} (on the basis) and, when
     * {@code serviceArea} is given, of that service area; per group ({@code groupOf} the municipality) for all service
     * areas and, when {@code byServiceArea}, for each, the days summed by age group, hospital, care level and year, and the
     * distinct stays and patients. A group without rows has no tally.
     */
    static Map<String, Tally> of(List<StayMonthRows> rows, Basis basis, Set<String> members, String serviceArea, boolean byServiceArea,
                                 Function<String, String> groupOf, boolean current) {
        Map<Sums, long[]> sums = new HashMap<>();
        // Per municipality its group's counters (all service areas, then one per service area): resolved once, not per row.
        Map<String, String> groupOfMunicipality = new HashMap<>();
        Map<String, Map<String, Distinct>> countersOf = new HashMap<>();
        Map<String, Map<String, Distinct>> countersOfGroup = new HashMap<>();
        for (StayMonthRows part : rows) {
            for (int i = 0; i < part.size(); i++) {
                String municipality = part.municipality(basis, i);
                String area = part.serviceArea(i);
                if (serviceArea != null && !serviceArea.equals(area) || !members.contains(municipality)) {
                    continue;
                }
                String group = groupOfMunicipality.computeIfAbsent(municipality, groupOf);
                Map<String, Distinct> counters = countersOf.computeIfAbsent(municipality,
                        m -> countersOfGroup.computeIfAbsent(group, g -> new HashMap<>()));
                long[] days = sums.computeIfAbsent(new Sums(group, byServiceArea ? area : ALL_AREAS, part.ageGroup(i), part.hospital(i), part.careLevel(i), part.year(i)),
                        k -> new long[2]);
                days[0] += part.readyDays(i);
                days[1] += part.billableDays(i);
                counters.computeIfAbsent(ALL_AREAS, k -> new Distinct()).add(part, i);
                if (byServiceArea) {
                    counters.computeIfAbsent(area, k -> new Distinct()).add(part, i);
                }
            }
        }
        Map<String, Tally> tallies = new HashMap<>();
        sums.forEach((s, days) -> {
            tallies.computeIfAbsent(key(s.group(), current, null), k -> new Tally()).add(s.ageGroup(), s.hospital(), s.careLevel(), s.year(),
                    days[0], days[1]);
            if (byServiceArea) {
                tallies.computeIfAbsent(key(s.group(), current, s.serviceArea()), k -> new Tally()).add(s.ageGroup(), s.hospital(),
                        s.careLevel(), s.year(), days[0], days[1]);
            }
        });
        countersOfGroup.forEach((group, counters) -> counters.forEach((area, distinct) -> {
            Tally tally = tallies.get(key(group, current, ALL_AREAS.equals(area) ? null : area));
            tally.stays = distinct.stays.size();
            tally.patients = distinct.patients.size();
        }));
        return tallies;
    }

    /** The counters' key for all service areas (no service area's code). */
    private static final String ALL_AREAS = "";

    /** Distinct stays and patients of one tally. */
    private static final class Distinct {
        final DistinctValues stays = new DistinctValues();
        final DistinctValues patients = new DistinctValues();

        void add(StayMonthRows rows, int i) {
            stays.add(rows.stayHigh(i), rows.stayLow(i));
            patients.add(rows.patient(i), 0);
        }
    }
}

package no.samhandling.discharge.statistics;

import no.samhandling.discharge.stay.ServiceArea;

import java.util.ArrayList;
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

    /** The sums' service area when the tallies are not asked per service area. */
    private static final String ALL_AREAS = "";

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
        // Groups and service areas by index, each municipality's group resolved once, not per row.
        List<String> groups = new ArrayList<>();
        Map<String, Integer> groupIndex = new HashMap<>();
        Map<String, Integer> groupOfMunicipality = new HashMap<>();
        List<String> areas = new ArrayList<>();
        Map<String, Integer> areaIndex = new HashMap<>();
        int expected = passing(rows, basis, members, serviceArea);
        int areaSlots = ServiceArea.values().length;
        DistinctPerGroup stays = new DistinctPerGroup(members.size(), expected);
        DistinctPerGroup patients = new DistinctPerGroup(members.size(), expected);
        DistinctPerGroup staysByArea = byServiceArea ? new DistinctPerGroup(members.size() * areaSlots, expected) : null;
        DistinctPerGroup patientsByArea = byServiceArea ? new DistinctPerGroup(members.size() * areaSlots, expected) : null;
        for (StayMonthRows part : rows) {
            for (int i = 0; i < part.size(); i++) {
                String municipality = part.municipality(basis, i);
                String area = part.serviceArea(i);
                if (serviceArea != null && !serviceArea.equals(area) || !members.contains(municipality)) {
                    continue;
                }
                int g = groupOfMunicipality.computeIfAbsent(municipality, m -> groupIndex.computeIfAbsent(groupOf.apply(m), key -> {
                    groups.add(key);
                    return groups.size() - 1;
                }));
                long[] days = sums.computeIfAbsent(new Sums(groups.get(g), byServiceArea ? area : ALL_AREAS, part.ageGroup(i), part.hospital(i),
                        part.careLevel(i), part.year(i)), k -> new long[2]);
                days[0] += part.readyDays(i);
                days[1] += part.billableDays(i);
                stays.add(part.stayHigh(i), part.stayLow(i), g);
                patients.add(part.patient(i), 0, g);
                if (byServiceArea) {
                    int a = areaIndex.computeIfAbsent(area, code -> {
                        areas.add(code);
                        return areas.size() - 1;
                    });
                    if (a >= areaSlots) {
                        throw new IllegalArgumentException("service area " + area + " is none of " + List.of(ServiceArea.values()));
                    }
                    staysByArea.add(part.stayHigh(i), part.stayLow(i), g * areaSlots + a);
                    patientsByArea.add(part.patient(i), 0, g * areaSlots + a);
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
        int[] stayCounts = stays.counts();
        int[] patientCounts = patients.counts();
        int[] stayCountsByArea = byServiceArea ? staysByArea.counts() : null;
        int[] patientCountsByArea = byServiceArea ? patientsByArea.counts() : null;
        for (int g = 0; g < groups.size(); g++) {
            Tally tally = tallies.get(key(groups.get(g), current, null));
            tally.stays = stayCounts[g];
            tally.patients = patientCounts[g];
            for (int a = 0; byServiceArea && a < areas.size(); a++) {
                Tally ofArea = tallies.get(key(groups.get(g), current, areas.get(a)));
                if (ofArea != null) {
                    ofArea.stays = stayCountsByArea[g * areaSlots + a];
                    ofArea.patients = patientCountsByArea[g * areaSlots + a];
                }
            }
        }
        return tallies;
    }

    /** How many rows are counted (so the counters are made large enough once, not grown row by row). */
    private static int passing(List<StayMonthRows> rows, Basis basis, Set<String> members, String serviceArea) {
        int passing = 0;
        for (StayMonthRows part : rows) {
            for (int i = 0; i < part.size(); i++) {
                if ((serviceArea == null || serviceArea.equals(part.serviceArea(i))) && members.contains(part.municipality(basis, i))) {
                    passing++;
                }
            }
        }
        return passing;
    }
}

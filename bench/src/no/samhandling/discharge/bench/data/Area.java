package no.samhandling.discharge.bench.data;

import java.util.List;
import java.util.Map;

/**
 * The reference data a generated year rests on: municipalities with their hospital trust, partnership and
 * population by age group per year (age groups as in the service: 0-17, 18-29, 30-49, 50-66, 67-79, 80-89, 90+).
 */
public record Area(List<Trust> trusts, List<Partnership> partnerships, List<Municipality> municipalities) {

    public static final List<String> AGE_GROUPS = List.of("0-17", "18-29", "30-49", "50-66", "67-79", "80-89", "90+");

    public record Trust(String organisationNumber, String name, boolean synthetic) {
    }

    public record Partnership(String id, String name, boolean synthetic) {
    }

    /** @param population year → inhabitants per age group (in {@link #AGE_GROUPS} order) */
    public record Municipality(String number, String name, String county, String localHospitalArea, String trust,
                               String partnership, boolean synthetic, Map<Integer, int[]> population) {

        public int[] populationIn(int year) {
            int[] exact = population.get(year);
            if (exact != null) {
                return exact;
            }
            int nearest = population.keySet().stream().min(java.util.Comparator.comparingInt(y -> Math.abs(y - year))).orElseThrow();
            return population.get(nearest);
        }
    }
}

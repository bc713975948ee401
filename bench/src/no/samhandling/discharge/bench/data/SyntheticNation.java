package no.samhandling.discharge.bench.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Norway at national scale: Helse Nord's 80 real municipalities and 276 synthetic ones (numbers 7001-7276,
 * a county number Norway does not use), in 14 synthetic partnerships with a synthetic hospital trust each,
 * with synthetic populations that add up to about Norway's (5.5 million) and an age mix like Norway's.
 */
final class SyntheticNation {

    static final int SYNTHETIC_MUNICIPALITIES = 276;
    static final int SYNTHETIC_PARTNERSHIPS = 14;
    /** Norway's age mix on 1 January 2024 (SSB 07459), in the service's age groups. */
    private static final double[] AGE_SHARES = {0.205, 0.160, 0.262, 0.213, 0.112, 0.040, 0.008};

    private SyntheticNation() {
    }

    static Area of(Area helseNord, long seed, int firstYear, int lastYear) {
        List<Area.Trust> trusts = new ArrayList<>(helseNord.trusts());
        List<Area.Partnership> partnerships = new ArrayList<>(helseNord.partnerships());
        List<Area.Municipality> municipalities = new ArrayList<>(helseNord.municipalities());
        for (int p = 1; p <= SYNTHETIC_PARTNERSHIPS; p++) {
            trusts.add(new Area.Trust("9990000%02d".formatted(p), "Syntetisk helseforetak %02d".formatted(p), true));
            partnerships.add(new Area.Partnership("syntetisk-helsefellesskap-%02d".formatted(p), "Syntetisk helsefellesskap %02d".formatted(p), true));
        }
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 1; i <= SYNTHETIC_MUNICIPALITIES; i++) {
            int partnership = 1 + (i - 1) % SYNTHETIC_PARTNERSHIPS;
            double inhabitants = Math.min(700_000, Math.max(200, 9_000 * Math.exp(1.2 * random.nextGaussian())));
            double growth = 0.002 + 0.008 * random.nextDouble();
            Map<Integer, int[]> population = new TreeMap<>();
            for (int year = firstYear; year <= lastYear; year++) {
                double total = inhabitants * Math.pow(1 + growth, year - firstYear);
                int[] groups = new int[AGE_SHARES.length];
                for (int g = 0; g < groups.length; g++) {
                    groups[g] = (int) Math.round(total * AGE_SHARES[g]);
                }
                population.put(year, groups);
            }
            municipalities.add(new Area.Municipality(Integer.toString(7000 + i), "Syntetisk kommune %03d".formatted(i),
                    "Syntetisk fylke %02d".formatted(partnership), "Syntetisk område %02d".formatted(partnership),
                    "9990000%02d".formatted(partnership), "syntetisk-helsefellesskap-%02d".formatted(partnership), true, population));
        }
        return new Area(trusts, partnerships, municipalities);
    }
}

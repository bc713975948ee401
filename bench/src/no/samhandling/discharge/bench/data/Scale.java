package no.samhandling.discharge.bench.data;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;

/** A generated load: its area, range and stays. */
public record Scale(Area area, LocalDate from, LocalDate through, List<StayScript> stays) {

    /** Helse Nord, the 365 days through {@code through}, real municipalities and population. */
    public static Scale nord(long seed, LocalDate through) throws IOException {
        Area area = ReferenceCsv.helseNord();
        LocalDate from = through.minusDays(364);
        return new Scale(area, from, through, new Generator(seed, area).stays(from, through));
    }

    /**
     * Norway: 356 municipalities (276 synthetic), 2016-2025. A {@code share} below 1 keeps that share of the stays,
     * drawn with the seed (to measure a load rate without loading everything).
     */
    public static Scale national(long seed, double share) throws IOException {
        Area area = SyntheticNation.of(ReferenceCsv.helseNord(), seed, 2016, 2025);
        LocalDate from = LocalDate.of(2016, 1, 1);
        LocalDate through = LocalDate.of(2025, 12, 31);
        List<StayScript> stays = new Generator(seed, area).stays(from, through, share);
        return new Scale(area, from, through, stays);
    }
}

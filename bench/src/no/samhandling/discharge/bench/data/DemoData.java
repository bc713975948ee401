package no.samhandling.discharge.bench.data;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Loads generated stays into a running service through its REST write path (bench/demo-data.sh).
 *
 * <pre>
 *   --target nord|national   nord: the 365 days up to yesterday, Helse Nord's 80 municipalities and real population (default);
 *                            national: 2016-2025, 356 municipalities (276 synthetic, entered through the admin PUTs)
 *   --seed N                 default 2026; the same seed and --through give the same stays
 *   --through YYYY-MM-DD     nord: last day of the year loaded (default yesterday)
 *   --url URL                default http://localhost:8080
 *   --threads N              stays sent at a time (default 4)
 * </pre>
 */
public final class DemoData {

    public record Options(String target, long seed, LocalDate through, String url, int threads) {

        static Options parse(String[] args) {
            String target = "nord";
            long seed = 2026;
            LocalDate through = LocalDate.now(Generator.OSLO).minusDays(1);
            String url = "http://localhost:8080";
            int threads = 4;
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--target" -> target = args[++i];
                    case "--seed" -> seed = Long.parseLong(args[++i]);
                    case "--through" -> through = LocalDate.parse(args[++i]);
                    case "--url" -> url = args[++i];
                    case "--threads" -> threads = Integer.parseInt(args[++i]);
                    default -> throw new IllegalArgumentException("Unknown option " + args[i] + " (see bench/README.md)");
                }
            }
            if (!target.equals("nord") && !target.equals("national")) {
                throw new IllegalArgumentException("--target is nord or national");
            }
            return new Options(target, seed, through, url, threads);
        }
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        ServiceClient service = new ServiceClient(options.url());
        try {
            service.get("/q/health/ready", service.board());
        } catch (java.io.IOException | ServiceClient.Refused notReady) {
            System.err.println("[generator] The service at " + options.url() + " is not ready (" + notReady + "): start it first with "
                    + "./mvnw quarkus:dev and wait for \"Listening on\".");
            System.exit(2);
        }
        Loader loader = new Loader(service, options.seed());
        Scale scale;
        if (options.target().equals("nord")) {
            scale = Scale.nord(options.seed(), options.through());
        } else {
            scale = Scale.national(options.seed(), 1.0);
            System.out.println("[generator] entering " + SyntheticNation.SYNTHETIC_MUNICIPALITIES + " synthetic municipalities and their population");
            loader.enterSyntheticReferenceData(scale.area());
        }
        List<StayScript> stays = scale.stays();
        long waiting = stays.stream().filter(StayScript::hasDischargeReadyDays).count();
        System.out.printf("[generator] %s, seed %d: %d stays, %d of them with discharge-ready days%n", options.target(), options.seed(),
                stays.size(), waiting);
        Loader.Result result = loader.load(stays, Instant.now(), options.threads(), options.target());
        System.out.printf("[generator] loaded %d stays with %d requests in %s (%.0f requests/s); %d refused%n", result.stays(),
                result.requests(), result.took(), result.requestsPerSecond(), result.refused());
        if (result.refused() > 0) {
            System.out.println("[generator] first refusal: " + result.firstRefusal());
            System.exit(1);
        }
    }
}

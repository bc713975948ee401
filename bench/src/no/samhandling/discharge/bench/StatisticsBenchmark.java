package no.samhandling.discharge.bench;

import no.samhandling.discharge.bench.data.DemoData;
import no.samhandling.discharge.bench.data.Loader;
import no.samhandling.discharge.bench.data.ServiceClient;
import no.samhandling.discharge.bench.data.StayScript;
import no.samhandling.discharge.bench.data.Scale;
import no.samhandling.discharge.bench.data.SyntheticPerson;
import no.samhandling.discharge.localdev.LocalInfrastructure;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The statistics benchmark (bench/statistics.sh): the packaged service with the deployed memory limit's heap,
 * real PostgreSQL and Kafka, the generator's Helse Nord year loaded through REST (and the national scale when
 * asked), then the board's queries N times each: p50/p95/p99, the service's heap and RSS while it serves them,
 * and whether an event shows in the next query. Writes bench/reports/statistics.md. Not a test: it asserts no timing.
 */
public final class StatisticsBenchmark {

    private static final ZoneId OSLO = ZoneId.of("Europe/Oslo");
    private static final String PARTNERSHIP = "helsefellesskapet-troms-og-ofoten";

    record Options(long seed, LocalDate through, int repetitions, boolean national, double nationalShare, boolean nationalRest, int threads, Path reportFile,
                   List<String> serviceOptions, String command) {

        static Options parse(String[] args) {
            long seed = 2026;
            LocalDate through = LocalDate.now(OSLO).minusDays(1);
            int repetitions = 200;
            boolean national = false;
            double share = 1.0;
            boolean rest = false;
            int threads = 4;
            Path report = Path.of("bench/reports/statistics.md");
            List<String> serviceOptions = new ArrayList<>();
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--seed" -> seed = Long.parseLong(args[++i]);
                    case "--through" -> through = LocalDate.parse(args[++i]);
                    case "--repetitions" -> repetitions = Integer.parseInt(args[++i]);
                    case "--national" -> national = true;
                    case "--national-share" -> share = Double.parseDouble(args[++i]);
                    case "--national-through-rest" -> rest = true;
                    case "--threads" -> threads = Integer.parseInt(args[++i]);
                    case "--report" -> report = Path.of(args[++i]);
                    case "--service-option" -> serviceOptions.add(args[++i]);
                    default -> throw new IllegalArgumentException("Unknown option " + args[i] + " (see bench/README.md)");
                }
            }
            if (serviceOptions.isEmpty()) {
                // As deployed: 40 % of the pod's 1 GiB limit (deploy/kubernetes/README.md, Memory). -Xmx700m reached 1173 MB resident.
                serviceOptions.addAll(List.of("-Xmx410m", "-XX:MaxGCPauseMillis=20"));
            }
            return new Options(seed, through, repetitions, national, share, rest, threads, report, serviceOptions,
                    "bench/statistics.sh " + String.join(" ", args));
        }
    }

    private final Options options;
    private final StringBuilder report = new StringBuilder();

    private StatisticsBenchmark(Options options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        new StatisticsBenchmark(Options.parse(args)).run();
        System.exit(0);
    }

    private void run() throws Exception {
        Path data = Path.of("target/bench-statistics-data");
        InboundBenchmark.deleteRecursively(data);
        line("# Statistics for boards: benchmark report");
        line("");
        line("Measured " + ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME) + " on " + Runtime.getRuntime().availableProcessors()
                + " cores, JDK " + Runtime.version() + ", with `" + options.command().strip() + "`; service options "
                + String.join(" ", options.serviceOptions()) + ".");
        line("Machine load (1, 5, 15 min) at the start: " + loadAverage() + ".");
        line("");
        try (LocalInfrastructure infrastructure = LocalInfrastructure.startFresh(data)) {
            Map<String, String> config = infrastructure.quarkusConfig();
            InboundBenchmark.createTopics(config.get(LocalInfrastructure.KAFKA_BOOTSTRAP));
            try (ServiceProcess process = ServiceProcess.start(config, options.serviceOptions(), Path.of("target/bench-statistics-service.log"))) {
                ServiceClient service = new ServiceClient(process.url());
                Loader loader = new Loader(service, options.seed());

                Scale nord = Scale.nord(options.seed(), options.through());
                Loader.Result nordLoad = load(loader, nord, "nord");
                line("## Loads");
                line("");
                line("| scale | stays | with discharge-ready days | requests (bulk: events) | took | per second | refused |");
                line("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
                line(loadRow("nord (" + nord.from() + " – " + nord.through() + ", REST)", nord, nordLoad));
                Scale national = null;
                if (options.national()) {
                    national = Scale.national(options.seed(), options.nationalShare());
                    long start = System.nanoTime();
                    loader.enterSyntheticReferenceData(national.area());
                    double referenceSeconds = (System.nanoTime() - start) / 1e9;
                    Loader.Result nationalLoad = options.nationalRest() ? load(loader, national, "national")
                            : bulk(loader, national);
                    line(loadRow("national (2016–2025, " + (options.nationalRest() ? "REST" : "POST /stays/history-imports, " + NATIONAL_BATCH + " stays per call, 2 calls at a time") + (options.nationalShare() < 1 ? ", " + options.nationalShare() + " of the stays" : "")
                            + "; reference data " + Math.round(referenceSeconds) + " s more)", national, nationalLoad));
                    if (options.nationalShare() < 1) {
                        line("");
                        line("At this rate the whole national scale (%.0f stays) would take %.1f hours.".formatted(
                                national.stays().size() / options.nationalShare(), nationalLoad.took().toSeconds() / options.nationalShare() / 3600));
                    }
                }
                line("");
                queries(service, process, nord, national);
                eventVisibility(service);
            }
        }
        Files.createDirectories(options.reportFile().toAbsolutePath().getParent());
        Files.writeString(options.reportFile(), report.toString());
        System.out.println(report);
    }

    private Loader.Result load(Loader loader, Scale scale, String label) throws InterruptedException {
        log("Loading " + label + ": " + scale.stays().size() + " stays");
        Loader.Result result = loader.load(scale.stays(), Instant.now(), options.threads(), label);
        log(label + ": " + result);
        if (result.refused() > 0) {
            throw new IllegalStateException(result.refused() + " stays refused; first: " + result.firstRefusal());
        }
        return result;
    }

    /** Stays per call of the national load through POST /stays/history-imports. */
    private static final int NATIONAL_BATCH = 2000;

    private static Loader.Result bulk(Loader loader, Scale scale) throws InterruptedException {
        log("Loading national in bulk: " + scale.stays().size() + " stays");
        Loader.Result result = loader.loadInBulk(Loader.HISTORY_IMPORTS, scale.stays(), Instant.now(), 2, NATIONAL_BATCH, "national");
        log("national: " + result);
        if (result.refused() > 0) {
            throw new IllegalStateException(result.refused() + " stays refused; first: " + result.firstRefusal());
        }
        return result;
    }

    private static String loadRow(String label, Scale scale, Loader.Result result) {
        return "| %s | %d | %d | %d | %d s | %.0f | %d |".formatted(label, scale.stays().size(),
                scale.stays().stream().filter(StayScript::hasDischargeReadyDays).count(), result.requests(), result.took().toSeconds(),
                result.requestsPerSecond(), result.refused());
    }

    private void queries(ServiceClient service, ServiceProcess process, Scale nord, Scale national) throws Exception {
        String board = service.board();
        // At national scale the year is the national history's last (2025, every municipality's stays); else the nord year.
        LocalDate yearTo = national == null ? nord.through() : LocalDate.of(2025, 12, 31);
        LocalDate yearFrom = yearTo.minusDays(364);
        String partnershipYear = "/statistics/discharge-ready-days?groupBy=health-partnership&from=" + yearFrom + "&to=" + yearTo;
        String municipalities = "/statistics/discharge-ready-days?groupBy=municipality&healthPartnership=" + PARTNERSHIP
                + "&from=" + yearFrom + "&to=" + yearTo;
        LocalDate trendThrough = national == null ? nord.through() : LocalDate.of(2025, 12, 31);
        LocalDate trendFrom = trendThrough.withDayOfMonth(1).minusMonths(119);
        String trend = "/statistics/discharge-ready-days/trend?groupBy=region&interval=month&from=" + trendFrom + "&to=" + trendThrough;
        line("## Board queries");
        line("");
        line("Asked again: each query " + options.repetitions() + " times after 20 unmeasured ones, one at a time, with a board token, on the "
                + "data loaded above; from the second time on the service answers from what it kept (StatisticsCache, keyed by the months' "
                + "change count). New questions: each asked once, none asked before (other years, basis and service areas), so nothing of "
                + "the answer is kept (beyond what neighbouring questions left: the previous year's part). First answer after an event: "
                + "each asked right after a new stay with days in its range was committed through REST, so the kept answer is not found "
                + "and only the months that changed are read again: what a board sees after events in a range it asks about.");
        line("");
        line("| query | what | p50 ms | p95 ms | p99 ms | goal |");
        line("| --- | --- | ---: | ---: | ---: | --- |");
        MemorySampler memory = new MemorySampler(process);
        memory.start();
        row("partnership × year, asked again", "`" + partnershipYear + "`", time(options.repetitions(), () -> service.get(partnershipYear, board)), "p95 < 100 ms");
        row("municipalities of a partnership × year, asked again", "`" + municipalities + "`", time(options.repetitions(), () -> service.get(municipalities, board)), "");
        row("region × 10-year monthly trend, asked again", "`" + trend + "`", time(options.repetitions(), () -> service.get(trend, board)), "p95 < 100 ms");
        List<String> newYears = new ArrayList<>();
        List<String> newTrends = new ArrayList<>();
        for (String basis : List.of("paying", "residence")) {
            for (String area : List.of("", "somatic", "mental-health", "addiction")) {
                String scope = "&basis=" + basis + (area.isEmpty() ? "" : "&serviceArea=" + area);
                for (int year = 0; year < 10; year++) {
                    // National: the ten calendar years; nord: year-long ranges ending a week apart.
                    LocalDate to = national == null ? yearTo.minusWeeks(year) : yearTo.minusYears(year);
                    newYears.add("/statistics/discharge-ready-days?groupBy=health-partnership&from=" + to.minusYears(1).plusDays(1) + "&to=" + to + scope);
                }
                newTrends.add(trend + scope);
            }
        }
        newYears.remove(partnershipYear + "&basis=paying");
        newTrends.remove(trend + "&basis=paying");
        row("partnership × year, new questions", newYears.size() + " ranges, bases and service areas", timeEach(newYears, service, board), "");
        row("region × 10-year monthly trend, new questions", newTrends.size() + " bases and service areas", timeEach(newTrends, service, board), "");
        // A day in both queries' ranges, 30 days before their end: 1 December 2025 at national scale.
        LocalDate changed = yearTo.minusDays(30);
        SplittableRandom random = new SplittableRandom(options.seed());
        row("partnership × year, first answer after an event", AFTER_A_CHANGE + " times, each right after a new stay in Tromsø with days on "
                + changed, afterAChange(service, partnershipYear, board, changed, random), "");
        row("region × 10-year monthly trend, first answer after an event", AFTER_A_CHANGE + " times, the same",
                afterAChange(service, trend, board, changed, random), "");
        memory.stopSampling();
        line("");
        line("Memory of the service while it served these queries (sampled every 200 ms): heap used at most %.0f MB (of -Xmx), RSS at most %.0f MB "
                .formatted(memory.maxHeap / 1e6, memory.maxRss / 1e6) + "(deployed limit 1 GiB = 1074 MB). Machine load (1, 5, 15 min) after "
                + "the queries: " + loadAverage() + " (other work on this machine counts in it).");
        line("");
    }

    private static final int AFTER_A_CHANGE = 20;

    /**
     * The query asked right after a change in its range was committed, {@value #AFTER_A_CHANGE} times: a stay of Tromsø
     * (registered, discharge-ready from {@code day}, discharged two days later, through REST), so the kept answer is
     * not found and the months it changed are read again. Only the time of the query is measured.
     */
    private static List<Double> afterAChange(ServiceClient service, String query, String token, LocalDate day, SplittableRandom random)
            throws Exception {
        String integration = service.integration();
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < AFTER_A_CHANGE; i++) {
            Instant declared = day.atTime(9, 0).atZone(OSLO).toInstant();
            String patient = SyntheticPerson.fodselsnummer(LocalDate.of(1935, 1, 1).plusDays(random.nextInt(3650)), random);
            String id = ServiceClient.stayIdOf(service.post("/stays", "{\"patientIdentifier\":\"" + patient + "\",\"hospital\":\"983974929\","
                    + "\"ward\":\"Medisinsk sengepost\",\"serviceArea\":\"somatic\",\"residenceMunicipality\":\"5501\",\"admittedAt\":\""
                    + declared.minusSeconds(86400) + "\"}", integration, null));
            service.post("/stays/" + id + "/discharge-readiness", "{\"declaredAt\":\"" + declared + "\",\"assessorHprNumber\":\"9144889\","
                    + "\"assessment\":{\"problemsAtAdmissionClarified\":true,\"diagnosisAndFollowUpPlanSet\":true,\"functionLevelAssessed\":true}}",
                    integration, null);
            service.post("/stays/" + id + "/discharge", "{\"dischargedAt\":\"" + declared.plusSeconds(2 * 86400) + "\",\"destination\":\"home\"}",
                    integration, null);
            long start = System.nanoTime();
            service.get(query, token);
            millis.add((System.nanoTime() - start) / 1e6);
        }
        return millis;
    }

    private void eventVisibility(ServiceClient service) throws Exception {
        String integration = service.integration();
        Instant now = Instant.now();
        LocalDate today = LocalDate.now(OSLO);
        String query = "/statistics/discharge-ready-days?groupBy=municipality&healthPartnership=helsefellesskap-helgeland&from="
                + today.minusDays(10) + "&to=" + today;
        String registration = "{\"patientIdentifier\":\"01819010001\",\"hospital\":\"983974929\",\"ward\":\"Medisinsk sengepost\","
                + "\"serviceArea\":\"somatic\",\"residenceMunicipality\":\"1833\",\"admittedAt\":\"" + now.minusSeconds(6 * 86400) + "\"}";
        String id = ServiceClient.stayIdOf(service.post("/stays", registration, integration, null));
        long before = dischargeReadyDaysOfRana(service.get(query, service.admin()));
        service.post("/stays/" + id + "/discharge-readiness", "{\"declaredAt\":\"" + now.minusSeconds(4 * 86400)
                + "\",\"assessorHprNumber\":\"9144889\",\"assessment\":{\"problemsAtAdmissionClarified\":true,\"diagnosisAndFollowUpPlanSet\":true,"
                + "\"functionLevelAssessed\":true}}", integration, null);
        long after = dischargeReadyDaysOfRana(service.get(query, service.admin()));
        line("## An event's effect in the next query");
        line("");
        line("A patient in Rana declared discharge-ready 4 days ago (POST …/discharge-readiness), then at once the municipality list of Helse "
                + "Helgeland for the last 10 days: Rana's discharge-ready days went from " + before + " to " + after + " ("
                + (after > before ? "visible in the next query" : "**not visible**") + ").");
        if (after <= before) {
            throw new IllegalStateException("The declaration did not show in the next query: " + before + " → " + after);
        }
    }

    private static final Pattern RANA_DAYS = Pattern.compile("\"key\":\"1833\".*?\"dischargeReadyDays\":(\\d+)");

    private static long dischargeReadyDaysOfRana(String json) {
        Matcher matcher = RANA_DAYS.matcher(json);
        if (!matcher.find()) {
            throw new IllegalStateException("Rana not found in " + json.substring(0, Math.min(300, json.length())));
        }
        return Long.parseLong(matcher.group(1));
    }

    private static List<Double> timeEach(List<String> queries, ServiceClient service, String token) throws Exception {
        List<Double> millis = new ArrayList<>();
        for (String query : queries) {
            long start = System.nanoTime();
            service.get(query, token);
            millis.add((System.nanoTime() - start) / 1e6);
        }
        return millis;
    }

    private static List<Double> time(int repetitions, Callable<?> query) throws Exception {
        for (int i = 0; i < 20; i++) {
            query.call();
        }
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < repetitions; i++) {
            long start = System.nanoTime();
            query.call();
            millis.add((System.nanoTime() - start) / 1e6);
        }
        return millis;
    }

    private void row(String name, String what, List<Double> millis, String goal) {
        line("| %s | %s | %.1f | %.1f | %.1f | %s |".formatted(name, what, percentile(millis, 50), percentile(millis, 95), percentile(millis, 99),
                goal.isEmpty() ? "" : goal + (percentile(millis, 95) < 100 ? " — met" : " — **not met**")));
    }

    static double percentile(List<Double> values, double p) {
        List<Double> sorted = values.stream().sorted().toList();
        int index = (int) Math.ceil(p / 100 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + ", " + parts[1] + ", " + parts[2];
        } catch (Exception e) {
            return "unknown";
        }
    }

    private void line(String text) {
        report.append(text).append('\n');
    }

    private static void log(String message) {
        System.out.println("[bench] " + message);
    }

    /** Heap (from /q/metrics) and RSS (from /proc) of the service, sampled while it serves. */
    private static final class MemorySampler extends Thread {
        private static final Pattern HEAP = Pattern.compile("jvm_memory_used_bytes\\{area=\"heap\"[^}]*} ([0-9.E+]+)");
        private final ServiceProcess process;
        private volatile boolean running = true;
        double maxHeap;
        double maxRss;

        MemorySampler(ServiceProcess process) {
            this.process = process;
            setDaemon(true);
        }

        @Override
        public void run() {
            while (running) {
                try {
                    double heap = 0;
                    Matcher matcher = HEAP.matcher(process.metrics());
                    while (matcher.find()) {
                        heap += Double.parseDouble(matcher.group(1));
                    }
                    maxHeap = Math.max(maxHeap, heap);
                    for (String line : Files.readAllLines(Path.of("/proc/" + process.handle().pid() + "/status"))) {
                        if (line.startsWith("VmRSS:")) {
                            maxRss = Math.max(maxRss, Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024.0);
                        }
                    }
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    return;
                } catch (Exception e) {
                    // a sample missed; the next one counts
                }
            }
        }

        void stopSampling() throws InterruptedException {
            running = false;
            join();
        }
    }
}

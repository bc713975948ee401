package no.samhandling.discharge.bench;

import ca.uhn.fhir.context.FhirContext;
import no.samhandling.discharge.bench.BenchMessages.Outgoing;
import no.samhandling.discharge.bench.BenchMessages.StayMessages;
import no.samhandling.discharge.localdev.LocalInfrastructure;
import no.samhandling.discharge.messaging.FhirValidation;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.IntStream;

/**
 * The inbound message benchmark: real PostgreSQL and Kafka, the packaged service as its own process,
 * realistic FHIR messages in, acknowledgements out. Measures sustained end-to-end throughput and the
 * latency at a fixed rate, then, with the service stopped, the ceilings of each step alone, and a profile
 * of where validation spends its time. Writes a Markdown report. See bench/README.md.
 */
public final class InboundBenchmark {

    private static final int PARTITIONS = 3;
    private static final List<String> IN_TOPICS = List.of(BenchMessages.HOSPITAL_IN, BenchMessages.MUNICIPALITY_IN);
    private static final List<String> OUT_TOPICS = List.of("hospital.fhir.out", "municipality.fhir.out");

    private final Options options;
    private final Report report = new Report();

    private InboundBenchmark(Options options) {
        this.options = options;
    }

    /** Command-line options, with the defaults the committed report was made with. */
    record Options(int warmupStays, int throughputStays, int rate, int rateSeconds, Path reportFile, List<String> serviceOptions,
                   String command) {

        static Options parse(String[] args) {
            int warmup = 1000;
            int stays = 750;
            int rate = 50;
            int seconds = 60;
            Path report = Path.of("bench/reports/inbound-messages.md");
            List<String> serviceOptions = new ArrayList<>();
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--warmup-stays" -> warmup = Integer.parseInt(args[++i]);
                    case "--stays" -> stays = Integer.parseInt(args[++i]);
                    case "--rate" -> rate = Integer.parseInt(args[++i]);
                    case "--rate-seconds" -> seconds = Integer.parseInt(args[++i]);
                    case "--report" -> report = Path.of(args[++i]);
                    case "--service-option" -> serviceOptions.add(args[++i]);
                    default -> throw new IllegalArgumentException("Unknown option " + args[i] + " (see bench/README.md)");
                }
            }
            if (serviceOptions.isEmpty()) {
                // As deployed (JAVA_OPTS_APPEND in deploy/kubernetes and deploy/docker-compose.yml: 40 % of 1 GiB for the heap).
                serviceOptions.addAll(List.of("-Xmx410m", "-XX:MaxGCPauseMillis=20"));
            }
            return new Options(warmup, stays, rate, seconds, report, serviceOptions, "bench/run.sh " + String.join(" ", args));
        }
    }

    public static void main(String[] args) throws Exception {
        new InboundBenchmark(Options.parse(args)).run();
        System.exit(0);
    }

    private void run() throws Exception {
        Path data = Path.of("target/bench-data");
        deleteRecursively(data);
        int cores = Runtime.getRuntime().availableProcessors();
        report.line("# Inbound FHIR messages: benchmark report");
        report.line("");
        report.line("Measured " + ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME) + " on " + cores + " cores, JDK "
                + Runtime.version() + ", with `" + options.command().strip() + "`.");
        report.line("");
        BenchMessages factory = new BenchMessages(42);
        List<StayMessages> warmup = factory.stays(options.warmupStays());
        List<StayMessages> throughputStays = factory.stays(options.throughputStays());
        int rateStays = options.rate() * options.rateSeconds() / 4;
        List<StayMessages> rateStaysMessages = factory.stays(rateStays);
        double e2e;
        Map<String, Double> cpuPerMessage;
        try (LocalInfrastructure infrastructure = LocalInfrastructure.startFresh(data)) {
            Map<String, String> config = infrastructure.quarkusConfig();
            String bootstrap = config.get(LocalInfrastructure.KAFKA_BOOTSTRAP);
            createTopics(bootstrap);
            log("Starting the packaged service");
            try (ServiceProcess service = ServiceProcess.start(config, options.serviceOptions(), Path.of("target/bench-service.log"));
                 Acknowledgements acks = new Acknowledgements(bootstrap, partitions(OUT_TOPICS));
                 KafkaProducer<String, String> producer = producer(bootstrap)) {
                log("Warm-up: " + 4 * warmup.size() + " messages");
                inWaves(warmup, producer, acks);

                log("Throughput: " + 4 * throughputStays.size() + " messages as fast as the service takes them");
                CpuAccount cpu = new CpuAccount(service.handle());
                Map<String, Double> cpuBefore = cpu.read();
                Map<String, Long> threadsBefore = cpu.serviceThreads();
                e2e = throughput(throughputStays, producer, acks);
                cpuPerMessage = CpuAccount.perMessageMillis(cpuBefore, cpu.read(), 4 * throughputStays.size());
                Map<String, Double> threadShares = CpuAccount.shares(threadsBefore, cpu.serviceThreads());
                report.line("CPU per message during this run (" + cores + " cores in all):");
                report.line("");
                report.line("| party | ms of CPU per message |");
                report.line("| --- | ---: |");
                cpuPerMessage.forEach((party, millis) -> report.line("| %s | %.1f |".formatted(party, millis)));
                report.line("| **all** | **%.1f** |".formatted(cpuPerMessage.values().stream().mapToDouble(Double::doubleValue).sum()));
                report.line("");
                if (!threadShares.isEmpty()) {
                    report.line("The service's CPU in this run by kind of thread (from `/proc`; the JIT compiler's share is what the "
                            + "warm-up has not yet compiled):");
                    report.line("");
                    report.line("| threads | share of the service's CPU | ms per message |");
                    report.line("| --- | ---: | ---: |");
                    double serviceMillis = cpuPerMessage.get("service");
                    threadShares.forEach((kind, share) -> report.line("| %s | %.0f %% | %.1f |".formatted(kind, 100 * share, share * serviceMillis)));
                    report.line("");
                }

                log("Latency: " + 4 * rateStays + " messages at " + options.rate() + "/s");
                Map<String, ServiceTimers.Reading> before = ServiceTimers.read(service.metrics());
                latency(rateStaysMessages, producer, acks);
                Map<String, ServiceTimers.Reading> after = ServiceTimers.read(service.metrics());
                report.line("Where the time goes inside the service during this run (from its own timers "
                        + "`discharge.messages.in.step` and `discharge.outbox.delay`; p99 is the upper bound of the histogram "
                        + "bucket that holds it; `wait` is from the record's timestamp until handling starts, `total` all of "
                        + "handling):");
                report.line("");
                report.line("| step | mean ms | p99 ms (≤) |");
                report.line("| --- | ---: | ---: |");
                ServiceTimers.between(before, after).forEach((step, v) -> report.line("| %s | %.1f | %.0f |".formatted(step, v[0], v[1])));
                report.line("");
                report.line("Forwarded to municipal systems during the run (not acknowledgements): " + acks.forwardedMessages() + ".");
                report.line("");
                report.line("Service options: " + (options.serviceOptions().isEmpty() ? "none (the defaults)" : "`" + String.join(" ", options.serviceOptions()) + "`") + ".");
                report.line("");
            }
            log("Ceilings, with the service stopped");
            int everyInbound = 4 * (warmup.size() + throughputStays.size() + rateStays);
            double consumer = Ceilings.plainConsumer(bootstrap, partitions(IN_TOPICS), everyInbound);
            ceilingsAndProfile(throughputStays, consumer, everyInbound, e2e, cores, cpuPerMessage.get("service"));
        }
        Files.createDirectories(options.reportFile().toAbsolutePath().getParent());
        Files.writeString(options.reportFile(), report.text(), StandardCharsets.UTF_8);
        log("Report written to " + options.reportFile());
    }

    private double throughput(List<StayMessages> stays, KafkaProducer<String, String> producer, Acknowledgements acks) throws Exception {
        long start = System.nanoTime();
        List<String> ids = inWaves(stays, producer, acks);
        long end = acks.lastAnswerNanos(ids);
        double perSecond = ids.size() / Ceilings.seconds(end - start);
        List<Double> latencies = acks.latenciesMillis(ids);
        report.line("## End to end: sustained throughput");
        report.line("");
        report.line(ids.size() + " messages (" + stays.size() + " stays × admission notice, discharge-ready notice, municipality's answer, "
                + "discharge), sent in three waves so that each stay's messages apply in order across the two topics; from the first "
                + "send to the last acknowledgement: received → validated → stored (inbox, stay, outbox) → acknowledged on Kafka.");
        report.line("");
        report.line("| messages | seconds | messages/s | acknowledgements |");
        report.line("| ---: | ---: | ---: | --- |");
        report.line("| %d | %.1f | **%.1f** | %s |".formatted(ids.size(), Ceilings.seconds(end - start), perSecond, acks.codes(ids)));
        report.line("");
        report.line("Latency under this full load (queueing included): " + percentiles(latencies) + ".");
        report.line("");
        return perSecond;
    }

    /** Wave 1: admission and discharge-ready notices; wave 2: the municipality's answers; wave 3: discharges. */
    private List<String> inWaves(List<StayMessages> stays, KafkaProducer<String, String> producer, Acknowledgements acks) throws Exception {
        List<String> all = new ArrayList<>();
        List<List<Outgoing>> waves = List.of(
                stays.stream().flatMap(s -> java.util.stream.Stream.of(s.admission(), s.dischargeReady())).toList(),
                stays.stream().map(StayMessages::municipalityResponse).toList(),
                stays.stream().map(StayMessages::discharged).toList());
        for (List<Outgoing> wave : waves) {
            for (Outgoing message : wave) {
                send(message, producer, acks);
            }
            producer.flush();
            List<String> ids = wave.stream().map(Outgoing::messageId).toList();
            if (!acks.awaitAll(ids, Duration.ofMinutes(10))) {
                throw new IllegalStateException("Not every message was acknowledged: " + acks.codes(ids));
            }
            all.addAll(ids);
        }
        return all;
    }

    /** Seconds at the start of the latency run that the steady-state percentiles leave out. */
    private static final int LEAD_IN_SECONDS = 10;

    private void latency(List<StayMessages> stays, KafkaProducer<String, String> producer, Acknowledgements acks) throws Exception {
        List<Outgoing> schedule = paced(stays);
        long interval = 1_000_000_000L / options.rate();
        double stolenBefore = CpuAccount.stolenSeconds();
        long start = System.nanoTime();
        for (int i = 0; i < schedule.size(); i++) {
            long due = start + i * interval;
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            send(schedule.get(i), producer, acks);
        }
        List<String> ids = schedule.stream().map(Outgoing::messageId).toList();
        if (!acks.awaitAll(ids, Duration.ofMinutes(5))) {
            throw new IllegalStateException("Not every message was acknowledged: " + acks.codes(ids));
        }
        double sentRate = schedule.size() / Ceilings.seconds(System.nanoTime() - start);
        List<Double> latencies = acks.latenciesMillis(ids);
        report.line("## End to end: latency at " + options.rate() + " messages/s");
        report.line("");
        report.line(schedule.size() + " messages over " + options.rateSeconds() + " s, one every " + interval / 1_000_000 + " ms; latency is "
                + "from the producer's send to the acknowledgement read back from Kafka (one clock, in the benchmark's process).");
        report.line("");
        report.line("| messages | achieved rate | p50 ms | p90 ms | p99 ms | max ms | acknowledgements |");
        report.line("| ---: | ---: | ---: | ---: | ---: | ---: | --- |");
        report.line("| %d (whole run) | %.1f/s | %.1f | %.1f | **%.1f** | %.1f | %s |".formatted(schedule.size(), sentRate, percentile(latencies, 50),
                percentile(latencies, 90), percentile(latencies, 99), percentile(latencies, 100), acks.codes(ids)));
        // The first seconds follow the throughput run's overload; the goal is about a steady 50/s.
        List<Double> steady = latencies.subList(Math.min(latencies.size(), LEAD_IN_SECONDS * options.rate()), latencies.size());
        if (!steady.isEmpty()) {
            report.line("| %d (after the first %d s) | | %.1f | %.1f | **%.1f** | %.1f | |".formatted(steady.size(), LEAD_IN_SECONDS,
                    percentile(steady, 50), percentile(steady, 90), percentile(steady, 99), percentile(steady, 100)));
        }
        report.line("");
        slowMessages(latencies, interval);
        report.line("CPU time the hypervisor gave to other machines while this one wanted to run (steal, `/proc/stat`) during "
                + "the run: %.1f s.".formatted(CpuAccount.stolenSeconds() - stolenBefore));
        report.line("");
    }

    /** When the messages over 100 ms were sent: spread out (queueing) or together (a stall somewhere). */
    private void slowMessages(List<Double> latenciesInSendOrder, long interval) {
        Map<Long, List<Double>> slowBySecond = new TreeMap<>();
        for (int i = 0; i < latenciesInSendOrder.size(); i++) {
            if (latenciesInSendOrder.get(i) > 100) {
                slowBySecond.computeIfAbsent(i * interval / 1_000_000_000L, second -> new ArrayList<>()).add(latenciesInSendOrder.get(i));
            }
        }
        long slow = slowBySecond.values().stream().mapToLong(List::size).sum();
        report.line("Messages over 100 ms: " + slow + " of " + latenciesInSendOrder.size() + (slow == 0 ? "." : ", sent in these seconds of the run "
                + "(second: how many, slowest): " + String.join("; ", slowBySecond.entrySet().stream()
                .map(e -> "%d s: %d, %.0f ms".formatted(e.getKey(), e.getValue().size(), e.getValue().stream().mapToDouble(d -> d).max().orElse(0)))
                .toList()) + "."));
        report.line("");
    }

    /**
     * Stays in blocks: a block's notices, then the previous block's answers, then the discharges of the
     * block before that, so that a stay's next message is sent a second or more after its previous one.
     */
    private static List<Outgoing> paced(List<StayMessages> stays) {
        int block = 25;
        int blocks = (stays.size() + block - 1) / block;
        List<Outgoing> schedule = new ArrayList<>();
        for (int b = 0; b < blocks + 2; b++) {
            for (StayMessages stay : block(stays, b, block)) {
                schedule.add(stay.admission());
                schedule.add(stay.dischargeReady());
            }
            block(stays, b - 1, block).forEach(stay -> schedule.add(stay.municipalityResponse()));
            block(stays, b - 2, block).forEach(stay -> schedule.add(stay.discharged()));
        }
        return schedule;
    }

    private static List<StayMessages> block(List<StayMessages> stays, int index, int size) {
        if (index < 0 || index * size >= stays.size()) {
            return List.of();
        }
        return stays.subList(index * size, Math.min(stays.size(), (index + 1) * size));
    }

    private void ceilingsAndProfile(List<StayMessages> stays, double consumer, int consumerRecords, double e2e, int cores,
                                    double serviceCpuMillis) throws Exception {
        List<String> payloads = stays.stream()
                .flatMap(s -> java.util.stream.Stream.of(s.admission(), s.dischargeReady(), s.municipalityResponse(), s.discharged()))
                .map(Outgoing::json).toList();
        FhirContext fhir = FhirContext.forR4Cached();
        FhirValidation service = FhirValidation.forService(fhir);
        FhirValidation stock = FhirValidation.withStockValidator(fhir);
        AtomicInteger invalid = new AtomicInteger();
        // Warm both up (JIT, caches) before measuring.
        Ceilings.parse(payloads, cores);
        Ceilings.validate(service, payloads.subList(0, Math.min(800, payloads.size())), cores, invalid);
        Ceilings.validate(stock, payloads.subList(0, Math.min(200, payloads.size())), cores, invalid);
        double parseOne = Ceilings.parse(payloads, 1);
        double parseAll = Ceilings.parse(payloads, cores);
        double validateOne = Ceilings.validate(service, payloads, 1, invalid);
        double validateAll = Ceilings.validate(service, payloads, cores, invalid);
        List<String> sample = payloads.subList(0, Math.min(400, payloads.size()));
        double stockOne = Ceilings.validate(stock, sample, 1, invalid);
        double stockAll = Ceilings.validate(stock, sample, cores, invalid);
        if (invalid.get() > 0) {
            throw new IllegalStateException(invalid.get() + " of the benchmark's messages did not validate");
        }
        report.line("## Ceilings: each step alone, service stopped");
        report.line("");
        report.line("The same messages (" + payloads.size() + "; the stock validator on " + sample.size() + "). Validation is the service's "
                + "steps: parse (to read the event), validate the text as received against base R4 and the event's message profile.");
        report.line("");
        report.line("| step | 1 thread | " + cores + " threads (all cores) |");
        report.line("| --- | ---: | ---: |");
        report.line("| plain Kafka consumer (both inbound topics, %d records) | — | %.0f/s |".formatted(consumerRecords, consumer));
        report.line("| HAPI parse alone | %.0f/s | %.0f/s |".formatted(parseOne, parseAll));
        report.line("| validation, the service's validator (InstanceValidators reused) | %.1f/s | **%.1f/s** |".formatted(validateOne, validateAll));
        report.line("| validation, HAPI's stock FhirInstanceValidator (one InstanceValidator per call) | %.1f/s | %.1f/s |".formatted(stockOne, stockAll));
        report.line("");
        report.line("## Ratios");
        report.line("");
        report.line("| ratio | value | goal |");
        report.line("| --- | ---: | --- |");
        report.line("| end-to-end throughput ÷ validation alone on all cores (same validator) | **%.0f %%** | ≥ 80 %% |".formatted(100 * e2e / validateAll));
        report.line("| end-to-end throughput ÷ stock validation alone on all cores | %.0f %% | (for comparison) |".formatted(100 * e2e / stockAll));
        report.line("| validation's share of the service's CPU per message (%.1f ms of %.1f ms) | %.0f %% | |".formatted(
                1000.0 * cores / validateAll, serviceCpuMillis, 100 * (1000.0 * cores / validateAll) / serviceCpuMillis));
        report.line("| reused ÷ stock InstanceValidator, one thread | %.1f× | |".formatted(validateOne / stockOne));
        report.line("| parse ÷ validation, one thread | %.0f× | |".formatted(parseOne / validateOne));
        report.line("");

        log("Profiling validation");
        Path jfr = Path.of("target/bench-validation.jfr");
        ValidatorProfile.Result stockProfile = ValidatorProfile.profile(() -> run(() -> Ceilings.validate(stock, sample, 1, invalid)), jfr);
        ValidatorProfile.Result reusedProfile = ValidatorProfile.profile(() -> run(() -> Ceilings.validate(service, payloads, 1, invalid)), jfr);
        report.line("## Where validation spends its time");
        report.line("");
        report.line("JFR execution samples (every 2 ms) of one thread validating; share of samples with the step on the stack.");
        report.line("");
        report.line("| step | stock validator (%d samples) | service's validator (%d samples) |".formatted(stockProfile.samples(), reusedProfile.samples()));
        report.line("| --- | ---: | ---: |");
        for (int i = 0; i < stockProfile.steps().size(); i++) {
            report.line("| %s | %.1f %% | %.1f %% |".formatted(stockProfile.steps().get(i).what(), stockProfile.steps().get(i).percent(),
                    reusedProfile.steps().get(i).percent()));
        }
        report.line("");
        shares("Hottest methods, stock validator (inclusive)", stockProfile.inclusive());
        shares("Hottest methods, service's validator (inclusive)", reusedProfile.inclusive());
        shares("Hottest methods, service's validator (self)", reusedProfile.self());
    }

    private void shares(String title, List<ValidatorProfile.Share> shares) {
        report.line("### " + title);
        report.line("");
        report.line("| method | share of samples |");
        report.line("| --- | ---: |");
        shares.forEach(share -> report.line("| `%s` | %.1f %% |".formatted(share.what(), share.percent())));
        report.line("");
    }

    private interface Work {
        void run() throws Exception;
    }

    private static void run(Work work) {
        try {
            work.run();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void send(Outgoing message, KafkaProducer<String, String> producer, Acknowledgements acks) {
        ProducerRecord<String, String> record = new ProducerRecord<>(message.topic(), message.key(), message.json());
        record.headers().add("content-type", "application/fhir+json; fhirVersion=4.0".getBytes(StandardCharsets.UTF_8));
        acks.sending(message.messageId());
        producer.send(record);
    }

    private static KafkaProducer<String, String> producer(String bootstrap) {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, "0"));
    }

    static void createTopics(String bootstrap) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            List<NewTopic> topics = new ArrayList<>();
            for (String topic : List.of("hospital.fhir.in", "municipality.fhir.in", "hospital.fhir.out", "municipality.fhir.out",
                    "hospital.fhir.in.dlq", "municipality.fhir.in.dlq")) {
                topics.add(new NewTopic(topic, PARTITIONS, (short) 1));
            }
            admin.createTopics(topics).all().get();
        }
    }

    private static List<TopicPartition> partitions(List<String> topics) {
        return topics.stream().flatMap(topic -> IntStream.range(0, PARTITIONS).mapToObj(p -> new TopicPartition(topic, p))).toList();
    }

    private static String percentiles(List<Double> latencies) {
        return "p50 %.0f ms, p99 %.0f ms, max %.0f ms".formatted(percentile(latencies, 50), percentile(latencies, 99), percentile(latencies, 100));
    }

    /** Nearest-rank percentile. */
    static double percentile(List<Double> values, double percent) {
        List<Double> sorted = values.stream().sorted(Comparator.naturalOrder()).toList();
        int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }

    private static void log(String text) {
        System.out.println("[bench] " + text);
    }

    static void deleteRecursively(Path path) throws Exception {
        if (Files.exists(path)) {
            try (var files = Files.walk(path)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    /** The report, line by line. */
    private static final class Report {
        private final StringBuilder text = new StringBuilder();

        void line(String line) {
            text.append(line).append('\n');
        }

        String text() {
            return text.toString();
        }
    }
}

package no.samhandling.discharge.bench.data;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Sends generated stays through the service's own write path, as wards and intake teams would: POST /stays,
 * then each event, with an integration token (acts for every hospital and municipality). Stays go in
 * parallel, each stay's requests in order. Every request carries an Idempotency-Key made from the seed
 * and the stay's place, so running the same load again within a day repeats no effect.
 */
public final class Loader {

    /** What a load did. */
    public record Result(int stays, long requests, Duration took, int refused, String firstRefusal) {
        public double requestsPerSecond() {
            return requests / Math.max(0.001, took.toNanos() / 1e9);
        }
    }

    private final ServiceClient service;
    private final long seed;

    public Loader(ServiceClient service, long seed) {
        this.service = service;
        this.seed = seed;
    }

    /** Reference data of the synthetic part of an area (partnerships, trusts, municipalities, population) through the admin PUTs. */
    public void enterSyntheticReferenceData(Area area) throws Exception {
        for (Area.Partnership partnership : area.partnerships()) {
            if (partnership.synthetic()) {
                service.put("/health-partnerships/" + partnership.id(), Generator.json("name", partnership.name()));
            }
        }
        for (Area.Trust trust : area.trusts()) {
            if (trust.synthetic()) {
                service.put("/hospital-trusts/" + trust.organisationNumber(), Generator.json("name", trust.name()));
            }
        }
        for (Area.Municipality m : area.municipalities()) {
            if (!m.synthetic()) {
                continue;
            }
            service.put("/municipalities/" + m.number(), Generator.json("name", m.name(), "county", m.county(),
                    "localHospitalArea", m.localHospitalArea(), "hospitalTrust", m.trust(), "healthPartnership", m.partnership()));
            for (var year : m.population().entrySet()) {
                StringBuilder groups = new StringBuilder("{");
                for (int g = 0; g < Area.AGE_GROUPS.size(); g++) {
                    groups.append(g == 0 ? "" : ",").append('"').append(Area.AGE_GROUPS.get(g)).append("\":").append(year.getValue()[g]);
                }
                service.put("/municipalities/" + m.number() + "/population/" + year.getKey(),
                        Generator.json("ageGroups", Generator.raw(groups.append('}').toString()), "source", "Synthetic (bench/ generator)"));
            }
        }
    }

    /** Sends every stay's steps that have happened by {@code now}, with {@code threads} stays at a time. */
    public Result load(List<StayScript> stays, Instant now, int threads, String label) throws InterruptedException {
        List<Batch> batches = new ArrayList<>();
        for (int i = 0; i < stays.size(); i++) {
            StayScript stay = stays.get(i);
            String key = "gen-" + seed + "-" + label + "-" + i;
            batches.add(new Batch(1, () -> send(stay, now, key)));
        }
        return inParallel(label, stays.size(), threads, batches);
    }

    /** The bulk path through the service's own write path (StayRegistration, StayEvents): outbox and audit per event. */
    public static final String IMPORTS = "/stays/imports";
    /** The fast path for history: the same checks and figures, written with COPY, no messages, one audit row per stay. */
    public static final String HISTORY_IMPORTS = "/stays/history-imports";

    /**
     * The same stays through a bulk path ({@link #IMPORTS} or {@link #HISTORY_IMPORTS}, admin): {@code batch} stays
     * per call and transaction, {@code threads} calls at a time. Counts the registrations and events as requests.
     */
    public Result loadInBulk(String path, List<StayScript> stays, Instant now, int threads, int batch, String label) throws InterruptedException {
        List<Batch> batches = new ArrayList<>();
        for (int from = 0; from < stays.size(); from += batch) {
            List<StayScript> part = stays.subList(from, Math.min(stays.size(), from + batch));
            String key = "gen-" + seed + "-" + label + "-bulk-" + from;
            batches.add(new Batch(part.size(), () -> {
                StringBuilder body = new StringBuilder("{\"stays\":[");
                long events = part.size();
                for (StayScript stay : part) {
                    body.append(body.charAt(body.length() - 1) == '[' ? "" : ",").append("{\"registration\":").append(stay.registration())
                            .append(",\"steps\":[");
                    List<StayScript.Step> steps = stay.stepsBy(now);
                    for (int i = 0; i < steps.size(); i++) {
                        body.append(i == 0 ? "" : ",").append("{\"path\":\"").append(steps.get(i).path()).append("\",\"body\":")
                                .append(steps.get(i).json()).append('}');
                    }
                    events += steps.size();
                    body.append("]}");
                }
                service.post(path, body.append("]}").toString(), service.admin(), key);
                return events;
            }));
        }
        return inParallel(label, stays.size(), threads, batches);
    }

    /** Some stays' requests: how many stays, and the work, which answers how many requests it made. */
    private record Batch(int stays, Callable<Long> work) {
    }

    private static Result inParallel(String label, int total, int threads, List<Batch> batches) throws InterruptedException {
        AtomicLong requests = new AtomicLong();
        AtomicInteger refused = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        AtomicReference<String> firstRefusal = new AtomicReference<>();
        long start = System.nanoTime();
        int every = Math.max(2000, total / 20);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        for (Batch batch : batches) {
            pool.execute(() -> {
                try {
                    requests.addAndGet(batch.work().call());
                } catch (Exception e) {
                    refused.addAndGet(batch.stays());
                    firstRefusal.compareAndSet(null, e.getMessage() == null ? e.toString() : e.getMessage());
                }
                int finished = done.addAndGet(batch.stays());
                if (finished / every != (finished - batch.stays()) / every) {
                    System.out.printf("[generator] %s: %d of %d stays, %d requests, %.0f/s%n", label, finished, total, requests.get(),
                            requests.get() / ((System.nanoTime() - start) / 1e9));
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(7, TimeUnit.DAYS);
        return new Result(total, requests.get(), Duration.ofNanos(System.nanoTime() - start), refused.get(), firstRefusal.get());
    }

    private long send(StayScript stay, Instant now, String key) throws Exception {
        String token = service.integration();
        String answer = service.post("/stays", stay.registration(), token, key);
        long requests = 1;
        String id = ServiceClient.stayIdOf(answer);
        int n = 0;
        for (StayScript.Step step : stay.stepsBy(now)) {
            String path = step.correctsPrevious()
                    ? "/stays/" + id + "/events/" + ServiceClient.lastEventId(answer) + "/correction"
                    : "/stays/" + id + "/" + step.path();
            answer = service.post(path, step.json(), token, key + "-" + n++);
            requests++;
        }
        return requests;
    }
}

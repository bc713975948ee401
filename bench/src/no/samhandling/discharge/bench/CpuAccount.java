package no.samhandling.discharge.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU time used by each party of the run: the service's process, PostgreSQL's processes, and the
 * benchmark's own process (which also runs the Kafka broker).
 */
final class CpuAccount {

    private final ProcessHandle service;

    CpuAccount(ProcessHandle service) {
        this.service = service;
    }

    /** CPU seconds so far, per party. */
    Map<String, Double> read() {
        Map<String, Double> seconds = new LinkedHashMap<>();
        seconds.put("service", cpu(service));
        // pg_ctl detaches PostgreSQL from the process that started it: found by the embedded binaries' path.
        seconds.put("PostgreSQL", ProcessHandle.allProcesses()
                .filter(p -> p.info().command().map(c -> c.contains("embedded-pg") && c.endsWith("postgres")).orElse(false))
                .mapToDouble(CpuAccount::cpu).sum());
        seconds.put("Kafka broker + load generator (benchmark process)",
                ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime() / 1e9);
        return seconds;
    }

    private static double cpu(ProcessHandle process) {
        return process.info().totalCpuDuration().map(Duration::toNanos).orElse(0L) / 1e9;
    }

    /**
     * The service's CPU so far by kind of thread, in clock ticks (Linux: {@code /proc/<pid>/task}); empty
     * elsewhere. Threads that ended between two readings are not counted: the service's threads live long.
     */
    Map<String, Long> serviceThreads() {
        Map<String, Long> ticks = new LinkedHashMap<>();
        Path tasks = Path.of("/proc", Long.toString(service.pid()), "task");
        if (!Files.isDirectory(tasks)) {
            return ticks;
        }
        try (Stream<Path> threads = Files.list(tasks)) {
            threads.forEach(thread -> {
                try {
                    String stat = Files.readString(thread.resolve("stat"));
                    // pid (name) state ... utime stime: fields 14 and 15, counted after the name's closing parenthesis
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    ticks.merge(threadKind(name), Long.parseLong(fields[11]) + Long.parseLong(fields[12]), Long::sum);
                } catch (IOException | RuntimeException ended) {
                    // the thread ended while being read
                }
            });
        } catch (IOException e) {
            return ticks;
        }
        return ticks;
    }

    static String threadKind(String name) {
        if (name.startsWith("executor-thread")) {
            return "handling inbound messages (parse, validate, apply, acknowledge)";
        } else if (name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler")) {
            return "JIT compiler";
        } else if (name.startsWith("GC Thread") || name.startsWith("G1 ")) {
            return "garbage collector";
        } else if (name.startsWith("outbox-relay")) {
            return "outbox relay";
        } else if (name.startsWith("kafka-") || name.startsWith("smallrye-kafka") || name.startsWith("vert.x-")) {
            return "Kafka clients and event loop";
        }
        return "other";
    }

    /**
     * CPU seconds so far that the hypervisor gave to other machines while this one wanted to run (steal,
     * from {@code /proc/stat}, in USER_HZ = 100 ticks per second); 0 where there is no such file.
     */
    static double stolenSeconds() {
        try {
            String[] cpu = Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
            return Long.parseLong(cpu[8]) / 100.0;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** Each kind's share of the service's CPU between two readings. */
    static Map<String, Double> shares(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Double> shares = new LinkedHashMap<>();
        long total = after.entrySet().stream().mapToLong(e -> e.getValue() - before.getOrDefault(e.getKey(), 0L)).sum();
        after.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> shares.put(e.getKey(), total == 0 ? 0 : (double) (e.getValue() - before.getOrDefault(e.getKey(), 0L)) / total));
        return shares;
    }

    /** Milliseconds of CPU per message, per party, between two readings. */
    static Map<String, Double> perMessageMillis(Map<String, Double> before, Map<String, Double> after, int messages) {
        Map<String, Double> perMessage = new LinkedHashMap<>();
        after.forEach((party, seconds) -> perMessage.put(party, 1000 * (seconds - before.getOrDefault(party, 0.0)) / messages));
        return perMessage;
    }
}

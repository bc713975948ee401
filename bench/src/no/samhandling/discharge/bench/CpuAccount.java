package no.samhandling.discharge.bench;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

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

    /** Milliseconds of CPU per message, per party, between two readings. */
    static Map<String, Double> perMessageMillis(Map<String, Double> before, Map<String, Double> after, int messages) {
        Map<String, Double> perMessage = new LinkedHashMap<>();
        after.forEach((party, seconds) -> perMessage.put(party, 1000 * (seconds - before.getOrDefault(party, 0.0)) / messages));
        return perMessage;
    }
}

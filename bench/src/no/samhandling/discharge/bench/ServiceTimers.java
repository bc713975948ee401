package no.samhandling.discharge.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The service's own timers, read from its Prometheus endpoint: count and total seconds per timer. */
final class ServiceTimers {

    private static final Pattern LINE = Pattern.compile(
            "^(discharge_messages_in_step_seconds|discharge_outbox_delay_seconds)_(count|sum)(\\{[^}]*step=\"([a-z]+)\"[^}]*})?\\s+([0-9.Ee+-]+)$");

    private ServiceTimers() {
    }

    /** Timer name (the step, or "outbox delay") → {count, seconds}. */
    static Map<String, double[]> read(String prometheusText) {
        Map<String, double[]> timers = new LinkedHashMap<>();
        for (String line : prometheusText.split("\n")) {
            Matcher matcher = LINE.matcher(line.trim());
            if (matcher.matches()) {
                String name = matcher.group(4) != null ? "inbound: " + matcher.group(4) : "outbox: commit → on Kafka";
                double[] values = timers.computeIfAbsent(name, n -> new double[2]);
                values[matcher.group(2).equals("count") ? 0 : 1] += Double.parseDouble(matcher.group(5));
            }
        }
        return timers;
    }

    /** Mean milliseconds per timer between two readings. */
    static Map<String, Double> meansMillis(Map<String, double[]> before, Map<String, double[]> after) {
        Map<String, Double> means = new LinkedHashMap<>();
        after.forEach((name, values) -> {
            double[] earlier = before.getOrDefault(name, new double[2]);
            double count = values[0] - earlier[0];
            if (count > 0) {
                means.put(name, 1000 * (values[1] - earlier[1]) / count);
            }
        });
        return means;
    }
}

package no.samhandling.discharge.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The service's own timers, read from its Prometheus endpoint: count, total seconds and the histogram
 * buckets per timer, so that a burst of slow messages shows in a step's p99 where a mean hides it.
 */
final class ServiceTimers {

    private static final Pattern LINE = Pattern.compile(
            "^(discharge_messages_in_step_seconds|discharge_outbox_delay_seconds)_(count|sum|bucket)(\\{([^}]*)})?\\s+([0-9.Ee+-]+)$");
    private static final Pattern STEP = Pattern.compile("step=\"([a-z]+)\"");
    private static final Pattern LE = Pattern.compile("le=\"([^\"]+)\"");

    /** One timer at one moment: count, seconds, and cumulative count per bucket's upper bound (seconds). */
    record Reading(double count, double seconds, TreeMap<Double, Double> buckets) {
    }

    private ServiceTimers() {
    }

    /** Timer name (the step, or "outbox delay") → its reading. */
    static Map<String, Reading> read(String prometheusText) {
        Map<String, double[]> totals = new LinkedHashMap<>();
        Map<String, TreeMap<Double, Double>> buckets = new LinkedHashMap<>();
        for (String line : prometheusText.split("\n")) {
            Matcher matcher = LINE.matcher(line.trim());
            if (!matcher.matches()) {
                continue;
            }
            String labels = matcher.group(4) == null ? "" : matcher.group(4);
            Matcher step = STEP.matcher(labels);
            String name = step.find() ? "inbound: " + step.group(1) : "outbox: commit → on Kafka";
            double value = Double.parseDouble(matcher.group(5));
            switch (matcher.group(2)) {
                case "count" -> totals.computeIfAbsent(name, n -> new double[2])[0] += value;
                case "sum" -> totals.computeIfAbsent(name, n -> new double[2])[1] += value;
                default -> {
                    Matcher le = LE.matcher(labels);
                    if (le.find()) {
                        double bound = le.group(1).equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(le.group(1));
                        buckets.computeIfAbsent(name, n -> new TreeMap<>()).merge(bound, value, Double::sum);
                    }
                }
            }
        }
        Map<String, Reading> readings = new LinkedHashMap<>();
        totals.forEach((name, t) -> readings.put(name, new Reading(t[0], t[1], buckets.getOrDefault(name, new TreeMap<>()))));
        return readings;
    }

    /** Per timer between two readings: {mean ms, p99 ms (the upper bound of the bucket that holds it), count}. */
    static Map<String, double[]> between(Map<String, Reading> before, Map<String, Reading> after) {
        Map<String, double[]> result = new LinkedHashMap<>();
        after.forEach((name, reading) -> {
            Reading earlier = before.getOrDefault(name, new Reading(0, 0, new TreeMap<>()));
            double count = reading.count() - earlier.count();
            if (count <= 0) {
                return;
            }
            double p99 = Double.NaN;
            for (Map.Entry<Double, Double> bucket : reading.buckets().entrySet()) {
                double cumulative = bucket.getValue() - earlier.buckets().getOrDefault(bucket.getKey(), 0.0);
                if (cumulative >= 0.99 * count) {
                    p99 = bucket.getKey() * 1000;
                    break;
                }
            }
            result.put(name, new double[] {1000 * (reading.seconds() - earlier.seconds()) / count, p99, count});
        });
        return result;
    }
}

package io.flowhub.bench.soak;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/** Every request the soak's clients made: its kind, status and latency. */
final class SoakMetrics {

    private final Map<String, ConcurrentLinkedQueue<Double>> latencies = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> statuses = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<String> serverErrors = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<String> surprises = new ConcurrentLinkedQueue<>();
    private final AtomicLong requests = new AtomicLong();

    void record(String kind, int status, double millis, String detail) {
        requests.incrementAndGet();
        latencies.computeIfAbsent(kind, any -> new ConcurrentLinkedQueue<>()).add(millis);
        statuses.computeIfAbsent(status / 100 + "xx", any -> new AtomicLong()).incrementAndGet();
        if (status >= 500) {
            serverErrors.add(kind + " " + status + ": " + detail);
        }
    }

    /** A client saw something the system promised would not happen (a job that did not add up, ...). */
    void surprise(String what) {
        surprises.add(what);
    }

    long requests() {
        return requests.get();
    }

    long serverErrors() {
        return serverErrors.size();
    }

    List<String> serverErrorSamples() {
        return serverErrors.stream().limit(10).toList();
    }

    List<String> surprises() {
        return List.copyOf(surprises);
    }

    Map<String, Long> statusClasses() {
        var counts = new TreeMap<String, Long>();
        statuses.forEach((status, count) -> counts.put(status, count.get()));
        return counts;
    }

    /** @return per kind of request: count, p50 and p99 in milliseconds */
    Map<String, double[]> percentiles() {
        var table = new TreeMap<String, double[]>();
        latencies.forEach((kind, values) -> {
            var sorted = new ArrayList<>(values);
            sorted.sort(Double::compare);
            table.put(kind, new double[] {sorted.size(), at(sorted, 0.50), at(sorted, 0.99)});
        });
        return table;
    }

    private static double at(List<Double> sorted, double quantile) {
        return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(quantile * sorted.size()) - 1));
    }
}

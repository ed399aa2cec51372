package io.flowhub.bench;

import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * B6's load driver, run in a JVM of its own: keeps a fixed number of requests in flight against
 * each target in turn (closed loop), round after round, and writes each round's latencies, summed
 * up, to a file: a round of every target is one repetition of the scenario.
 */
public final class GatewayLoad {

    public static final String ROLE = "load-driver";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One endpoint to load: {@code body} is null for a GET. */
    record Target(String name, String method, String url, Map<String, String> headers, String body) {
    }

    /**
     * @param warmUpSeconds untimed seconds on each target first
     * @param seconds       seconds per target per round
     * @param rounds        how many times the targets take turns
     * @param concurrency   requests in flight at once
     */
    record Plan(int warmUpSeconds, int seconds, int rounds, int concurrency, List<Target> targets) {
    }

    /** What one target got: its latencies (ms), the requests it answered and those that failed, over how long. */
    record Outcome(List<Double> latencies, long failures, double seconds) {
    }

    /**
     * One target's round, summed up.
     *
     * @param start when it began, epoch milliseconds
     * @param end   when it ended, epoch milliseconds
     */
    record Round(long start, long end, double p50, double p99, long requests, long failures) {

        double requestsPerSecond() {
            return requests / Math.max((end - start) / 1000.0, 1e-3);
        }
    }

    private GatewayLoad() {
    }

    /** Runs the plan at {@code arguments[0]}, writing a map of target name to its {@link Round}s to {@code arguments[1]}. */
    public static void main(String[] arguments) throws Exception {
        Plan plan = JSON.readValue(Files.readString(Path.of(arguments[0])), Plan.class);
        var http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newVirtualThreadPerTaskExecutor()).build();
        for (Target target : plan.targets()) {
            load(http, target, plan.concurrency(), Duration.ofSeconds(plan.warmUpSeconds()));
        }
        var outcomes = new LinkedHashMap<String, List<Round>>();
        for (int round = 0; round < plan.rounds(); round++) {
            for (Target target : plan.targets()) {
                long start = System.currentTimeMillis();
                Outcome outcome = load(http, target, plan.concurrency(), Duration.ofSeconds(plan.seconds()));
                long end = System.currentTimeMillis();
                double[] latencies = outcome.latencies().stream().mapToDouble(Double::doubleValue).toArray();
                var summed = latencies.length == 0 ? new Round(start, end, 0, 0, 0, outcome.failures())
                        : new Round(start, end, Bootstrap.percentile(latencies, 50), Bootstrap.percentile(latencies, 99),
                                latencies.length, outcome.failures());
                outcomes.computeIfAbsent(target.name(), name -> new ArrayList<>()).add(summed);
            }
        }
        Files.writeString(Path.of(arguments[1]), JSON.writeValueAsString(outcomes));
        System.exit(0);
    }

    private static Outcome load(HttpClient http, Target target, int concurrency, Duration length) throws Exception {
        HttpRequest request = request(target);
        long start = System.nanoTime();
        long deadline = start + length.toNanos();
        var workers = new ArrayList<Future<Outcome>>();
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < concurrency; i++) {
                workers.add(executor.submit(() -> {
                    var latencies = new ArrayList<Double>();
                    long failures = 0;
                    while (System.nanoTime() < deadline) {
                        long sent = System.nanoTime();
                        var response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                        if (response.statusCode() / 100 == 2) {
                            latencies.add((System.nanoTime() - sent) / 1e6);
                        } else {
                            failures++;
                        }
                    }
                    return new Outcome(latencies, failures, 0);
                }));
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        var latencies = new ArrayList<Double>();
        long failures = 0;
        for (var worker : workers) {
            latencies.addAll(worker.get().latencies());
            failures += worker.get().failures();
        }
        return new Outcome(latencies, failures, seconds);
    }

    private static HttpRequest request(Target target) {
        var request = HttpRequest.newBuilder(URI.create(target.url())).timeout(Duration.ofSeconds(30));
        target.headers().forEach(request::header);
        return request.method(target.method(), target.body() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(target.body())).build();
    }
}

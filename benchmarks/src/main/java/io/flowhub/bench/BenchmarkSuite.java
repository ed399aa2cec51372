package io.flowhub.bench;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the benchmark scenarios on a fresh local stack and writes benchmarks/RESULTS.md and
 * benchmarks/results.json. {@code --quick} runs small workloads only, to check the harness.
 */
public final class BenchmarkSuite {

    private static final Logger log = LoggerFactory.getLogger(BenchmarkSuite.class);

    private BenchmarkSuite() {
    }

    public static void main(String[] arguments) throws Exception {
        boolean quick = List.of(arguments).contains("--quick");
        Instant started = Instant.now();
        var results = new ArrayList<Result>();
        try (var env = new BenchEnvironment()) {
            var scenarios = new Scenarios(env);
            results.add(logged(scenarios.b1(1_000, quick ? 2 : 5, 50)));
            results.add(logged(scenarios.b1(10_000, quick ? 1 : 3, 50)));
            if (!quick) {
                results.add(logged(scenarios.b1(100_000, 2, 1_000)));
            }
            results.add(logged(scenarios.b2(quick ? 1 : 3)));
            if (!quick) {
                results.add(logged(scenarios.b3(2)));
            }
            results.add(logged(scenarios.b5(quick ? 50 : 200)));
            if (!quick) {
                results.add(logged(scenarios.b4(2)));
            }
        }
        Duration took = Duration.between(started, Instant.now());
        ResultsWriter.write(Path.of("benchmarks"), results, List.of(
                "B6 gateway under load from a second process", "B7 worker heap peak during a 1M-item filter job"), took);
        log.info("Benchmarks done in {} s: benchmarks/RESULTS.md and benchmarks/results.json", took.toSeconds());
        System.exit(0);
    }

    private static Result logged(Result result) {
        log.info("{} {} ({}): project {} ms, baseline {} ms, ratio {}", result.id(), result.title(), result.size(),
                Math.round(result.projectFigure()), Math.round(result.baselineFigure()),
                String.format("%.2f", result.ratio()));
        return result;
    }
}

package io.flowhub.bench;

import io.flowhub.events.BatchSize;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Runs the benchmark scenarios on a fresh local stack and writes benchmarks/RESULTS.md and
 * benchmarks/results.json. {@code --quick} runs small workloads only, to check the harness, and
 * writes them under benchmarks/target/quick.
 * Started as {@code load-driver}, {@code bulk-worker} or {@code cleanup-worker}, it plays that part
 * in a JVM of its own (for B6, B7 and the chaos suite) instead; started as {@code chaos}, it runs
 * the chaos suite ({@link io.flowhub.bench.chaos.ChaosSuite}).
 */
public final class BenchmarkSuite {

    private static final Logger log = LoggerFactory.getLogger(BenchmarkSuite.class);

    /** The role of a child JVM that runs bulk-worker alone. */
    public static final String BULK_WORKER_ROLE = ProcessScenarios.WORKER_ROLE;
    /** The role of a child JVM that runs cleanup-worker alone. */
    public static final String CLEANUP_WORKER_ROLE = "cleanup-worker";

    private BenchmarkSuite() {
    }

    public static void main(String[] arguments) throws Exception {
        String[] rest = arguments.length == 0 ? arguments : Arrays.copyOfRange(arguments, 1, arguments.length);
        if (arguments.length > 0 && arguments[0].equals(GatewayLoad.ROLE)) {
            GatewayLoad.main(rest);
            return;
        }
        if (arguments.length > 0 && arguments[0].equals(ProcessScenarios.WORKER_ROLE)) {
            ProcessScenarios.runWorker(rest);
            return;
        }
        if (arguments.length > 0 && arguments[0].equals(CLEANUP_WORKER_ROLE)) {
            io.flowhub.cleanup.CleanupWorkerApplication.main(rest);
            return;
        }
        if (arguments.length > 0 && arguments[0].equals(io.flowhub.bench.soak.SoakRun.STACK_ROLE)) {
            io.flowhub.bench.soak.SoakRun.runStack(rest);
            return;
        }
        if (arguments.length > 0 && arguments[0].equals("soak")) {
            io.flowhub.bench.soak.SoakRun.main(rest);
            return;
        }
        if (arguments.length > 0 && arguments[0].equals("chaos")) {
            io.flowhub.bench.chaos.ChaosSuite.main(rest);
            return;
        }
        boolean quick = List.of(arguments).contains("--quick");
        Instant started = Instant.now();
        var results = new ArrayList<Result>();
        String stack;
        try (var env = new BenchEnvironment(System.getenv())) {
            stack = env.description;
            var scenarios = new Scenarios(env);
            var isolated = new ProcessScenarios(env);
            log.info("Warming up: one untimed round of each scenario at a small size");
            scenarios.b1(2_000, 1, 50);
            scenarios.b1(5_000, 1, 1_000);
            scenarios.b2(1_000, 100, 1);
            scenarios.b3(5_000, 2_500, 1);
            scenarios.b5(20);
            log.info("Measuring");
            results.add(logged(scenarios.b1(1_000, quick ? 2 : 5, 50)));
            results.add(logged(scenarios.b1(10_000, quick ? 1 : 3, 50)));
            results.add(logged(scenarios.b1(quick ? 20_000 : 100_000, quick ? 1 : 2, 1_000)));
            results.add(logged(scenarios.b1(quick ? 20_000 : 100_000, quick ? 1 : 3, BatchSize.MAX)));
            results.add(logged(scenarios.b2(10_000, 1_000, quick ? 1 : 5)));
            results.add(logged(quick ? scenarios.b3(20_000, 10_000, 1) : scenarios.b3(100_000, 50_000, 2)));
            results.add(logged(scenarios.b5(quick ? 50 : 200)));
            isolated.b6(quick ? 2 : 5, quick ? 1 : 2).forEach(result -> results.add(logged(result)));
            scenarios.b4(5_000, 1);
            results.add(logged(scenarios.b4(quick ? 10_000 : 100_000, quick ? 1 : 3)));
            results.add(logged(quick ? isolated.b7(50_000, 5_000) : isolated.b7(1_000_000, 10_000)));
        }
        Duration took = Duration.between(started, Instant.now());
        // why: a quick check of the harness must not overwrite the committed results of a full run
        Path written = Path.of(quick ? "benchmarks/target/quick" : "benchmarks");
        ResultsWriter.write(written, results, stack, took);
        log.info("Benchmarks done in {} s: {}/RESULTS.md and {}/results.json", took.toSeconds(), written, written);
        System.exit(0);
    }

    private static Result logged(Result result) {
        log.info("{} {} ({}): project {} {}, baseline {} {}, ratio {}", result.id(), result.title(), result.size(),
                Math.round(result.projectFigure()), result.unit(), Math.round(result.baselineFigure()), result.unit(),
                String.format(Locale.ROOT, "%.2f", result.ratio()));
        return result;
    }
}

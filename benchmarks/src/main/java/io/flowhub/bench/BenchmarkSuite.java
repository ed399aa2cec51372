package io.flowhub.bench;

import io.flowhub.events.BatchSize;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Locale;

/**
 * Runs the benchmark scenarios on a fresh local stack and writes benchmarks/RESULTS.md and
 * benchmarks/results.json. {@code --quick} runs small workloads only, to check the harness, and
 * writes them under benchmarks/target/quick.
 Started by {@link io.flowhub.bench.launch.Bench}, which also starts the child JVMs' roles, chaos and soak.
 */
public final class BenchmarkSuite {

    private static final Logger log = LoggerFactory.getLogger(BenchmarkSuite.class);

    /** The role of a child JVM that runs bulk-worker alone. */
    public static final String BULK_WORKER_ROLE = ProcessScenarios.WORKER_ROLE;
    /** The role of a child JVM that runs cleanup-worker alone. */
    public static final String CLEANUP_WORKER_ROLE = "cleanup-worker";

    private BenchmarkSuite() {
    }

    /** Runs the suite, or with {@code --compare} compares two results files; see {@link #USAGE}. */
    public static void run(String[] arguments) throws Exception {
        Options options;
        try {
            options = Options.parse(arguments);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        if (options.compareWith() != null) {
            try {
                System.out.print(Trend.compare(options.compare(), options.compareWith()));
            } catch (IllegalArgumentException e) {
                System.err.println(e.getMessage());
                System.exit(2);
            }
            return;
        }
        if (options.compare() != null) {
            Trend.rows(options.compare());
        }
        if (options.profile()) {
            profile();
            return;
        }
        boolean quick = options.quick();
        Instant started = Instant.now();
        var results = new ArrayList<Result>();
        Servers servers;
        String arrangement;
        int cores;
        // why: the budget is 25 minutes on 2 cores, the build and the stack's start included. B7 (a
        // million items) took 7 to 8.5 minutes across runs, B4 at its fewest repetitions about 2.5 and B8 about
        // 1.5; they come after the adaptive rows, which share what is left, the longest of them (B1 at 100k) last
        var clock = new SuiteClock(quick ? Duration.ofMinutes(6) : Duration.ofMinutes(23),
                quick ? Duration.ofMinutes(1) : Duration.ofMinutes(13));
        try (var env = new BenchEnvironment(System.getenv())) {
            servers = env.servers;
            arrangement = env.cores.arrangement();
            cores = env.cores.allowed().size();
            var repetitions = new Repetitions(env, clock);
            var scenarios = new Scenarios(env, repetitions);
            var dispatch = new DispatchLatencyScenario(env);
            var isolated = new ProcessScenarios(env);
            var teardown = new ParallelTeardownScenario(env, repetitions);
            log.info("Measuring {}; {}", servers.sentence(), arrangement);
            warmUp(scenarios, teardown);
            dispatch.b5(20, 1);
            log.info("Measuring");
            // why: five repetitions at least: the bootstrap interval of a median of three covers it only about
            // 75 % of the time, of five about 94 %; a quick run's intervals, from three, are a harness check
            results.add(logged(scenarios.b1(1_000, 50, plan(quick, 5, 15, 60))));
            // why: a row without a target stops at its fewest; three give its figure, and leave time for verdicts
            results.add(logged(scenarios.b1(10_000, 50, plan(quick, 3, 3, 60))));
            results.add(logged(scenarios.b2(10_000, 1_000, plan(quick, 5, 15, 90))));
            results.add(logged(dispatch.b5(quick ? 50 : 200, quick ? 1 : 3)));
            isolated.b6(quick ? 1 : 3, 5, plan(quick, 10, 30, 120)).forEach(result -> results.add(logged(result)));
            results.add(logged(quick ? scenarios.b3(20_000, 10_000, plan(true, 3, 3, 0))
                    : scenarios.b3(100_000, 50_000, plan(false, 5, 10, 240))));
            results.add(logged(quick ? teardown.b9(5, 200, 20, plan(true, 3, 3, 0))
                    : teardown.b9(20, 500, 50, plan(false, 5, 12, 90))));
            results.add(logged(scenarios.b1(quick ? 20_000 : 100_000, BatchSize.MAX, plan(quick, 5, 12, 600))));
            results.add(logged(new FairShareScenario(env).b8(quick ? 5 : 15, quick ? 1 : 2)));
            // why: B4 resets the database, the bench user with it, so it comes after every row that needs one
            scenarios.b4(5_000, new Repetitions.Plan(1, 1, Duration.ZERO));
            results.add(logged(scenarios.b4(quick ? 10_000 : 100_000, plan(quick, 5, 10, 240))));
            results.add(logged(quick ? isolated.b7(50_000, 5_000) : isolated.b7(1_000_000, 10_000)));
        }
        Duration took = Duration.between(started, Instant.now());
        // why: a quick check of the harness must not overwrite the committed results of a full run
        Path written = Path.of(quick ? "benchmarks/target/quick" : "benchmarks");
        // why: rows run in the order that spends the clock best; the report lists them by scenario (a stable sort)
        results.sort(Comparator.comparing(Result::id));
        String json = ResultsWriter.write(written, results, new ResultsWriter.Run(servers, cores, arrangement, took));
        Path run = Files.createDirectories(written.resolve("runs"))
                .resolve(started.toString().replace(':', '-').replaceAll("\\.\\d+", "") + ".json");
        Files.writeString(run, json);
        log.info("Benchmarks done in {} s: {}/RESULTS.md, {}/results.json and {}", took.toSeconds(), written, written,
                run);
        if (options.compare() != null) {
            System.out.print(Trend.compare(options.compare(), run));
        }
        System.exit(0);
    }

    /** One untimed round of each scenario at a small size: the JIT of the stack and of the driver. */
    private static void warmUp(Scenarios scenarios, ParallelTeardownScenario teardown) throws Exception {
        log.info("Warming up: one untimed round of each scenario at a small size");
        var once = new Repetitions.Plan(1, 1, Duration.ZERO);
        scenarios.b1(2_000, 50, once);
        scenarios.b1(5_000, 1_000, once);
        scenarios.b2(1_000, 100, once);
        scenarios.b3(5_000, 2_500, once);
        teardown.b9(5, 100, 10, once);
    }

    /**
     * {@code --profile}: the rows with a target not yet met, three repetitions each, with the stack's JVM recorded by
     * JDK Flight Recorder during every project part; writes the recordings and their summary, PROFILE.md, under
     * benchmarks/target/profile. Its figures are not results: the recording costs the stack a little.
     */
    private static void profile() throws Exception {
        Path directory = Path.of("benchmarks/target/profile");
        var clock = new SuiteClock(Duration.ofMinutes(20), Duration.ZERO);
        try (var env = new BenchEnvironment(System.getenv())) {
            var repetitions = new Repetitions(env, clock);
            var scenarios = new Scenarios(env, repetitions);
            var teardown = new ParallelTeardownScenario(env, repetitions);
            warmUp(scenarios, teardown);
            var three = new Repetitions.Plan(3, 3, Duration.ZERO);
            StackProfiler profiler = env.profile(directory);
            profiler.row("B1-1k-by-ids");
            scenarios.b1(1_000, 50, three);
            profiler.row("B2-purge");
            scenarios.b2(10_000, 1_000, three);
            profiler.row("B3-tag-cleanup");
            scenarios.b3(100_000, 50_000, three);
            profiler.row("B9-parallel-teardown");
            teardown.b9(20, 500, 50, three);
            profiler.row("B1-100k-by-filter");
            scenarios.b1(100_000, BatchSize.MAX, three);
        }
        Path summary = directory.resolve("PROFILE.md");
        Files.writeString(summary, ProfileSummary.summarize(directory));
        log.info("Profiles under {}; their summary: {}", directory, summary);
        System.exit(0);
    }

    static final String USAGE = """
            usage: ./flowhub bench [--quick | --profile] [--compare OLD.json [NEW.json]]
              --quick                    small workloads, few repetitions: checks the harness (results under benchmarks/target/quick)
              --profile                  the rows with a target, recorded by JDK Flight Recorder: benchmarks/target/profile/PROFILE.md
              --compare OLD.json         run the suite, then print each row's change against an earlier results file
              --compare OLD.json NEW.json  print the change between two results files without running anything""";

    /** The command line: {@code --quick}, {@code --profile}, {@code --compare OLD [NEW]}. */
    record Options(boolean quick, boolean profile, Path compare, Path compareWith) {

        static Options parse(String[] arguments) {
            boolean quick = false;
            boolean profile = false;
            Path compare = null;
            Path with = null;
            for (int i = 0; i < arguments.length; i++) {
                switch (arguments[i]) {
                    case "--quick" -> quick = true;
                    case "--profile" -> profile = true;
                    case "--compare" -> {
                        if (i + 1 >= arguments.length || arguments[i + 1].startsWith("--")) {
                            throw new IllegalArgumentException("--compare needs an earlier results file, e.g. "
                                    + "--compare benchmarks/runs/<run>.json");
                        }
                        compare = Path.of(arguments[++i]);
                        if (i + 1 < arguments.length && !arguments[i + 1].startsWith("--")) {
                            with = Path.of(arguments[++i]);
                        }
                    }
                    default -> throw new IllegalArgumentException("Unknown argument '" + arguments[i] + "'");
                }
            }
            return new Options(quick, profile, compare, with);
        }
    }

    /** A scenario's plan: in a quick run three repetitions at most, otherwise as given. */
    private static Repetitions.Plan plan(boolean quick, int fewest, int most, int budgetSeconds) {
        return quick ? new Repetitions.Plan(Math.min(fewest, 3), Math.min(fewest, 3), Duration.ofSeconds(20))
                : new Repetitions.Plan(fewest, most, Duration.ofSeconds(budgetSeconds));
    }

    private static Result logged(Result result) {
        log.info("{} {} ({}): project {} {}, baseline {} {}, ratio {} [{}–{}], {}", result.id(), result.title(),
                result.size(), Math.round(result.project().value()), result.unit(), Math.round(result.baseline().value()),
                result.unit(), String.format(Locale.ROOT, "%.2f", result.ratio().value()),
                String.format(Locale.ROOT, "%.2f", result.ratio().low()),
                String.format(Locale.ROOT, "%.2f", result.ratio().high()), result.verdict().word());
        return result;
    }
}

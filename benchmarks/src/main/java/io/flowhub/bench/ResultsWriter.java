package io.flowhub.bench;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Writes the results as benchmarks/RESULTS.md (a table) and benchmarks/results.json (the same numbers). */
final class ResultsWriter {

    // why: the reasons for the misses seen on this machine; on another server the README has the analysis
    // why: B5 lists 200 jobs; the file keeps every repetition of a row up to this many
    private static final int MAX_LISTED_SAMPLES = 250;
    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private ResultsWriter() {
    }

    /**
     * The run as a whole, for the report's head.
     *
     * @param servers     what was measured
     * @param cores       the cores the run had (counted before the driver pinned itself to one)
     * @param arrangement how the driver and the stack were kept apart, in words
     * @param took        how long the run took
     */
    record Run(Servers servers, int cores, String arrangement, Duration took) {
    }

    /**
     * Writes RESULTS.md and results.json into the directory.
     *
     * @return the JSON written
     */
    static String write(Path directory, List<Result> results, Run run) throws IOException {
        Map<String, Object> machine = Machine.describe(run.cores());
        Files.createDirectories(directory);
        Files.writeString(directory.resolve("RESULTS.md"), markdown(results, machine, run));
        var json = new LinkedHashMap<String, Object>();
        json.put("machine", machine);
        json.put("servers", Map.of("kafka", run.servers().kafka(), "mongodb", run.servers().mongodb(),
                "embedded_mongodb", run.servers().embedded()));
        json.put("isolation", run.arrangement());
        json.put("method", Map.of("confidence", 0.95, "bootstrap_resamples", Bootstrap.RESAMPLES,
                "foreign_cores_limit", HostLoad.FOREIGN_CORES_LIMIT));
        json.put("took_seconds", run.took().toSeconds());
        var rows = new ArrayList<Map<String, Object>>();
        for (Result result : results) {
            var row = new LinkedHashMap<String, Object>();
            row.put("id", result.id());
            row.put("title", result.title());
            row.put("size", result.size());
            row.put("statistic", result.statistic());
            row.put("unit", result.unit());
            row.put("project", estimate(result.project()));
            row.put("baseline", estimate(result.baseline()));
            row.put("ratio", estimate(result.ratio()));
            row.put("target", result.target().text());
            row.put("verdict", result.verdict().word());
            row.put("repetitions", result.repetitions().size());
            row.put("counted", result.counted());
            row.put("under_foreign_load", result.foreignLoadRepetitions());
            row.put("note", result.note());
            if (result.repetitions().size() <= MAX_LISTED_SAMPLES) {
                row.put("samples", result.repetitions().stream().map(ResultsWriter::sample).toList());
            }
            rows.add(row);
        }
        json.put("results", rows);
        String written = JSON.writeValueAsString(json) + "\n";
        Files.writeString(directory.resolve("results.json"), written);
        return written;
    }

    private static String markdown(List<Result> results, Map<String, Object> machine, Run run) {
        var md = new StringBuilder();
        md.append("# Benchmark results\n\n");
        md.append("Written by `./flowhub bench` — do not edit by hand; the analysis lives in `benchmarks/README.md`.\n\n");
        md.append(String.format("Machine: %s cores, %s GiB memory, %s; commit %s; measured %s; the run took %d s.%n%n",
                machine.get("cores"), machine.get("memory_gib"), machine.get("jdk"), machine.get("commit"),
                machine.get("measured_at"), run.took().toSeconds()));
        md.append("**Servers measured:** ").append(run.servers().sentence()).append(".\n\n");
        md.append("**Driver and stack:** ").append(run.arrangement()).append(".\n\n");
        md.append("**Method.** Each row alternates project and baseline in the same run, on the same servers (each "
                + "repetition swaps which goes first), after an untimed warm-up round of every scenario. Before each "
                + "timed part both JVMs collect their garbage, so no sample pays for the one before; the pauses "
                + "that fall inside a sample and the machine's load are recorded with it, and a repetition during "
                + "which other processes took more than ").append(HostLoad.FOREIGN_CORES_LIMIT)
                .append(" of a core is flagged and not counted. A row with a target makes at least five repetitions (B6 ten rounds; a --quick run three), "
                + "whatever the clock says, and repeats until its verdict is settled with a margin (its interval clears "
                + "the limit by 5 % of it) or its time budget is spent; a row without a target makes three. A figure is the "
                + "median of the repetitions (p99 and peak rows say so); the ratio is the median of each "
                + "repetition's own project ÷ baseline; the brackets are 95 % bootstrap confidence intervals. A "
                + "target is **met** only when its whole interval meets it, **missed** only when its whole "
                + "interval misses it, and *inconclusive* otherwise.\n\n");
        md.append("| | Scenario | Workload | Project | Baseline | Ratio [95 % CI] | Repetitions | Target | Verdict |\n");
        md.append("| --- | --- | --- | --- | --- | --- | --- | --- | --- |\n");
        for (Result result : results) {
            md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | **%.2f** [%.2f–%.2f] | %s | %s | %s |%n",
                    result.id(), result.title(), result.size(), cell(result, result.project()),
                    cell(result, result.baseline()), result.ratio().value(), result.ratio().low(),
                    result.ratio().high(), repetitionsCell(result), result.target().text(), verdictCell(result)));
        }
        md.append("\n");
        for (Result result : results) {
            md.append("- ").append(result.id()).append(" (").append(result.size()).append("): ").append(result.note())
                    .append("; ").append(conditions(result)).append(".\n");
        }
        appendVerdicts(md, results, run.servers(), Verdict.MISSED, "**Where a target is missed, and what would close "
                + "it.** Missed: ");
        var inconclusive = results.stream().filter(result -> result.verdict() == Verdict.INCONCLUSIVE)
                .map(result -> result.id() + " (" + result.size() + ")").toList();
        if (!inconclusive.isEmpty()) {
            md.append("\n**Inconclusive:** ").append(String.join("; ", inconclusive)).append(": the interval reaches "
                    + "both sides of the target after every repetition the budget allowed, so this run cannot say "
                    + "whether it is met; the figure sits near its limit.\n");
        }
        return md.toString();
    }

    private static void appendVerdicts(StringBuilder md, List<Result> results, Servers servers, Verdict verdict,
            String heading) {
        var rows = results.stream().filter(result -> result.verdict() == verdict).toList();
        if (rows.isEmpty()) {
            return;
        }
        md.append("\n").append(heading).append(String.join("; ", rows.stream()
                .map(result -> result.id() + " (" + result.size() + ")").toList())).append(". ");
        if (servers.embedded()) {
            md.append(MissedTargets.ON_THE_EMBEDDED_SERVER).append(" ");
        }
        rows.stream().map(Result::id).distinct().filter(MissedTargets.BESIDES_THE_PASSES::containsKey)
                .forEach(id -> md.append(MissedTargets.BESIDES_THE_PASSES.get(id)).append(" "));
        md.append("Details: `benchmarks/README.md`.\n");
    }

    private static String verdictCell(Result result) {
        return switch (result.verdict()) {
            case MET -> "met";
            case MISSED -> "**missed**";
            case INCONCLUSIVE -> "*inconclusive*";
            case NONE -> "—";
        };
    }

    private static String repetitionsCell(Result result) {
        long flagged = result.foreignLoadRepetitions();
        String counted = result.statistic().equals("p99") && result.id().equals("B5")
                ? String.format(Locale.ROOT, "%d jobs", result.repetitions().size())
                : String.valueOf(result.counted());
        return flagged == 0 ? counted : String.format(Locale.ROOT, "%s (%d flagged)", counted, flagged);
    }

    private static String cell(Result result, Estimate estimate) {
        String unit = result.unit().equals("ms") ? "" : " " + result.unit();
        String label = switch (result.statistic()) {
            case "p99" -> "p99 ";
            case "peak" -> "peak ";
            default -> "";
        };
        if (estimate.low() == estimate.high()) {
            return String.format(Locale.ROOT, "%s%.1f%s", label, estimate.value(), unit);
        }
        return String.format(Locale.ROOT, "%s%.1f%s [%.1f–%.1f]", label, estimate.value(), unit, estimate.low(),
                estimate.high());
    }

    /** The conditions of a row's samples in a clause: load, foreign CPU, pauses. */
    private static String conditions(Result result) {
        var all = result.repetitions().stream()
                .flatMap(repetition -> java.util.stream.Stream.of(repetition.projectConditions(),
                        repetition.baselineConditions())).toList();
        var known = all.stream().filter(conditions -> conditions.foreignCores() >= 0).toList();
        String load = known.isEmpty() ? "the machine's load unknown (no /proc)" : String.format(Locale.ROOT,
                "load average %.1f–%.1f, foreign CPU at most %.2f cores", known.stream()
                        .mapToDouble(Conditions::loadAverage).min().orElse(0), known.stream()
                        .mapToDouble(Conditions::loadAverage).max().orElse(0), known.stream()
                        .mapToDouble(Conditions::foreignCores).max().orElse(0));
        double stackPauses = result.repetitions().stream().mapToDouble(repetition -> repetition.projectConditions()
                .stackGcMillis()).max().orElse(0);
        double driverPauses = result.repetitions().stream().mapToDouble(repetition -> repetition.projectConditions()
                .driverGcMillis()).max().orElse(0);
        return String.format(Locale.ROOT, "%s; at most %.0f ms of the stack's GC pauses and %.0f ms of the driver's "
                + "within a project sample", load, stackPauses, driverPauses);
    }

    private static Map<String, Object> estimate(Estimate estimate) {
        var json = new LinkedHashMap<String, Object>();
        json.put("value", round(estimate.value()));
        json.put("ci_low", round(estimate.low()));
        json.put("ci_high", round(estimate.high()));
        return json;
    }

    private static Map<String, Object> sample(Repetition repetition) {
        var json = new LinkedHashMap<String, Object>();
        json.put("project", round(repetition.project()));
        json.put("baseline", round(repetition.baseline()));
        json.put("ratio", round(repetition.ratio()));
        json.put("foreign_load", repetition.foreignLoad());
        json.put("project_conditions", conditions(repetition.projectConditions()));
        json.put("baseline_conditions", conditions(repetition.baselineConditions()));
        return json;
    }

    private static Map<String, Object> conditions(Conditions conditions) {
        var json = new LinkedHashMap<String, Object>();
        json.put("foreign_cores", round(conditions.foreignCores()));
        json.put("load_average", round(conditions.loadAverage()));
        json.put("stack_gc_ms", round(conditions.stackGcMillis()));
        json.put("driver_gc_ms", round(conditions.driverGcMillis()));
        return json;
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}

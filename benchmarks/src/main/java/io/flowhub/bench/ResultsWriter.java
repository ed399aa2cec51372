package io.flowhub.bench;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Writes the results as benchmarks/RESULTS.md (a table) and benchmarks/results.json (the same numbers). */
final class ResultsWriter {

    // why: the reasons for the misses seen on this machine; on another server the README has the analysis
    static final String WHY_ON_THE_EMBEDDED_SERVER = """
            The embedded mongo-java-server keeps no secondary indexes: every query but a bare `_id` \
            lookup reads the whole collection. The baseline makes that pass once; a job makes one more per \
            batch, since each batch's write is the selection within the batch's `_id` range, guarded so \
            that it changes only what the job read. So the gap grows with the collection and shrinks with \
            the batch. On a MongoDB server the migrations' indexes bound each batch's read and write to \
            the batch, which is what would close that part of the gap: run \
            `FLOWHUB_MONGODB_URI=... ./flowhub bench` where one is available.""";

    /** What besides the passes explains a scenario's miss, when it misses. */
    static final Map<String, String> WHY_ELSE = Map.of(
            "B1", "B1 also writes the job's ledger, one entry per batch naming the items it changed (what makes "
                    + "its counts exact through crashes and redeliveries, and the base of undo and receipts), and "
                    + "reads each batch back by its ids to account for every item; the baseline does neither. Its "
                    + "note gives the ledger's cost alone.",
            "B2", "B2's baseline is short (a fraction of a second), so the purge's fixed costs weigh more than "
                    + "its passes: the request, Kafka and the gateway's wait for the job, and, per batch, the claim of "
                    + "its items, the file-removal records and the ledger entry written before the delete, so that "
                    + "a worker that dies loses no file and counts no item twice (its note "
                    + "gives the time the job itself ran). Those costs do not grow with the data, so a larger "
                    + "purge amortizes them.");

    // why: a load run yields tens of thousands of latencies; the file keeps their summary, not them all
    private static final int MAX_LISTED_SAMPLES = 250;

    private ResultsWriter() {
    }

    /** @param stack what the services ran on, in words, for the report */
    static void write(Path directory, List<Result> results, String stack, Duration took)
            throws IOException {
        Map<String, Object> machine = machine();
        machine.put("stack", stack);
        Files.createDirectories(directory);
        Files.writeString(directory.resolve("RESULTS.md"), markdown(results, machine, stack, took));
        var json = new LinkedHashMap<String, Object>();
        json.put("machine", machine);
        json.put("took_seconds", took.toSeconds());
        var rows = new ArrayList<Map<String, Object>>();
        for (Result result : results) {
            var row = new LinkedHashMap<String, Object>();
            row.put("id", result.id());
            row.put("title", result.title());
            row.put("size", result.size());
            row.put("statistic", result.statistic());
            row.put("unit", result.unit());
            row.put("project", summary(result.project()));
            row.put("baseline", summary(result.baseline()));
            row.put("ratio", round(result.ratio()));
            row.put("target", result.target().text());
            row.put("target_met", result.targetMet().orElse(null));
            row.put("note", result.note());
            rows.add(row);
        }
        json.put("results", rows);
        Files.writeString(directory.resolve("results.json"),
                JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build().writeValueAsString(json) + "\n");
    }

    private static String markdown(List<Result> results, Map<String, Object> machine,
            String stack, Duration took) {
        var md = new StringBuilder();
        md.append("# Benchmark results\n\n");
        md.append("Written by `./flowhub bench` — do not edit by hand; the analysis lives in `benchmarks/README.md`.\n\n");
        md.append(String.format("Machine: %s cores, %s GiB memory, %s; commit %s; measured %s; the run took %d s.%n%n",
                machine.get("cores"), machine.get("memory_gib"), machine.get("jdk"), machine.get("commit"),
                machine.get("measured_at"), took.toSeconds()));
        md.append("Each row measures the project and its baseline alternately, in the same run, on the same servers: ")
                .append(stack).append(". Figures in milliseconds unless marked: the median (or p99, or peak) with ")
                .append("the spread (min–max) of the samples; the ratio is project ÷ baseline.\n\n");
        md.append("| | Scenario | Workload | Project | Baseline | Ratio | Target |\n");
        md.append("| --- | --- | --- | --- | --- | --- | --- |\n");
        for (Result result : results) {
            md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | **%.2f** | %s |%n", result.id(),
                    result.title(), result.size(), cell(result, result.project()), cell(result, result.baseline()),
                    result.ratio(), targetCell(result)));
        }
        md.append("\n");
        for (Result result : results) {
            md.append("- ").append(result.id()).append(" (").append(result.size()).append("): ").append(result.note())
                    .append(String.format(Locale.ROOT, "; %,d sample%s.%n", result.project().samples().size(),
                            result.project().samples().size() == 1 ? "" : "s"));
        }
        var missed = results.stream().filter(result -> result.targetMet().equals(Optional.of(false)))
                .map(result -> result.id() + " (" + result.size() + ")").toList();
        if (!missed.isEmpty()) {
            md.append("\n**Where a target is missed, and what would close it.** Missed: ")
                    .append(String.join("; ", missed)).append(". ");
            if (stack.contains("mongo-java-server")) {
                md.append(WHY_ON_THE_EMBEDDED_SERVER).append(" ");
            }
            results.stream().filter(result -> result.targetMet().equals(Optional.of(false))).map(Result::id)
                    .distinct().filter(WHY_ELSE::containsKey).forEach(id -> md.append(WHY_ELSE.get(id)).append(" "));
            md.append("Details: `benchmarks/README.md`.\n");
        }
        return md.toString();
    }

    private static String targetCell(Result result) {
        return result.targetMet().map(met -> result.target().text() + (met ? ": met" : ": **missed**"))
                .orElse(result.target().text());
    }

    private static String cell(Result result, Stats stats) {
        double figure = result.figure(stats);
        String unit = result.unit().equals("ms") ? "" : " " + result.unit();
        String label = switch (result.statistic()) {
            case "p99" -> String.format(Locale.ROOT, "p99 %.1f (p50 %.1f)", figure, stats.median());
            case "peak" -> String.format(Locale.ROOT, "peak %.1f%s", figure, unit);
            default -> String.format(Locale.ROOT, "%.1f%s", figure, unit);
        };
        return String.format(Locale.ROOT, "%s [%.1f–%.1f]", label, stats.min(), stats.max());
    }

    private static Map<String, Object> summary(Stats stats) {
        var summary = new LinkedHashMap<String, Object>();
        summary.put("median", round(stats.median()));
        summary.put("p99", round(stats.percentile(99)));
        summary.put("min", round(stats.min()));
        summary.put("max", round(stats.max()));
        summary.put("count", stats.samples().size());
        if (stats.samples().size() <= MAX_LISTED_SAMPLES) {
            summary.put("samples", stats.samples().stream().map(ResultsWriter::round).toList());
        }
        return summary;
    }

    private static Map<String, Object> machine() {
        var machine = new LinkedHashMap<String, Object>();
        machine.put("cores", Runtime.getRuntime().availableProcessors());
        long memory = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getTotalMemorySize();
        machine.put("memory_gib", Math.round(memory / (1024.0 * 1024 * 1024)));
        machine.put("jdk", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        machine.put("commit", commit());
        machine.put("measured_at", Instant.now().toString());
        return machine;
    }

    private static String commit() {
        try {
            var process = new ProcessBuilder("git", "rev-parse", "--short", "HEAD").redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes()).trim();
            return process.waitFor() == 0 ? output : "unknown";
        } catch (IOException e) {
            return "unknown";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}

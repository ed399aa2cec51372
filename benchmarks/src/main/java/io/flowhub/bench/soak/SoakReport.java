package io.flowhub.bench.soak;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The soak run's report. */
final class SoakReport {

    /** What the harness saw at one moment: the data file's size and each service's health. */
    record Sample(long secondsIn, long dataFileBytes, long requests, long serverErrors, Map<Integer, String> health) {

        boolean allUp() {
            return health.values().stream().allMatch("UP"::equals);
        }
    }

    private SoakReport() {
    }

    static String markdown(int minutes, int clients, SoakMetrics metrics, List<Sample> samples, long logErrors,
            Duration took, int restarts, int restartEvery) {
        var out = new StringBuilder("# Soak run\n\n");
        boolean healthy = samples.stream().allMatch(Sample::allUp);
        out.append(String.format(Locale.ROOT, "On commit %s: the default stack (`./flowhub run`: embedded Kafka and "
                        + "mongo-java-server on an H2 file, the three services in one JVM) and a second instance of each "
                        + "service in JVMs of their own on the same Kafka and MongoDB, one of whose workers was restarted "
                        + "every %d minutes (%d restarts, by turns SIGTERM and SIGKILL), under %d concurrent clients "
                        + "calling both gateways by turns for %d minutes (%d s measured). Each client signs up, then "
                        + "loops: a batch of 100-500 items under a test run (`X-FlowHub-Run`), a list, a bulk soft delete "
                        + "by filter polled to its end (every third streamed as server-sent events), a bulk restore by "
                        + "ids, an add-tags job and its undo, a tag cleanup (hard delete) of half its items, the run's "
                        + "cleanup by a plan (dry run, then apply) and its erasure receipt (verified), and every tenth "
                        + "loop a purge of its user's data; each job's counts are checked to add up and to be the items "
                        + "it was given.\n\n",
                io.flowhub.bench.SourceCommit.describe(), restartEvery, restarts, clients, minutes, took.toSeconds()));
        out.append(String.format(Locale.ROOT, "- requests: **%,d**, by status class %s\n", metrics.requests(),
                metrics.statusClasses()));
        out.append(String.format(Locale.ROOT, "- server errors (5xx): **%d**\n", metrics.serverErrors()));
        out.append(String.format(Locale.ROOT, "- ERROR lines in the services' log: **%d**\n", logErrors));
        out.append(String.format(Locale.ROOT, "- health of every service UP in every sample: **%s** (%d samples, "
                + "every 10 s)\n", healthy ? "yes" : "no", samples.size()));
        out.append(String.format(Locale.ROOT, "- surprises (a job whose counts did not add up or that did not finish, a cleanup that deleted "
                + "other than expected, a receipt not verified): **%d**\n",
                metrics.surprises().size()));
        metrics.serverErrorSamples().forEach(error -> out.append("  - ").append(error).append('\n'));
        metrics.surprises().stream().limit(10).forEach(surprise -> out.append("  - ").append(surprise).append('\n'));
        out.append("\n| request | count | p50 ms | p99 ms |\n|---|---|---|---|\n");
        metrics.percentiles().forEach((kind, figures) -> out.append(String.format(Locale.ROOT,
                "| %s | %,d | %.1f | %.1f |\n", kind, (long) figures[0], figures[1], figures[2])));
        out.append("\n## The data file over time\n\n| minute | data file MiB | requests so far | 5xx so far | health |\n"
                + "|---|---|---|---|---|\n");
        long every = Math.max(1, samples.size() / 15);
        for (int i = 0; i < samples.size(); i++) {
            if (i % every != 0 && i != samples.size() - 1) {
                continue;
            }
            Sample sample = samples.get(i);
            out.append(String.format(Locale.ROOT, "| %.1f | %.1f | %,d | %d | %s |\n", sample.secondsIn() / 60.0,
                    sample.dataFileBytes() / 1048576.0, sample.requests(), sample.serverErrors(),
                    sample.allUp() ? "all UP" : sample.health().toString()));
        }
        return out.toString();
    }
}

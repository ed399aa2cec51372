package io.flowhub.bench;

import io.flowhub.engine.item.ItemSelection;

import java.net.http.HttpClient;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.ne;

/**
 * B9, the shared staging's hour of need: many suites finish together and clean their runs at the same moment. Each
 * run's items (some with files) are cleaned by {@code DELETE /internal/runs/{runId}} from a client of its own, all
 * released at once; the figure is the p99 over the runs of request → job finished (the gateway waits for the job).
 * The baseline issues the same runs' {@code deleteMany}s (and deletes their files) in parallel, one thread each, on
 * the same server.
 */
final class ParallelTeardownScenario {

    private final BenchEnvironment env;
    private final Repetitions repetitions;
    private final ItemWorkAlone itemWork;

    ParallelTeardownScenario(BenchEnvironment env, Repetitions repetitions) {
        this.env = env;
        this.repetitions = repetitions;
        this.itemWork = new ItemWorkAlone(env);
    }

    Result b9(int runs, int itemsPerRun, int filesPerRun, Repetitions.Plan plan) throws Exception {
        var slowestJob = new ArrayList<Double>();
        var itemWorkAlone = new ArrayList<Double>();
        var itemWorkRatio = new ArrayList<Double>();
        Target target = Target.ratioAtMost(3);
        String size = String.format("%d runs of %,d items (%d with files), at once", runs, itemsPerRun, filesPerRun);
        var measured = repetitions.run("B9 " + size, plan, target, watch -> {
            List<String> runIds = seed(runs, itemsPerRun, filesPerRun);
            var jobs = new ArrayList<String>();
            watch.start();
            List<Timed<String>> done = atOnce(runIds, runId -> {
                // why: a suite's cleanup names its run, as the toolkit's fixtures do: each run has its own cap
                HttpClient own = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                return env.jobs.cleanup(own, "DELETE", "/api/v1/internal/runs/" + runId, null,
                        Map.of("X-FlowHub-Run", runId));
            });
            watch.stop(p99(done));
            done.forEach(call -> jobs.add(call.value()));
            slowestJob.add(jobs.stream().mapToDouble(env.jobs::workerMillis).max().orElse(0));
            env.clearItems();
        }, watch -> {
            List<String> runIds = seed(runs, itemsPerRun, filesPerRun);
            var items = env.database.getCollection("items");
            var paths = new HashMap<String, List<String>>();
            for (String runId : runIds) {
                paths.put(runId, items.find(and(eq("run_id", runId), ne("file_path", null)))
                        .map(item -> item.getString("file_path")).into(new ArrayList<>()));
            }
            watch.start();
            List<Timed<Long>> done = atOnce(runIds, runId -> {
                long deleted = items.deleteMany(eq("run_id", runId)).getDeletedCount();
                for (String file : paths.get(runId)) {
                    Files.deleteIfExists(env.filesRoot.resolve(file));
                }
                return deleted;
            });
            watch.stop(p99(done));
            env.clearItems();
            // a breakdown, not a baseline: the jobs' item work alone, released the same way (ItemWorkAlone)
            List<Timed<Boolean>> alone = atOnce(seed(runs, itemsPerRun, filesPerRun), runId -> {
                itemWork.hardDeletes(ItemSelection.ofRun(runId).toBson());
                return true;
            });
            double aloneP99 = p99(alone);
            itemWorkAlone.add(aloneP99);
            itemWorkRatio.add(aloneP99 / p99(done));
            env.clearItems();
        });
        return Result.ofRepetitions("B9", "Parallel teardown (runs cleaned at the same moment)", size, "ms", target,
                measured, String.format(Locale.ROOT, "a repetition's figure is the p99 over its %d runs of request → "
                        + "job finished, each run cleaned by DELETE /internal/runs/{runId} from a client of its own "
                        + "(with X-FlowHub-Run), all released together; baseline: the same runs' deleteMany and "
                        + "their files' deletion, one thread per run, released together; "
                        + "the slowest job ran a median %.0f ms in its worker", runs,
                        Bootstrap.median(slowestJob).value()) + itemWorkNote(itemWorkAlone, itemWorkRatio, target));
    }

    private static String itemWorkNote(List<Double> alone, List<Double> ratios, Target target) {
        Estimate ratio = Bootstrap.median(ratios);
        boolean aboveOnItsOwn = ratio.low() > target.limit();
        return String.format(Locale.ROOT, "; the jobs' item work alone — per run the cursor, the claim, the read of "
                + "what it claimed, the delete and the files' check, issued directly, one thread per run, released "
                + "together; no request, job, ledger or file records — had a p99 of a median %.0f ms, %.2f× the "
                + "baseline [%.2f–%.2f]%s", Bootstrap.median(alone).value(), ratio.value(), ratio.low(), ratio.high(),
                aboveOnItsOwn ? ": above the target on its own, so on this server no job that claims what it deletes "
                        + "can meet it" : "");
    }

    private List<String> seed(int runs, int itemsPerRun, int filesPerRun) throws Exception {
        var runIds = new ArrayList<String>();
        for (int i = 0; i < runs; i++) {
            String runId = "b9-" + UUID.randomUUID();
            runIds.add(runId);
            env.seedItems(env.userId, itemsPerRun, 0, "none", filesPerRun, runId);
        }
        return runIds;
    }

    /** A value and how long its call took, in milliseconds from the common release. */
    record Timed<T>(T value, double millis) {
    }

    /** One call of each kind per run. */
    @FunctionalInterface
    interface Call<T> {
        T call(String runId) throws Exception;
    }

    /** @return each run's call, all released at the same moment, timed from that moment */
    static <T> List<Timed<T>> atOnce(List<String> runIds, Call<T> call) throws Exception {
        var release = new CountDownLatch(1);
        var ready = new CountDownLatch(runIds.size());
        try (ExecutorService threads = Executors.newFixedThreadPool(runIds.size())) {
            var timed = new ArrayList<Future<Timed<T>>>();
            long[] released = new long[1];
            for (String runId : runIds) {
                Callable<Timed<T>> task = () -> {
                    ready.countDown();
                    release.await();
                    T value = call.call(runId);
                    return new Timed<>(value, (System.nanoTime() - released[0]) / 1e6);
                };
                timed.add(threads.submit(task));
            }
            ready.await();
            released[0] = System.nanoTime();
            release.countDown();
            var done = new ArrayList<Timed<T>>();
            for (Future<Timed<T>> future : timed) {
                done.add(future.get());
            }
            return done;
        }
    }

    /** @return the p99 of the calls' times (nearest rank: of 20, the slowest) */
    static double p99(List<? extends Timed<?>> calls) {
        double[] millis = calls.stream().mapToDouble(Timed::millis).toArray();
        return Bootstrap.percentile(millis, 99);
    }
}

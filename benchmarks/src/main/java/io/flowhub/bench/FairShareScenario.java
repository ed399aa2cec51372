package io.flowhub.bench;

import io.flowhub.events.Topics;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.common.utils.Utils;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import tools.jackson.databind.JsonNode;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static com.mongodb.client.model.Filters.eq;

/**
 * B8: fair share. Submit → done of one-item jobs by owner B, one after another, while owner A's
 * 10,000-id job of batch size 1 runs (a new one whenever the last has finished), on the same
 * partition, beside the same jobs on an idle stack. Both sides take submit from just before the request and done from the job's
 * {@code finished_at}.
 */
final class FairShareScenario {

    private static final Logger log = LoggerFactory.getLogger(FairShareScenario.class);
    static final int LONG_JOB_IDS = 10_000;

    private final BenchEnvironment env;

    FairShareScenario(BenchEnvironment env) {
        this.env = env;
    }

    /**
     * @param jobs   owner B's jobs per side and round
     * @param rounds idle then loaded, this many times
     */
    Result b8(int jobs, int rounds) throws Exception {
        Target target = Target.figureAtMost(2_000, "p99 ≤ 2 s");
        // why: owner B's commands share owner A's partition, so only A's hand-back lets them run before A's job
        // ends — the worst case; on another partition another consumer serves them at once
        int partitions = partitions(Topics.BULK_COMMANDS);
        JsonNode session;
        do {
            String email = "bench-b-" + UUID.randomUUID() + "@example.com";
            env.jobs.post("/api/v1/auth/register", "{\"email\":\"" + email + "\",\"password\":\"benchmark\",\"name\":\"B\"}",
                    null);
            JsonNode answer = env.jobs.post("/api/v1/auth/login", "{\"email\":\"" + email
                    + "\",\"password\":\"benchmark\"}", null);
            session = answer.get("data");
            if (session == null) {
                throw new IllegalStateException("Owner B could not sign in: " + answer);
            }
        } while (partitionOf(session.get("user").get("_id").asString(), partitions)
                != partitionOf(env.userId.toHexString(), partitions));
        String tokenB = session.get("token").asString();
        ObjectId userB = new ObjectId(session.get("user").get("_id").asString());
        var loaded = new ArrayList<Double>();
        var idle = new ArrayList<Double>();
        var pairs = new ArrayList<Repetition>();
        int longJobs = 0;
        for (int round = 0; round < rounds; round++) {
            env.settle();
            Instant idleBegan = Instant.now();
            List<Double> idleRound = oneItemJobs(userB, tokenB, jobs, () -> {
            });
            Instant idleEnded = Instant.now();
            String[] longJob = {startLongJob()};
            longJobs++;
            Instant loadedBegan = Instant.now();
            int[] started = {0};
            List<Double> loadedRound = oneItemJobs(userB, tokenB, jobs, () -> {
                if (finished(longJob[0])) {
                    longJob[0] = startLongJob();
                    started[0]++;
                }
            });
            Instant loadedEnded = Instant.now();
            longJobs += started[0];
            cancel(longJob[0]);
            Conditions loadedConditions = env.conditions(loadedBegan, loadedEnded);
            Conditions idleConditions = env.conditions(idleBegan, idleEnded);
            for (int i = 0; i < jobs; i++) {
                pairs.add(new Repetition(loadedRound.get(i), idleRound.get(i), loadedConditions, idleConditions));
            }
            loaded.addAll(loadedRound);
            idle.addAll(idleRound);
            log.info("B8 round {}: p50 {} ms / p99 {} ms while a long job ran, p50 {} ms / p99 {} ms idle", round + 1,
                    Math.round(Bootstrap.percentile(array(loadedRound), 50)),
                    Math.round(Bootstrap.percentile(array(loadedRound), 99)),
                    Math.round(Bootstrap.percentile(array(idleRound), 50)),
                    Math.round(Bootstrap.percentile(array(idleRound), 99)));
        }
        env.clearItems();
        String medians = String.format("p50 %.0f ms beside a long job, %.0f ms idle",
                Bootstrap.percentile(array(loaded), 50), Bootstrap.percentile(array(idle), 50));
        return new Result("B8", "Fair share (owner B's one-item job beside owner A's long one)",
                loaded.size() + " jobs each side, p99", "p99", "ms",
                Bootstrap.of(loaded, values -> Bootstrap.percentile(values, 99)),
                Bootstrap.of(idle, values -> Bootstrap.percentile(values, 99)),
                Bootstrap.paired(loaded, idle, (p, b) -> Bootstrap.percentile(p, 99)
                        / Math.max(Bootstrap.percentile(b, 99), 1e-3)), target, pairs,
                "baseline: the same one-item jobs on the idle stack; project: while owner A's " + LONG_JOB_IDS
                + "-id job of batch size 1 ran (" + longJobs + " such jobs over the row); " + medians
                + "; submit → finished_at, one job after another");
    }

    /** @return each job's submit → finished_at in milliseconds */
    private List<Double> oneItemJobs(ObjectId owner, String token, int count, JobCalls.Check between)
            throws Exception {
        List<ObjectId> items = env.seedItems(owner, count, count, "b8-" + UUID.randomUUID(), 0);
        var latencies = new ArrayList<Double>();
        for (ObjectId item : items) {
            between.run();
            Instant submitted = Instant.now();
            var response = env.http.send(HttpRequest.newBuilder(env.uri("/api/v1/bulk-operations"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"operation\":\"delete\",\"itemIds\":[\"" + item + "\"]}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 202) {
                throw new IllegalStateException("B8: expected 202, got " + response.statusCode() + ": " + response.body());
            }
            String jobId = JobCalls.json(response.body()).get("job_id").asString();
            Document done = env.jobs.awaitJob(jobId);
            latencies.add(Math.max(0, Duration.between(submitted, done.getDate("finished_at").toInstant()).toNanos() / 1e6));
        }
        return latencies;
    }

    /** Starts owner A's long job (the bench user's) and waits until a worker runs it. */
    private String startLongJob() throws Exception {
        String ids = IntStream.range(0, LONG_JOB_IDS).mapToObj(i -> "\"" + new ObjectId() + "\"")
                .collect(Collectors.joining(","));
        String jobId = env.jobs.post("/api/v1/bulk-operations",
                "{\"operation\":\"delete\",\"batchSize\":1,\"itemIds\":[" + ids + "]}", env.token).get("job_id").asString();
        var jobs = env.database.getCollection("jobs");
        while (!"running".equals(jobs.find(eq("_id", new ObjectId(jobId))).first().getString("status"))
                && !finished(jobId)) {
            Thread.sleep(5);
        }
        return jobId;
    }

    private boolean finished(String jobId) {
        Document job = env.database.getCollection("jobs").find(eq("_id", new ObjectId(jobId))).first();
        return job != null && List.of("completed", "failed", "cancelled").contains(job.getString("status"));
    }

    private void cancel(String jobId) throws Exception {
        env.http.send(HttpRequest.newBuilder(env.uri("/api/v1/jobs/" + jobId + "/cancel"))
                .header("Authorization", "Bearer " + env.token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        while (!finished(jobId)) {
            Thread.sleep(5);
        }
    }

    /** @return the partition Kafka's default partitioner gives a record with this key */
    private static int partitionOf(String key, int partitions) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    private int partitions(String topic) throws Exception {
        try (var admin = AdminClient.create(Map.of("bootstrap.servers", env.kafkaBootstrapServers))) {
            return admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().size();
        }
    }

    private static double[] array(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }
}

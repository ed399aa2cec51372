package io.flowhub.bench;

import io.flowhub.store.job.Checkpoint;
import io.flowhub.store.job.JobCounts;
import io.flowhub.store.job.JobLedger;
import io.flowhub.store.job.LedgerEntry;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.LongDeserializer;
import org.apache.kafka.common.serialization.LongSerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.bson.types.ObjectId;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.IntFunction;
import java.util.stream.Collectors;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

/**
 * The scenarios. Each alternates the project and its baseline on the same database, seeding
 * before every timed part (seeding is never timed) and emptying the items afterwards, so every
 * repetition sees the same collection size; {@link Repetitions} decides how many repetitions a row needs.
 */
final class Scenarios {

    private final BenchEnvironment env;
    private final JobLedger ledger;
    private final Repetitions repetitions;

    Scenarios(BenchEnvironment env, Repetitions repetitions) {
        this.env = env;
        this.ledger = new JobLedger(env.database);
        this.repetitions = repetitions;
    }

    /** B1: bulk soft delete through the API (submit → completed, seen by polling) vs one updateMany. */
    Result b1(int items, int batchSize, Repetitions.Plan plan) throws Exception {
        var inWorker = new ArrayList<Double>();
        var ledgerAlone = new ArrayList<Double>();
        String size = String.format("%,d items by %s, batch %,d", items, items <= 10_000 ? "id list" : "filter",
                batchSize);
        Target target = items >= 100_000 ? Target.ratioAtMost(1.5)
                : items == 1_000 ? Target.figureUnder(1_000, "under 1 s end to end") : Target.NONE;
        var measured = repetitions.run("B1 " + size, plan, target, watch -> {
            String tag = "b1-" + UUID.randomUUID();
            List<ObjectId> ids = env.seedItems(env.userId, items, items, tag, 0);
            String selection = items <= 10_000
                    ? "\"itemIds\":[" + ids.stream().map(id -> "\"" + id + "\"").collect(Collectors.joining(",")) + "]"
                    : "\"filter\":{\"tags\":[\"" + tag + "\"]}";
            watch.start();
            var accepted = env.post("/api/v1/bulk-operations",
                    "{\"operation\":\"delete\"," + selection + ",\"batchSize\":" + batchSize + "}", env.token);
            String jobId = accepted.get("job_id").asString();
            pollUntilDone(jobId);
            watch.stop();
            inWorker.add(workerMillis(jobId));
            env.clearItems();
        }, watch -> {
            String other = "b1-base-" + UUID.randomUUID();
            List<ObjectId> others = env.seedItems(env.userId, items, items, other, 0);
            watch.start();
            Date now = new Date();
            env.database.getCollection("items").updateMany(and(eq("tags", other), eq("is_active", true)),
                    new Document("$set", new Document("is_active", false).append("deleted_at", now).append("updated_at", now)));
            watch.stop();
            ledgerAlone.add(ledgerAlone(others, batchSize));
            env.clearItems();
        });
        return Result.ofRepetitions("B1", "Bulk soft delete through the API", size, "ms", target, measured,
                "baseline: one updateMany of the same items; " + inWorkerNote(inWorker) + String.format(Locale.ROOT,
                        "; the ledger it writes (one entry per batch, listing the items it changed) took a median "
                        + "%.0f ms on its own", Bootstrap.median(ledgerAlone).value()));
    }

    /** A breakdown, not a baseline: the job's ledger written alone, as the worker writes it; in milliseconds. */
    private double ledgerAlone(List<ObjectId> items, int batchSize) {
        ObjectId job = new ObjectId();
        long start = System.nanoTime();
        var through = Checkpoint.START;
        for (int from = 0; from < items.size(); from += batchSize) {
            var batch = items.subList(from, Math.min(items.size(), from + batchSize));
            through = through.next("items", batch.size(), batch.getLast());
            ledger.record(new LedgerEntry(job, through.batch(), "delete", env.userId.toHexString(), null, batch,
                    new JobCounts(batch.size(), 0, 0, 0, 0), List.of(), Map.of(), through, Instant.now()),
                    java.util.Optional.empty());
        }
        double millis = millisSince(start);
        env.database.getCollection("job_ledger").deleteMany(eq("job_id", job));
        return millis;
    }

    /** B2: per-user purge (of 10k items, 1k files) vs deleteMany on each collection plus deleting the files. */
    Result b2(int items, int files, Repetitions.Plan plan) throws Exception {
        var inWorker = new ArrayList<Double>();
        Target target = Target.ratioAtMost(1.5);
        String size = String.format("%,d items, %,d files", items, files);
        var measured = repetitions.run("B2 " + size, plan, target, watch -> {
            ObjectId user = env.newUser();
            env.seedItems(user, items, 0, "none", files);
            watch.start();
            String jobId = cleanup("DELETE", "/api/v1/internal/users/" + user + "/data", null);
            watch.stop();
            inWorker.add(workerMillis(jobId));
            env.clearItems();
        }, watch -> {
            ObjectId other = env.newUser();
            env.seedItems(other, items, 0, "none", files);
            var paths = new ArrayList<String>();
            env.database.getCollection("items").find(and(eq("created_by", other), new Document("file_path",
                    new Document("$ne", null)))).forEach(item -> paths.add(item.getString("file_path")));
            watch.start();
            env.database.getCollection("items").deleteMany(eq("created_by", other));
            env.database.getCollection("jobs").deleteMany(eq("owner_id", other.toHexString()));
            env.database.getCollection("activity_logs").deleteMany(eq("user_id", other));
            env.database.getCollection("otps").deleteMany(eq("email", other + "@bench.example.com"));
            for (String file : paths) {
                Files.deleteIfExists(env.filesRoot.resolve(file));
            }
            watch.stop();
            env.clearItems();
        });
        return Result.ofRepetitions("B2", "Per-user purge", size, "ms", target, measured,
                "baseline: deleteMany per collection + deleting the files; " + inWorkerNote(inWorker));
    }

    /** B3: tag cleanup (hard) of some items (50k of 100k) vs one deleteMany. */
    Result b3(int items, int tagged, Repetitions.Plan plan) throws Exception {
        var inWorker = new ArrayList<Double>();
        Target target = Target.ratioAtMost(1.5);
        String size = String.format("%,d of %,d items", tagged, items);
        var measured = repetitions.run("B3 " + size, plan, target, watch -> {
            String tag = "b3-" + UUID.randomUUID();
            env.seedItems(env.userId, items, tagged, tag, 0);
            watch.start();
            String jobId = cleanup("POST", "/api/v1/internal/cleanup-test-data", "{\"tags\":[\"" + tag + "\"]}");
            watch.stop();
            inWorker.add(workerMillis(jobId));
            env.clearItems();
        }, watch -> {
            String other = "b3-base-" + UUID.randomUUID();
            env.seedItems(env.userId, items, tagged, other, 0);
            watch.start();
            env.database.getCollection("items").deleteMany(eq("tags", other));
            watch.stop();
            env.clearItems();
        });
        return Result.ofRepetitions("B3", "Tag cleanup (hard)", size, "ms", target, measured,
                "baseline: one deleteMany; " + inWorkerNote(inWorker));
    }

    /**
     * B4: reset with documents across collections (100k) vs deleteMany on each. Run after the
     * scenarios that need the gateway's bench user: it removes every user but the admins.
     */
    Result b4(int documents, Repetitions.Plan plan) throws Exception {
        List<String> collections = List.of("users", "items", "otps", "jobs", "activity_logs", "idempotency_keys");
        Target target = Target.ratioAtMost(2);
        String size = String.format("%,d documents across collections", documents);
        var measured = repetitions.run("B4 " + size, plan, target, watch -> {
            seedAcrossCollections(documents);
            watch.start();
            cleanup("POST", "/api/v1/internal/reset?preserve_admins=true", null);
            watch.stop();
            env.clearItems();
        }, watch -> {
            seedAcrossCollections(documents);
            watch.start();
            for (String name : collections) {
                env.database.getCollection(name).deleteMany(name.equals("users")
                        ? new Document("role", new Document("$ne", "ADMIN")) : new Document());
            }
            watch.stop();
            env.clearItems();
        });
        return Result.ofRepetitions("B4", "Full reset", size, "ms", target, measured,
                "baseline: deleteMany on each collection");
    }

    /**
     * B5: 202 returned → worker started the job, one-item jobs one after another, beside Kafka's own
     * produce → consume latency; {@code jobs} at a time until the p99's interval is firmly on one side
     * of the target (a p99 of 200 rests on its two largest samples) or {@code rounds} rounds are done.
     */
    Result b5(int jobs, int rounds) throws Exception {
        Target target = Target.figureAtMost(50, "p99 ≤ 50 ms");
        var project = new ArrayList<Double>();
        var baseline = new ArrayList<Double>();
        var pairs = new ArrayList<Repetition>();
        for (int round = 0; round < rounds; round++) {
            List<ObjectId> ids = env.seedItems(env.userId, jobs, jobs, "b5", 0);
            env.settle();
            Instant began = Instant.now();
            var submitted = new ArrayList<Map.Entry<String, Instant>>();
            for (ObjectId id : ids) {
                var response = env.http.send(HttpRequest.newBuilder(env.uri("/api/v1/bulk-operations"))
                        .header("Authorization", "Bearer " + env.token).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"operation\":\"delete\",\"itemIds\":[\"" + id + "\"]}"))
                        .build(), HttpResponse.BodyHandlers.ofString());
                Instant answered = Instant.now();
                submitted.add(Map.entry(BenchEnvironment.json(response.body()).get("job_id").asString(), answered));
                pollUntilDone(submitted.getLast().getKey());
            }
            Instant projectEnded = Instant.now();
            var latencies = new ArrayList<Double>();
            for (var entry : submitted) {
                Document job = env.database.getCollection("jobs").find(eq("_id", new ObjectId(entry.getKey()))).first();
                Instant started = job.getDate("started_at").toInstant();
                latencies.add(Math.max(0, Duration.between(entry.getValue(), started).toNanos() / 1e6));
            }
            env.clearItems();
            env.settle();
            Instant baselineBegan = Instant.now();
            List<Double> kafka = kafkaLatency(jobs);
            Conditions projectConditions = env.conditions(began, projectEnded);
            Conditions baselineConditions = env.conditions(baselineBegan, Instant.now());
            for (int i = 0; i < jobs; i++) {
                pairs.add(new Repetition(latencies.get(i), kafka.get(i), projectConditions, baselineConditions));
            }
            project.addAll(latencies);
            baseline.addAll(kafka);
            if (Repetitions.firm(target, p99(project))) {
                break;
            }
        }
        return new Result("B5", "Dispatch latency (202 → job started)", project.size() + " jobs, p99", "p99", "ms",
                p99(project), p99(baseline), Bootstrap.paired(project, baseline, (p, b) -> Bootstrap.percentile(p, 99)
                        / Math.max(Bootstrap.percentile(b, 99), 1e-3)), target, pairs,
                "baseline: Kafka produce → consume on the same broker; both at millisecond resolution; jobs "
                + jobs + " at a time until the p99's interval was firmly on one side of the target; the "
                + "intervals resample the jobs (for the ratio, job and Kafka record by their rank in the run)");
    }

    private static Estimate p99(List<Double> latencies) {
        return Bootstrap.of(latencies, values -> Bootstrap.percentile(values, 99));
    }

    private List<Double> kafkaLatency(int records) throws Exception {
        String topic = "flowhub.bench.latency-" + UUID.randomUUID();
        try (var admin = AdminClient.create(Map.of("bootstrap.servers", env.kafkaBootstrapServers))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
        }
        var latencies = new ArrayList<Double>();
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, env.kafkaBootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "bench-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new LongDeserializer());
             var producer = new KafkaProducer<>(Map.<String, Object>of(
                     ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, env.kafkaBootstrapServers,
                     ProducerConfig.LINGER_MS_CONFIG, 0), new StringSerializer(), new LongSerializer())) {
            consumer.subscribe(List.of(topic));
            while (consumer.assignment().isEmpty()) {
                consumer.poll(Duration.ofMillis(100));
            }
            for (int i = 0; i < records; i++) {
                producer.send(new ProducerRecord<>(topic, "k", System.nanoTime())).get();
                boolean received = false;
                while (!received) {
                    for (var record : consumer.poll(Duration.ofMillis(100))) {
                        latencies.add((System.nanoTime() - record.value()) / 1e6);
                        received = true;
                    }
                }
            }
        }
        return latencies;
    }

    /** Seeds the documents as 70% items, 20% activity, 5% jobs, 4% one-time passwords and 1% users. */
    private void seedAcrossCollections(int documents) throws Exception {
        env.seedItems(env.userId, documents * 70 / 100, 0, "none", 0);
        insert("activity_logs", documents * 20 / 100, i -> new Document("user_id", env.userId).append("action", "create")
                .append("at", new Date()));
        insert("jobs", documents * 5 / 100, i -> new Document("kind", "bulk").append("operation", "delete")
                .append("status", "completed").append("command_id", UUID.randomUUID().toString()).append("created_at", new Date()));
        insert("otps", documents * 4 / 100, i -> new Document("email", "u" + i + "@bench.example.com")
                .append("expires_at", new Date()));
        insert("users", documents / 100, i -> new Document("email", UUID.randomUUID() + "@bench.example.com")
                .append("role", "EDITOR"));
    }

    private void insert(String collection, int count, IntFunction<Document> document) {
        var batch = new ArrayList<Document>(1_000);
        for (int i = 0; i < count; i++) {
            batch.add(document.apply(i));
            if (batch.size() == 1_000) {
                env.database.getCollection(collection).insertMany(batch);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            env.database.getCollection(collection).insertMany(batch);
        }
    }

    /** Polls the job through the API, as a client does, until it is completed. */
    private void pollUntilDone(String jobId) throws Exception {
        pollUntilCompleted("Job " + jobId, () -> env.http.send(HttpRequest.newBuilder(env.uri("/api/v1/jobs/" + jobId))
                .header("Authorization", "Bearer " + env.token).build(), HttpResponse.BodyHandlers.ofString()).body());
    }

    /**
     * Calls an internal cleanup endpoint as a test suite does: waits as long as the gateway will, then polls.
     *
     * @return the cleanup's job id
     */
    private String cleanup(String method, String path, String body) throws Exception {
        String waiting = path + (path.contains("?") ? "&" : "?") + "wait=300";
        var response = env.internal(method, waiting, body);
        if (response.statusCode() != 200 && response.statusCode() != 202) {
            throw new IllegalStateException("Expected 200, got " + response.statusCode() + ": " + response.body());
        }
        String jobId = BenchEnvironment.json(response.body()).get("job_id").asString();
        if (response.statusCode() == 202) {
            pollUntilCompleted("Cleanup job " + jobId,
                    () -> env.internal("GET", "/api/v1/internal/jobs/" + jobId, null).body());
        }
        return jobId;
    }

    /** Reads the job's view every few milliseconds until its status is completed; throws if it ends otherwise. */
    private static void pollUntilCompleted(String job, JobView view) throws Exception {
        while (true) {
            String status = BenchEnvironment.json(view.body()).get("data").get("status").asString();
            if (status.equals("completed")) {
                return;
            }
            if (!status.equals("queued") && !status.equals("running")) {
                throw new IllegalStateException(job + " ended " + status);
            }
            Thread.sleep(5);
        }
    }

    /** One read of a job's view: the JSON body the API answers. */
    @FunctionalInterface
    private interface JobView {
        String body() throws Exception;
    }

    /** @return how long the job ran in its worker, from started_at to finished_at (millisecond resolution) */
    private double workerMillis(String jobId) {
        Document job = env.database.getCollection("jobs").find(eq("_id", new ObjectId(jobId))).first();
        return job.getDate("finished_at").getTime() - job.getDate("started_at").getTime();
    }

    private static String inWorkerNote(List<Double> inWorker) {
        return String.format(Locale.ROOT, "of the project's time, the job ran a median %.0f ms in its worker "
                + "(started → finished); the rest is the request, Kafka, the worker reading the job and (for a bulk "
                + "job) counting its selection before it starts, and the wait for the result",
                Bootstrap.median(inWorker).value());
    }

    private static double millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e6;
    }
}

package io.flowhub.system;

import io.flowhub.events.ContractJson;
import io.flowhub.events.SchemaVersion;
import io.flowhub.events.SoftDeleteItems;
import io.flowhub.events.Topics;
import io.flowhub.testing.FlowHubStackExtension;
import io.flowhub.testing.GatewayClient;
import io.flowhub.testing.TestStack;
import io.flowhub.testing.TestUser;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static io.flowhub.testing.ItemBuilder.anItem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Work is shared across owners: a long job runs a slice at a time and hands its command back to the
 * end of the queue, so another owner's short job runs in between; and one owner may keep only so
 * many jobs queued or running.
 */
@ExtendWith(FlowHubStackExtension.class)
class FairShareIntegrationTests {

    private static final Duration JOB_TIMEOUT = Duration.ofSeconds(120);
    private static final int LONG_JOB_IDS = 10_000;

    private final TestStack stack;

    FairShareIntegrationTests(TestStack stack) {
        this.stack = stack;
    }

    @Test
    void aOneItemJobOfAnotherOwnerFinishesWhileATenThousandIdJobOfBatchSizeOneRuns() {
        GatewayClient owner = stack.newEditor().gateway();
        GatewayClient other = stack.newEditor().gateway();
        String longJob = owner.post("/api/v1/bulk-operations", longBulkJob()).json().get("job_id").asString();
        awaitStatus(owner, longJob, "running");

        Beside beside = oneItemJobBeside(owner, longJob, other);

        assertThat(beside.shortJob().get("processed").asLong()).isEqualTo(1);
        assertThat(beside.longJob().get("status").asString()).isEqualTo("running");
        assertThat(beside.longJob().get("skipped").asLong()).isLessThan(LONG_JOB_IDS);
        assertThat(owner.post("/api/v1/jobs/" + longJob + "/cancel", "{}").status()).isEqualTo(200);
        Document cancelled = awaitStoppedAndSettled(longJob);
        assertThat(cancelled.getInteger("attempts")).isEqualTo(1);
        assertThat(cancelled.get("skipped", Number.class).longValue())
                .isEqualTo(cancelled.get("cursor", Number.class).longValue());
    }

    @Test
    void aLongJobHandsItsTurnBackSoThatTheJobQueuedBehindItOnItsPartitionRunsBeforeItEnds() {
        GatewayClient owner = stack.newEditor().gateway();
        String longJob = owner.post("/api/v1/bulk-operations", longBulkJob()).json().get("job_id").asString();
        awaitStatus(owner, longJob, "running");

        // why: the same owner's commands share a partition, so only the long job's hand-back lets this one run
        Beside beside = oneItemJobBeside(owner, longJob, owner);

        assertThat(beside.shortJob().get("processed").asLong()).isEqualTo(1);
        assertThat(beside.longJob().get("status").asString()).isEqualTo("running");
        owner.post("/api/v1/jobs/" + longJob + "/cancel", "{}");
        Document cancelled = awaitStoppedAndSettled(longJob);
        assertThat(cancelled.getInteger("turns", 0)).isPositive();
        assertThat(cancelled.getInteger("attempts")).isEqualTo(1);
        assertThat(cancelled.get("skipped", Number.class).longValue())
                .isEqualTo(cancelled.get("cursor", Number.class).longValue());
    }

    @Test
    void aLongJobWithNobodyWaitingRunsOnWithoutHandingItsTurnBack() {
        // why: "nobody waiting" must hold when it starts: a copy an earlier test's long job handed back may still sit on
        // the topic after that job was cancelled (it is dropped when read), and would count as someone waiting
        awaitBulkCommandsAllRead();
        GatewayClient owner = stack.newEditor().gateway();
        String longJob = owner.post("/api/v1/bulk-operations", longBulkJob()).json().get("job_id").asString();
        var jobs = stack.database().getCollection("jobs");

        // why: by the job's own clock, more than two slices (1 s each) have passed while it ran
        Document running = await().atMost(JOB_TIMEOUT).until(() -> jobs.find(eq("_id", new ObjectId(longJob))).first(),
                job -> job.getDate("started_at") != null && "running".equals(job.getString("status"))
                        && job.getDate("updated_at").getTime() - job.getDate("started_at").getTime() > 2_500);

        assertThat(running.getInteger("turns", 0)).isZero();
        owner.post("/api/v1/jobs/" + longJob + "/cancel", "{}");
        awaitStoppedAndSettled(longJob);
    }

    @Test
    void aCommandPublishedStraightToKafkaBehindALongJobOnItsPartitionRunsBeforeTheLongJobEnds() throws Exception {
        TestUser user = stack.newEditor();
        GatewayClient owner = user.gateway();
        String longJob = owner.post("/api/v1/bulk-operations", longBulkJob()).json().get("job_id").asString();
        awaitStatus(owner, longJob, "running");
        String item = anItem().createIn(owner, 1).getFirst();
        UUID commandId = UUID.randomUUID();
        // why: no job_id, so no queued job in the store announces it: only the partition's backlog can
        var command = new SoftDeleteItems(SchemaVersion.CURRENT, commandId, null, user.id(), true, List.of(item),
                null, null, Instant.now());

        try (var producer = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                stack.kafkaBootstrapServers()), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(Topics.BULK_COMMANDS, user.id(),
                    ContractJson.mapper().writeValueAsString(command))).get();
        }

        var jobs = stack.database().getCollection("jobs");
        Document outsideJob = await().atMost(JOB_TIMEOUT).until(() -> jobs.find(eq("command_id", commandId.toString()))
                .first(), job -> job != null && "completed".equals(job.getString("status")));
        assertThat(outsideJob.get("processed", Number.class).longValue()).isEqualTo(1);
        assertThat(owner.get("/api/v1/jobs/" + longJob).data().get("status").asString()).isEqualTo("running");
        owner.post("/api/v1/jobs/" + longJob + "/cancel", "{}");
        awaitStoppedAndSettled(longJob);
    }

    @Test
    void aWorkerThatDiedBetweenHandingAJobBackAndSendingItsCommandLeavesItToTheRedeliveryWhichFinishesItExactly()
            throws Exception {
        TestUser user = stack.newEditor();
        List<String> targets = anItem().createIn(user.gateway(), 30);
        ObjectId jobId = new ObjectId();
        UUID commandId = UUID.randomUUID();
        Date handedBack = new Date();
        // why: stands for a worker killed right after handBack: the job is held by nobody, and its copy never sent
        stack.database().getCollection("jobs").insertOne(new Document("_id", jobId).append("kind", "bulk")
                .append("operation", "delete").append("owner_id", user.id()).append("command_id", commandId.toString())
                .append("status", "running").append("progress", 0).append("total_items", 30L).append("processed", 0L)
                .append("skipped", 0L).append("failed", 0L).append("cursor", 0L).append("attempts", 1)
                .append("turns", 1).append("worker_id", null).append("handed_back_at", handedBack)
                .append("heartbeat_at", handedBack).append("started_at", handedBack).append("created_at", handedBack));
        var command = new SoftDeleteItems(SchemaVersion.CURRENT, commandId, jobId.toHexString(), user.id(), true,
                targets, null, 5, Instant.now());

        // why: the dead worker never committed the offset of the command it was running, so Kafka delivers it again
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                stack.kafkaBootstrapServers()), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(Topics.BULK_COMMANDS, user.id(),
                    ContractJson.mapper().writeValueAsString(command))).get();
        }

        Document done = awaitStoppedAndSettled(jobId.toHexString());
        assertThat(done.getString("status")).isEqualTo("completed");
        assertThat(done.get("processed", Number.class).longValue()).isEqualTo(30);
        assertThat(done.get("skipped", Number.class).longValue()).isZero();
        assertThat(done.getInteger("attempts")).isEqualTo(1);
        assertThat(done.containsKey("handed_back_at")).isFalse();
        assertThat(stack.database().getCollection("items").countDocuments(
                and(in("_id", targets.stream().map(ObjectId::new).toList()), eq("is_active", false)))).isEqualTo(30);
    }

    @Test
    void aShortCleanupFinishesWhileALongOneRunsAndTheLongOneStillDeletesExactlyWhatItSelected() {
        ObjectId user = new ObjectId();
        String tag = "fair-" + UUID.randomUUID().toString().substring(0, 8);
        int seeded = TestStack.CLEANUP_BATCH_SIZE * 150;
        seedItems(user, seeded, tag);
        GatewayClient internal = stack.internal();
        String longJob = internal.withHeader("Prefer", "respond-async").post("/api/v1/internal/cleanup-test-data",
                "{\"tags\":[\"" + tag + "\"],\"hard_delete\":true,\"user_id\":\"" + user + "\"}")
                .json().get("job_id").asString();
        await().atMost(JOB_TIMEOUT).until(() -> internalJob(longJob).get("status").asString().equals("running"));
        TestUser other = stack.newEditor();
        String item = anItem().createIn(other.gateway(), 1).getFirst();

        var shortAnswer = internal.delete("/api/v1/internal/items/" + item + "/permanent");
        JsonNode longMeanwhile = internalJob(longJob);

        assertThat(shortAnswer.status()).isEqualTo(200);
        assertThat(longMeanwhile.get("status").asString()).isEqualTo("running");
        JsonNode longDone = await().atMost(JOB_TIMEOUT).until(() -> internalJob(longJob),
                job -> job.get("status").asString().equals("completed"));
        assertThat(longDone.get("result").get("items").asLong()).isEqualTo(seeded);
        assertThat(longDone.get("processed").asLong()).isEqualTo(seeded);
        assertThat(stack.database().getCollection("items").countDocuments(eq("created_by", user))).isZero();
    }

    @Test
    void anOwnerOverItsLimitOfUnfinishedJobsGetsA429WithRetryAfterEvenWhenItsRequestsArriveTogetherAtTwoGateways()
            throws Exception {
        TestUser editor = stack.newEditor();
        try (var gateway = stack.startGateway("--flowhub.gateway.max-active-jobs=2", "--flowhub.gateway.active-jobs-retry-after=7s");
                var otherGateway = stack.startGateway("--flowhub.gateway.max-active-jobs=2",
                        "--flowhub.gateway.active-jobs-retry-after=7s")) {
            GatewayClient client = GatewayClient.anonymousOn(gateway.gatewayPort()).withToken(editor.token());
            GatewayClient otherClient = GatewayClient.anonymousOn(otherGateway.gatewayPort()).withToken(editor.token());
            var turns = new AtomicInteger();
            // why: over HTTP/1.1, a connection each: over one HTTP/2 connection, Tomcat sometimes drops the connection
            // when eight large bodies arrive at once (a stream reset by the JDK client, then its DATA; see the note)
            var http1 = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            String body = longBulkJob();

            List<GatewayClient.Response> answers = together(8, () -> new GatewayClient.Response(http1.send(
                    HttpRequest.newBuilder((turns.getAndIncrement() % 2 == 0 ? client : otherClient).uri("/api/v1/bulk-operations"))
                            .header("Authorization", "Bearer " + editor.token())
                            .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(), HttpResponse.BodyHandlers.ofByteArray())));

            assertThat(answers).extracting(GatewayClient.Response::status).containsOnly(202, 429);
            var accepted = answers.stream().filter(answer -> answer.status() == 202).toList();
            var refused = answers.stream().filter(answer -> answer.status() == 429).toList();
            assertThat(accepted).hasSize(2);
            assertThat(refused).hasSize(6);
            assertThat(refused.getFirst().header("Retry-After")).isEqualTo("7");
            assertThat(refused.getFirst().header("Content-Type")).startsWith("application/problem+json");
            assertThat(refused.getFirst().json().get("detail").asString()).contains("2 bulk jobs queued or running");
            GatewayClient someoneElse = GatewayClient.anonymousOn(gateway.gatewayPort())
                    .withToken(stack.newEditor().token());
            String othersJob = someoneElse.post("/api/v1/bulk-operations", longBulkJob()).json().get("job_id").asString();

            // why: both cancelled before waiting for either, so the running one stops at its next batch whichever
            // comes first; the queued one's command is read once the running one lets go of their partition
            List<String> acceptedJobs = accepted.stream().map(answer -> answer.json().get("job_id").asString()).toList();
            acceptedJobs.forEach(jobId -> client.post("/api/v1/jobs/" + jobId + "/cancel", "{}"));
            acceptedJobs.forEach(this::awaitStoppedAndSettled);
            var afterwards = client.post("/api/v1/bulk-operations", longBulkJob());
            assertThat(afterwards.status()).isEqualTo(202);
            client.post("/api/v1/jobs/" + afterwards.json().get("job_id").asString() + "/cancel", "{}");
            someoneElse.post("/api/v1/jobs/" + othersJob + "/cancel", "{}");
        }
    }

    private static String longBulkJob() {
        var ids = IntStream.range(0, LONG_JOB_IDS).mapToObj(i -> "\"" + new ObjectId() + "\"").toList();
        return "{\"operation\":\"delete\",\"batch_size\":1,\"item_ids\":[" + String.join(",", ids) + "]}";
    }

    private static JsonNode awaitStatus(GatewayClient client, String jobId, String status) {
        return await().atMost(JOB_TIMEOUT).until(() -> client.get("/api/v1/jobs/" + jobId).data(),
                job -> job.get("status").asString().equals(status));
    }

    private JsonNode internalJob(String jobId) {
        return stack.internal().get("/api/v1/internal/jobs/" + jobId).data();
    }

    /** Waits until the job is finished and its worker let go of it, so its counts are final. */
    /** Waits until bulk-worker's consumer group has read every record of the bulk command topic. */
    private void awaitBulkCommandsAllRead() {
        // why: the services create the topics as they start
        stack.services();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                stack.kafkaBootstrapServers()))) {
            await().atMost(JOB_TIMEOUT).until(() -> {
                Map<TopicPartition, OffsetAndMetadata> read = admin.listConsumerGroupOffsets("bulk-worker")
                        .partitionsToOffsetAndMetadata().get();
                var partitions = admin.describeTopics(List.of(Topics.BULK_COMMANDS)).allTopicNames().get()
                        .get(Topics.BULK_COMMANDS).partitions().stream()
                        .map(partition -> new TopicPartition(Topics.BULK_COMMANDS, partition.partition())).toList();
                var ends = admin.listOffsets(partitions.stream().collect(Collectors.toMap(partition -> partition,
                        partition -> OffsetSpec.latest()))).all().get();
                return ends.entrySet().stream().allMatch(end -> end.getValue().offset() == 0
                        || (read.get(end.getKey()) != null
                                && read.get(end.getKey()).offset() >= end.getValue().offset()));
            });
        }
    }

    private Document awaitStoppedAndSettled(String jobId) {
        var jobs = stack.database().getCollection("jobs");
        var processed = stack.database().getCollection("processed_commands");
        return await().atMost(JOB_TIMEOUT).until(() -> {
            Document job = jobs.find(eq("_id", new ObjectId(jobId))).first();
            boolean settled = job != null && !List.of("queued", "running").contains(job.getString("status"))
                    && processed.countDocuments(eq("job_id", new ObjectId(jobId))) > 0;
            return settled ? job : null;
        }, job -> job != null);
    }

    private void seedItems(ObjectId user, int count, String tag) {
        var documents = new ArrayList<Document>();
        Date now = new Date();
        for (int i = 0; i < count; i++) {
            documents.add(new Document("_id", new ObjectId()).append("name", "fair " + i).append("description", null)
                    .append("tags", List.of(tag)).append("test_data", true).append("created_by", user)
                    .append("is_active", true).append("deleted_at", null).append("created_at", now)
                    .append("updated_at", now));
        }
        stack.database().getCollection("items").insertMany(documents);
    }


    private static <T> List<T> together(int count, Callable<T> call) throws Exception {
        try (var pool = Executors.newFixedThreadPool(count)) {
            var start = new java.util.concurrent.CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (var future : futures) {
                results.add(future.get());
            }
            return results;
        }
    }

    /** Deletes one new item of {@code shortOwner} while the long job runs: that job once completed, the long one then. */
    private Beside oneItemJobBeside(GatewayClient longOwner, String longJob, GatewayClient shortOwner) {
        String item = anItem().createIn(shortOwner, 1).getFirst();
        String shortJob = shortOwner.post("/api/v1/bulk-operations",
                "{\"operation\":\"delete\",\"item_ids\":[\"" + item + "\"]}").json().get("job_id").asString();
        JsonNode shortDone = awaitStatus(shortOwner, shortJob, "completed");
        return new Beside(shortDone, longOwner.get("/api/v1/jobs/" + longJob).data());
    }

    private record Beside(JsonNode shortJob, JsonNode longJob) {
    }
}

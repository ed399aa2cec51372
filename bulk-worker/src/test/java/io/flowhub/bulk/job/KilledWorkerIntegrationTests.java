package io.flowhub.bulk.job;

import io.flowhub.testing.FinishedJobs;
import io.flowhub.embedded.InProcessServices;
import io.flowhub.bulk.BulkWorkerApplication;
import io.flowhub.events.Topics;
import io.flowhub.embedded.Ports;
import io.flowhub.testing.FlowHubStackExtension;
import io.flowhub.testing.TestStack;
import io.flowhub.testing.TestUser;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.mongodb.client.model.Filters.in;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A bulk-worker in a JVM of its own takes a job, writes a few batches, and is killed (SIGKILL,
 * no shutdown of any kind). The job's lease runs out, the sweeper sends its command again, and
 * the test stack's worker resumes it from its cursor to exact counts.
 */
@ExtendWith(FlowHubStackExtension.class)
class KilledWorkerIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String DOOMED = "doomed-worker-" + UUID.randomUUID();
    private static final int ITEMS = 400;

    private final TestStack stack;
    private final TestUser owner;

    KilledWorkerIntegrationTests(TestStack stack) {
        this.stack = stack;
        this.owner = stack.newEditor();
    }

    @Test
    void aJobWhoseWorkerIsKilledAfterAFewBatchesCompletesWithExactCounts() throws Exception {
        List<String> ids = createItems();
        ids.subList(0, 5).forEach(id -> owner.gateway().delete("/api/v1/items/" + id));
        String group = "killable-" + UUID.randomUUID();
        Path log = Files.createDirectories(Path.of("target")).resolve("killed-worker-" + group + ".log");
        Process worker = startWorker(group, log);
        try {
            awaitPartitionsAssigned(log);
            ObjectId jobId = new ObjectId();
            String command = JSON.writeValueAsString(Map.of("type", "SoftDeleteItems", "schema_version", 1,
                    "command_id", UUID.randomUUID().toString(), "job_id", jobId.toHexString(), "owner_id", owner.id(),
                    "restrict_to_owner", true, "item_ids", ids, "batch_size", 1));
            // why: the job is handed to the doomed worker, so the test stack's own worker leaves it alone until the lease runs out
            stack.database().getCollection("jobs").insertOne(new Document("_id", jobId).append("kind", "bulk")
                    .append("operation", "delete").append("owner_id", owner.id())
                    .append("command_id", JSON.readTree(command).get("command_id").asString()).append("command", command)
                    .append("status", "running").append("total_items", (long) ids.size()).append("cursor", 0L)
                    .append("attempts", 0).append("worker_id", DOOMED).append("heartbeat_at", new Date())
                    .append("created_at", new Date()));
            try (var producer = new KafkaProducer<>(Map.<String, Object>of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers()),
                    new StringSerializer(), new StringSerializer())) {
                producer.send(new ProducerRecord<>(Topics.BULK_COMMANDS, owner.id(), command)).get();
            }

            await().atMost(Duration.ofSeconds(60)).until(() -> {
                Document job = job(jobId);
                return DOOMED.equals(job.getString("worker_id")) && job.get("cursor", 0L) >= 20;
            });
            worker.destroyForcibly().waitFor();
            long cursorWhenKilled = job(jobId).get("cursor", 0L);

            Document finished = await().atMost(Duration.ofSeconds(60)).until(() -> job(jobId),
                    job -> "completed".equals(job.getString("status")));
            assertThat(cursorWhenKilled).isLessThan(ITEMS);
            assertThat(finished.getString("worker_id")).isNotEqualTo(DOOMED);
            assertThat(finished.getInteger("attempts")).isEqualTo(2);
            assertThat(finished.get("processed", 0L)).isEqualTo(ITEMS - 5);
            assertThat(finished.get("skipped", 0L)).isEqualTo(5);
            assertThat(finished.get("total_items", 0L)).isEqualTo(ITEMS);
            assertThat(stack.database().getCollection("items").countDocuments(
                    in("_id", ids.stream().map(ObjectId::new).toList()))).isEqualTo(ITEMS);
            assertThat(stack.database().getCollection("items").countDocuments(new Document("last_job_id", jobId)))
                    .isEqualTo(ITEMS - 5);
        } finally {
            worker.destroyForcibly();
        }
    }

    private Process startWorker(String group, Path log) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        var command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                BulkWorkerApplication.class.getName(),
                "--spring.kafka.bootstrap-servers=" + stack.kafkaBootstrapServers(),
                "--spring.mongodb.uri=" + stack.mongoUri(),
                "--server.port=" + Ports.findFree(),
                "--spring.kafka.consumer.group-id=" + group,
                "--spring.kafka.consumer.auto-offset-reset=latest",
                "--flowhub.bulk.worker-id=" + DOOMED,
                "--flowhub.bulk.lease=" + TestStack.LEASE.toSeconds() + "s",
                "--flowhub.bulk.sweep-interval=1h",
                "--spring.main.banner-mode=off",
                "--logging.level.org.springframework.kafka.listener=INFO",
                InProcessServices.WORKERS_WITHOUT_SECURITY));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /** Waits until the worker's consumer reports partitions assigned, so that a command sent now reaches it. */
    private static void awaitPartitionsAssigned(Path log) {
        await().atMost(Duration.ofSeconds(90)).until(() -> Files.exists(log)
                && Files.readString(log).contains("partitions assigned"));
    }

    private List<String> createItems() {
        var created = new ArrayList<String>();
        var items = new ArrayList<Map<String, Object>>();
        for (int i = 0; i < ITEMS; i++) {
            items.add(Map.of("name", "crash " + i));
        }
        var response = owner.gateway().post("/api/v1/items/batch", JSON.writeValueAsString(Map.of("items", items)));
        assertThat(response.status()).as(response.text()).isEqualTo(201);
        response.data().get("items").forEach(item -> created.add(item.get("_id").asString()));
        return created;
    }

    private Document job(ObjectId jobId) {
        return FinishedJobs.document(stack.database(), jobId);
    }
}

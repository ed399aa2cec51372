package io.flowhub.cleanup.purge;

import io.flowhub.testing.FinishedJobs;
import io.flowhub.events.Topics;
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

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.mongodb.client.model.Filters.eq;
import static io.flowhub.testing.ItemBuilder.anItem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A purge whose worker died between the database delete and the file removal: the items are gone,
 * their files are still on disk, and their removal is recorded. When the command is delivered
 * again, the purge finishes and no file is left behind.
 */
@ExtendWith(FlowHubStackExtension.class)
class PurgeRerunIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final TestStack stack;

    PurgeRerunIntegrationTests(TestStack stack) {
        this.stack = stack;
    }

    @Test
    void aPurgeRedeliveredAfterACrashBetweenItsLedgerAndItsDeletesFinishesThemAndLeavesNoFileBehind() throws Exception {
        TestUser user = stack.newEditor();
        var files = new ArrayList<String>();
        for (String id : anItem().createIn(user.gateway(), 3)) {
            files.add(user.gateway().upload("/api/v1/items/" + id + "/file", "f.txt", "x".getBytes(StandardCharsets.UTF_8))
                    .data().get("file_path").asString());
        }
        ObjectId jobId = new ObjectId();
        String commandId = UUID.randomUUID().toString();
        String command = JSON.writeValueAsString(Map.of("type", "PurgeUserData", "schema_version", 1,
                "command_id", commandId, "job_id", jobId.toHexString(), "requested_by", "test", "dry_run", false,
                "user_id", user.id(), "include_otps", true, "include_activity_logs", true));
        // why: the state a worker leaves when killed after recording its batch in the ledger (items
        // claimed, file removals recorded) and before deleting the items and removing their files
        var database = stack.database();
        var items = new ArrayList<ObjectId>();
        database.getCollection("items").find(eq("created_by", new ObjectId(user.id())))
                .forEach(item -> items.add(item.getObjectId("_id")));
        database.getCollection("items").updateMany(eq("created_by", new ObjectId(user.id())),
                new Document("$set", new Document("deleting_job", jobId)));
        files.forEach(path -> database.getCollection("file_removals").insertOne(new Document("_id", new ObjectId())
                .append("path", path).append("job_id", jobId).append("batch", 1).append("status", "pending")
                .append("attempts", 0).append("created_at", new Date())));
        database.getCollection("job_ledger").insertOne(new Document("_id", new ObjectId()).append("job_id", jobId)
                .append("batch", 1).append("operation", "purge_user_data").append("owner_id", "test")
                .append("target_user_id", user.id()).append("item_ids", items)
                .append("counts", new Document("processed", 3L)).append("errors", List.of())
                .append("deleted", new Document("items", 3L).append("files", 3L))
                .append("through", new Document("batch", 1).append("step", "items").append("cursor", 3L)
                        .append("resume_after", items.stream().max(ObjectId::compareTo).orElseThrow()))
                .append("at", new Date()));
        database.getCollection("jobs").insertOne(new Document("_id", jobId).append("kind", "cleanup")
                .append("operation", "purge_user_data").append("command_id", commandId).append("command", command)
                .append("status", "running").append("attempts", 1).append("worker_id", "worker-that-died")
                .append("heartbeat_at", new Date(System.currentTimeMillis() - 600_000)).append("created_at", new Date()));
        files.forEach(path -> assertThat(stack.filesRoot().resolve(path)).exists());

        try (var producer = new KafkaProducer<>(Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers()),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(Topics.CLEANUP_COMMANDS, user.id(), command)).get();
        }

        Document job = FinishedJobs.awaitEndedDocument(database, jobId);
        assertThat(job.getString("status")).isEqualTo("completed");
        assertThat(job.get("result", Document.class).get("files", 0L)).isEqualTo(3);
        assertThat(job.get("result", Document.class).get("items", 0L)).isEqualTo(3);
        assertThat(database.getCollection("items").countDocuments(eq("created_by", new ObjectId(user.id())))).isZero();
        files.forEach(path -> assertThat(stack.filesRoot().resolve(path)).doesNotExist());
        assertThat(database.getCollection("file_removals").find(eq("job_id", jobId)).into(new java.util.ArrayList<>()))
                .hasSize(3).allSatisfy(removal -> assertThat(removal.getString("status")).isEqualTo("done"));
        assertThat(List.of(user.gateway().get("/api/v1/users/me").status())).containsExactly(200);
    }
}

package io.flowhub.cleanup.retention;

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

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.mongodb.client.model.Filters.eq;
import static io.flowhub.testing.ItemBuilder.anItem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The cleanups cleanup-worker schedules itself, called here as any producer may call them: by command. */
@ExtendWith(FlowHubStackExtension.class)
class ScheduledCleanupIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final TestStack stack;

    ScheduledCleanupIntegrationTests(TestStack stack) {
        this.stack = stack;
    }

    @Test
    void retentionHardDeletesOnlyItemsSoftDeletedLongerAgoThanItKeepsThem() throws Exception {
        TestUser user = stack.newEditor();
        List<String> ids = anItem().createIn(user.gateway(), 3);
        String file = user.gateway().upload("/api/v1/items/" + ids.get(0) + "/file", "old.txt",
                "old".getBytes(StandardCharsets.UTF_8)).data().get("file_path").asString();
        ids.subList(0, 2).forEach(id -> user.gateway().delete("/api/v1/items/" + id));
        stack.database().getCollection("items").updateOne(eq("_id", new ObjectId(ids.get(0))),
                new Document("$set", new Document("deleted_at", Date.from(Instant.now().minus(Duration.ofDays(40))))));

        Document job = run(Map.of("type", "PurgeSoftDeleted", "older_than_days", 30));

        assertThat(job.get("result", Document.class).get("items", 0L)).isEqualTo(1);
        assertThat(stack.database().getCollection("items").countDocuments(eq("_id", new ObjectId(ids.get(0))))).isZero();
        assertThat(stack.database().getCollection("items").countDocuments(eq("_id", new ObjectId(ids.get(1))))).isEqualTo(1);
        assertThat(stack.filesRoot().resolve(file)).doesNotExist();
    }

    @Test
    void theOrphanSweepRemovesOldFilesNoItemPointsAtAndLeavesTheRest() throws Exception {
        TestUser user = stack.newEditor();
        String id = anItem().createIn(user.gateway(), 1).getFirst();
        String kept = user.gateway().upload("/api/v1/items/" + id + "/file", "kept.txt",
                "kept".getBytes(StandardCharsets.UTF_8)).data().get("file_path").asString();
        Path orphan = Files.writeString(stack.filesRoot().resolve("items/orphan-" + UUID.randomUUID() + ".txt"), "lost");
        Path fresh = Files.writeString(stack.filesRoot().resolve("items/fresh-" + UUID.randomUUID() + ".txt"), "uploading");
        FileTime twoHoursAgo = FileTime.from(Instant.now().minus(Duration.ofHours(2)));
        Files.setLastModifiedTime(orphan, twoHoursAgo);
        Files.setLastModifiedTime(stack.filesRoot().resolve(kept), twoHoursAgo);

        run(Map.of("type", "SweepOrphanFiles"));

        assertThat(orphan).doesNotExist();
        assertThat(fresh).exists();
        assertThat(stack.filesRoot().resolve(kept)).exists();
        assertThat(prometheus()).contains("flowhub_jobs_finished_total{", "kind=\"cleanup\"",
                "operation=\"sweep_orphan_files\"",
                "flowhub_files_deleted_total{");
    }

    private Document run(Map<String, Object> command) throws Exception {
        String commandId = UUID.randomUUID().toString();
        var body = new HashMap<>(command);
        body.put("schema_version", 1);
        body.put("command_id", commandId);
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers()),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(Topics.CLEANUP_COMMANDS, "_global", JSON.writeValueAsString(body))).get();
        }
        return await().atMost(Duration.ofSeconds(60)).until(
                () -> stack.database().getCollection("jobs").find(eq("command_id", commandId)).first(),
                job -> job != null && "completed".equals(job.getString("status")));
    }

    private String prometheus() throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                        "http://localhost:" + stack.services().cleanupWorkerPort() + "/actuator/prometheus")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }
}

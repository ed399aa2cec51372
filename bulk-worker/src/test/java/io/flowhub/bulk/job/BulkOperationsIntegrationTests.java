package io.flowhub.bulk.job;

import io.flowhub.testing.FinishedJobs;
import io.flowhub.events.Topics;
import io.flowhub.testing.FlowHubStackExtension;
import io.flowhub.testing.GatewayClient;
import io.flowhub.testing.TestStack;
import io.flowhub.testing.TestUser;
import io.flowhub.testing.TopicReader;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static io.flowhub.testing.ItemBuilder.anItem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Bulk jobs through the real broker: every operation, both kinds of selection, exact counts, cancel, keys, streams. */
@ExtendWith(FlowHubStackExtension.class)
class BulkOperationsIntegrationTests {

    private static final Duration JOB_TIMEOUT = Duration.ofSeconds(60);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final TestStack stack;
    private final TestUser alice;
    private final GatewayClient gateway;

    BulkOperationsIntegrationTests(TestStack stack) {
        this.stack = stack;
        this.alice = stack.newEditor();
        this.gateway = alice.gateway();
    }

    @Test
    void aMixedSelectionCountsEachSkipReasonExactlyAndAnotherUsersItemsAsNotFound() {
        List<String> mine = anItem().createIn(gateway, 10);
        mine.subList(0, 2).forEach(id -> gateway.delete("/api/v1/items/" + id));
        List<String> bobs = anItem().createIn(stack.newEditor().gateway(), 4);
        var selection = new ArrayList<>(mine);
        selection.addAll(bobs);
        for (int i = 0; i < 3; i++) {
            selection.add(new ObjectId().toHexString());
        }

        JsonNode job = awaitFinished(submit(Map.of("operation", "delete", "itemIds", selection, "batchSize", 4)));

        assertThat(job.get("status").asString()).isEqualTo("completed");
        assertThat(job.get("total_items").asLong()).isEqualTo(17);
        assertThat(job.get("processed").asLong()).isEqualTo(8);
        assertThat(job.get("skipped").asLong()).isEqualTo(9);
        assertThat(job.get("skip_reasons").get("already_done").asLong()).isEqualTo(2);
        // why: an EDITOR must not learn which of another user's ids exist
        assertThat(job.get("skip_reasons").get("not_found").asLong()).isEqualTo(7);
        assertThat(job.get("skip_reasons").get("not_owned").asLong()).isZero();
        assertThat(job.get("failed").asLong()).isZero();
        assertThat(items(bobs)).allSatisfy(item -> assertThat(item.getBoolean("is_active")).isTrue());
    }

    @Test
    void aFilterJobWorksThroughEveryMatchingItemOfTheCallerInBatches() {
        String tag = "filter-" + UUID.randomUUID();
        List<String> mine = anItem().createIn(gateway, 0);
        for (int chunk = 0; chunk < 3; chunk++) {
            mine.addAll(batch(gateway, 80, tag));
        }
        List<String> untagged = anItem().createIn(gateway, 2);
        List<String> bobsTagged = batch(stack.newEditor().gateway(), 5, tag);

        var accepted = gateway.delete("/api/v1/items?tags=" + tag);

        assertThat(accepted.status()).isEqualTo(202);
        JsonNode job = awaitFinished(accepted.json().get("job_id").asString());
        assertThat(job.get("processed").asLong()).isEqualTo(240);
        assertThat(job.get("total_items").asLong()).isEqualTo(240);
        assertThat(job.get("progress").asInt()).isEqualTo(100);
        assertThat(items(mine)).allSatisfy(item -> assertThat(item.getBoolean("is_active")).isFalse());
        assertThat(items(untagged)).allSatisfy(item -> assertThat(item.getBoolean("is_active")).isTrue());
        assertThat(items(bobsTagged)).allSatisfy(item -> assertThat(item.getBoolean("is_active")).isTrue());
        assertThat(gateway.delete("/api/v1/items").status()).isEqualTo(400);
    }

    @Test
    void aBulkFilterOrADeleteByRunIdChangesOnlyThatRunsItems() {
        String tag = "run-filter-" + UUID.randomUUID();
        String mine = "run-" + UUID.randomUUID();
        String other = "run-" + UUID.randomUUID();
        List<String> tagged = batch(gateway.withHeader("X-FlowHub-Run", mine), 6, tag);
        List<String> sameTagOtherRun = batch(gateway.withHeader("X-FlowHub-Run", other), 4, tag);

        String tagging = submit(Map.of("operation", "add_tags", "tags", List.of("seen"),
                "filter", Map.of("tags", List.of(tag), "run_id", mine)));
        JsonNode tagged6 = awaitFinished(tagging);
        var deleted = gateway.delete("/api/v1/items?run_id=" + mine);

        assertThat(tagged6.get("processed").asLong()).isEqualTo(6);
        assertThat(deleted.status()).as(deleted.text()).isEqualTo(202);
        assertThat(awaitFinished(deleted.json().get("job_id").asString()).get("processed").asLong()).isEqualTo(6);
        assertThat(items(tagged)).allSatisfy(item -> {
            assertThat(item.getList("tags", String.class)).contains("seen");
            assertThat(item.getBoolean("is_active")).isFalse();
        });
        assertThat(items(sameTagOtherRun)).allSatisfy(item -> {
            assertThat(item.getList("tags", String.class)).doesNotContain("seen");
            assertThat(item.getBoolean("is_active")).isTrue();
        });
        assertThat(gateway.post("/api/v1/bulk-operations", "{\"operation\":\"delete\",\"filter\":{\"run_id\":\"a b\"}}")
                .status()).isEqualTo(400);
    }

    @Test
    void restoreAndTagOperationsChangeOnlyWhatIsNotYetInTheirTargetState() {
        String tag = "ops-" + UUID.randomUUID();
        List<String> ids = batch(gateway, 6, tag);
        ids.subList(0, 3).forEach(id -> gateway.delete("/api/v1/items/" + id));
        String crowded = gateway.post("/api/v1/items", "{\"name\":\"crowded\",\"tags\":" + tags(20) + "}")
                .data().get("_id").asString();

        JsonNode restored = awaitFinished(submit(Map.of("operation", "activate",
                "filter", Map.of("tags", List.of(tag)))));
        var withCrowded = new ArrayList<>(ids);
        withCrowded.add(crowded);
        JsonNode added = awaitFinished(submit(Map.of("operation", "add_tags", "itemIds", withCrowded,
                "tags", List.of("reviewed"))));
        JsonNode removed = awaitFinished(submit(Map.of("operation", "remove_tags", "itemIds", ids,
                "tags", List.of(tag))));

        assertThat(restored.get("processed").asLong()).isEqualTo(3);
        assertThat(restored.get("skip_reasons").get("already_done").asLong()).isEqualTo(3);
        assertThat(added.get("processed").asLong()).isEqualTo(6);
        assertThat(added.get("failed").asLong()).isEqualTo(1);
        assertThat(added.get("errors").get(0).get("item_id").asString()).isEqualTo(crowded);
        assertThat(added.get("errors").get(0).get("reason").asString()).contains("at most 20");
        assertThat(removed.get("processed").asLong()).isEqualTo(6);
        assertThat(items(ids)).allSatisfy(item -> {
            assertThat(item.getBoolean("is_active")).isTrue();
            assertThat(item.getList("tags", String.class)).containsExactly("reviewed");
        });
    }

    @Test
    void aCancelledJobStopsAtABatchBoundaryAndKeepsItsCounts() {
        String tag = "cancel-" + UUID.randomUUID();
        for (int chunk = 0; chunk < 3; chunk++) {
            batch(gateway, 1_000, tag);
        }
        String jobId = submit(Map.of("operation", "delete", "filter", Map.of("tags", List.of(tag)), "batchSize", 1));
        await().atMost(JOB_TIMEOUT).until(() -> job(jobId).get("processed").asLong() >= 5);

        var cancelled = gateway.post("/api/v1/jobs/" + jobId + "/cancel", "");

        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.data().get("status").asString()).isEqualTo("cancelled");
        // why: the batch under way when the cancel arrived is written and counted, then the worker stops
        long deleted = await().atMost(JOB_TIMEOUT).until(
                () -> stack.database().getCollection("items").countDocuments(
                        new Document("tags", tag).append("is_active", false)),
                count -> count == job(jobId).get("processed").asLong());
        assertThat(deleted).isLessThan(3_000);
        assertThat(stack.database().getCollection("items").countDocuments(
                new Document("tags", tag).append("is_active", false))).isEqualTo(deleted);
        assertThat(job(jobId).get("status").asString()).isEqualTo("cancelled");
        assertThat(gateway.post("/api/v1/jobs/" + jobId + "/cancel", "").status()).isEqualTo(409);
    }

    @Test
    void anIdempotencyKeyReturnsTheSameJobForTheSameBodyAndRefusesAnother() {
        List<String> ids = anItem().createIn(gateway, 2);
        String key = UUID.randomUUID().toString();
        String body = JSON.writeValueAsString(Map.of("operation", "delete", "itemIds", ids));

        var first = gateway.withHeader("Idempotency-Key", key).post("/api/v1/bulk-operations", body);
        var again = gateway.withHeader("Idempotency-Key", key).post("/api/v1/bulk-operations", body);
        var other = gateway.withHeader("Idempotency-Key", key).post("/api/v1/bulk-operations",
                JSON.writeValueAsString(Map.of("operation", "activate", "itemIds", ids)));

        assertThat(first.status()).isEqualTo(202);
        assertThat(again.status()).isEqualTo(202);
        assertThat(again.json().get("job_id").asString()).isEqualTo(first.json().get("job_id").asString());
        assertThat(other.status()).isEqualTo(422);
        assertThat(stack.database().getCollection("jobs").countDocuments(eq("owner_id", alice.id()))).isEqualTo(
                gateway.get("/api/v1/jobs?limit=200").data().size());
    }

    @Test
    void jobsAreListedForTheirOwnerOnly() {
        String jobId = submit(Map.of("operation", "delete", "itemIds", anItem().createIn(gateway, 1)));
        TestUser bob = stack.newEditor();

        assertThat(gateway.get("/api/v1/jobs").data().findValuesAsString("job_id")).contains(jobId);
        assertThat(bob.gateway().get("/api/v1/jobs").data().findValuesAsString("job_id")).doesNotContain(jobId);
        assertThat(bob.gateway().get("/api/v1/jobs/" + jobId).status()).isEqualTo(404);
        assertThat(bob.gateway().post("/api/v1/jobs/" + jobId + "/cancel", "").status()).isEqualTo(404);
    }

    @Test
    void theEventStreamEndsWithTheFinalStatus() throws Exception {
        String jobId = submit(Map.of("operation", "delete", "itemIds", anItem().createIn(gateway, 30), "batchSize", 5));
        var request = HttpRequest.newBuilder(gateway.uri("/api/v1/jobs/" + jobId + "/events"))
                .header("Authorization", "Bearer " + alice.token()).timeout(JOB_TIMEOUT).build();

        List<String> lines = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofLines()).body().toList();

        assertThat(lines).contains("event:completed");
        String last = lines.stream().filter(line -> line.startsWith("data:")).reduce((a, b) -> b).orElseThrow();
        assertThat(JSON.readTree(last.substring(5)).get("processed").asLong()).isEqualTo(30);
    }

    @Test
    void everyStatusChangeOfAJobIsAnnouncedOnTheEventsTopic() {
        String jobId = submit(Map.of("operation", "delete", "itemIds", anItem().createIn(gateway, 6), "batchSize", 3));
        awaitFinished(jobId);

        List<String> types = TopicReader.read(stack.kafkaBootstrapServers(), Topics.JOB_EVENTS,
                        record -> jobId.equals(record.key()),
                        kept -> kept.stream().anyMatch(record -> record.value().contains("\"type\":\"completed\"")))
                .stream().map(record -> JSON.readTree(record.value()).get("type").asString()).toList();

        // why: accepted comes from the gateway, the rest from the worker; the worker's own are in order
        assertThat(types).containsExactlyInAnyOrder("accepted", "started", "progress", "progress", "completed");
        assertThat(types.stream().filter(type -> !type.equals("accepted")).toList())
                .containsExactly("started", "progress", "progress", "completed");
    }

    @Test
    void aJobWhoseWorkerStoppedReportingIsTakenOverAndCompletesWithExactCounts() {
        List<String> ids = anItem().createIn(gateway, 12);
        ObjectId jobId = new ObjectId();
        UUID commandId = UUID.randomUUID();
        String command = JSON.writeValueAsString(Map.of("type", "SoftDeleteItems", "schema_version", 1,
                "command_id", commandId.toString(), "job_id", jobId.toHexString(), "owner_id", alice.id(),
                "restrict_to_owner", true, "item_ids", ids, "batch_size", 4));
        // why: stands for a worker that took the job, wrote two batches (one of them unrecorded) and went silent
        stack.database().getCollection("items").updateMany(in("_id", ids.subList(0, 8).stream().map(ObjectId::new).toList()),
                new Document("$set", new Document("is_active", false).append("deleted_at", new Date())
                        .append("last_job_id", jobId)));
        stack.database().getCollection("jobs").insertOne(new Document("_id", jobId).append("kind", "bulk")
                .append("operation", "delete").append("owner_id", alice.id()).append("command_id", commandId.toString())
                .append("command", command).append("status", "running").append("total_items", 12L)
                .append("processed", 4L).append("skipped", 0L).append("failed", 0L).append("cursor", 4L)
                .append("attempts", 1).append("worker_id", "worker-that-died")
                .append("heartbeat_at", new Date(System.currentTimeMillis() - 60_000)).append("created_at", new Date()));

        JsonNode job = awaitFinished(jobId.toHexString());

        assertThat(job.get("status").asString()).isEqualTo("completed");
        assertThat(job.get("processed").asLong()).isEqualTo(12);
        assertThat(job.get("skipped").asLong()).isZero();
        assertThat(job.get("attempts").asInt()).isEqualTo(2);
    }

    @Test
    void theWorkerPublishesJobItemBatchAndLatencyMetrics() throws Exception {
        awaitFinished(submit(Map.of("operation", "delete", "itemIds", anItem().createIn(gateway, 3))));

        var metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                "http://localhost:" + stack.services().bulkWorkerPort() + "/actuator/prometheus")).build(),
                HttpResponse.BodyHandlers.ofString()).body();

        assertThat(metrics).contains(
                "flowhub_jobs_finished_total{", "operation=\"delete\"", "status=\"completed\"",
                "flowhub_items_total{", "outcome=\"processed\"",
                "flowhub_batch_duration_seconds_count{",
                "flowhub_job_duration_seconds_count{",
                "flowhub_queue_latency_seconds_count{");
    }

    private String submit(Map<String, Object> body) {
        var response = gateway.post("/api/v1/bulk-operations", JSON.writeValueAsString(body));
        assertThat(response.status()).as(response.text()).isEqualTo(202);
        return response.json().get("job_id").asString();
    }

    private JsonNode job(String jobId) {
        return gateway.get("/api/v1/jobs/" + jobId).data();
    }

    private JsonNode awaitFinished(String jobId) {
        return FinishedJobs.awaitEnded(gateway, jobId);
    }

    private List<Document> items(List<String> ids) {
        return stack.database().getCollection("items").find(in("_id", ids.stream().map(ObjectId::new).toList()))
                .into(new ArrayList<>());
    }

    private static List<String> batch(GatewayClient client, int count, String tag) {
        var items = new ArrayList<Map<String, Object>>();
        for (int i = 0; i < count; i++) {
            items.add(Map.of("name", "bulk " + i));
        }
        var response = client.post("/api/v1/items/batch", JSON.writeValueAsString(Map.of("items", items, "tags", List.of(tag))));
        assertThat(response.status()).as(response.text()).isEqualTo(201);
        return new ArrayList<>(response.data().get("items").findValuesAsString("_id"));
    }

    private static String tags(int count) {
        var tags = new ArrayList<String>();
        for (int i = 0; i < count; i++) {
            tags.add("\"t" + i + "\"");
        }
        return "[" + String.join(",", tags) + "]";
    }
}

package io.flowhub.system;

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

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.set;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The job engine under the faults it is built for, each injected by putting the database and Kafka
 * in the state the fault leaves: a worker that died after a batch's write but before recording it
 * (a job's or an undo's), after recording a cleanup batch but before the job heard of it, a command
 * redelivered after its job finished or was deleted, a command that never reached Kafka.
 */
@ExtendWith(FlowHubStackExtension.class)
class JobEngineFaultIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final TestStack stack;
    private final TestUser owner;

    JobEngineFaultIntegrationTests(TestStack stack) {
        this.stack = stack;
        this.owner = stack.newEditor();
    }

    @Test
    void aFilterJobResumedAfterAnUnrecordedBatchCountsThatBatchsItemsExactlyOnce() throws Exception {
        String tag = "resume-" + UUID.randomUUID();
        List<ObjectId> ids = seedItems(new ObjectId(owner.id()), 120, tag);
        ObjectId jobId = new ObjectId();
        // why: the state a worker leaves when it dies after writing batch 1 and before recording it:
        // its items no longer match the filter (status active), and the job knows of no batch
        stack.database().getCollection("items").updateMany(in("_id", ids.subList(0, 50)), combine(
                set("is_active", false), set("deleted_at", new Date()), set("last_job_id", jobId)));
        String command = command("SoftDeleteItems", jobId, Map.of("filter", Map.of("tags", List.of(tag),
                "status", "active"), "batch_size", 50));
        insertJob(jobId, "bulk", "delete", command, "running", "dead-worker", Instant.now().minusSeconds(60));
        publish(Topics.BULK_COMMANDS, command);

        Document job = awaitFinished(jobId);
        assertThat(job.getString("status")).isEqualTo("completed");
        assertThat(job.get("processed", 0L)).isEqualTo(120);
        assertThat(job.get("skipped", 0L)).isZero();
        assertThat(job.get("total_items", 0L)).isEqualTo(120);
        assertThat(ledgerItems(jobId)).hasSize(120).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(ids);
    }

    @Test
    void anUndoResumedAfterAnUnrecordedBatchCountsThatBatchsItemsExactlyOnce() throws Exception {
        List<ObjectId> ids = seedItems(new ObjectId(owner.id()), 120, "undo-" + UUID.randomUUID());
        ObjectId delete = new ObjectId();
        String deleting = command("SoftDeleteItems", delete, Map.of("item_ids", hex(ids), "batch_size", 50));
        insertJob(delete, "bulk", "delete", deleting, "queued", null, null);
        publish(Topics.BULK_COMMANDS, deleting);
        assertThat(awaitFinished(delete).get("processed", 0L)).isEqualTo(120);
        ObjectId undo = new ObjectId();
        List<ObjectId> firstBatch = stack.database().getCollection("job_ledger")
                .find(and(eq("job_id", delete), eq("batch", 1))).first().getList("item_ids", ObjectId.class);
        // why: the state an undo worker leaves when it dies after writing its batch 1 and before recording it
        stack.database().getCollection("items").updateMany(in("_id", firstBatch), combine(set("is_active", true),
                set("deleted_at", null), set("last_job_id", undo)));
        String undoing = command("UndoJob", undo, Map.of("undoes", delete.toHexString()));
        insertJob(undo, "bulk", "undo", undoing, "running", "dead-worker", Instant.now().minusSeconds(60));
        publish(Topics.BULK_COMMANDS, undoing);

        Document job = awaitFinished(undo);
        assertThat(job.getString("status")).isEqualTo("completed");
        assertThat(job.get("processed", 0L)).isEqualTo(120);
        assertThat(job.get("skipped", 0L)).isZero();
        assertThat(ledgerItems(undo)).hasSize(120).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(ids);
        assertThat(stack.database().getCollection("items").countDocuments(and(in("_id", ids), eq("is_active", true))))
                .isEqualTo(120);
    }

    @Test
    void aCommandRedeliveredAfterItsJobFinishedIsDroppedAndChangesNothing() throws Exception {
        SoftDelete seeded = softDeleteOfNewItems("again", 10);
        List<ObjectId> ids = seeded.ids();
        ObjectId jobId = seeded.jobId();
        String command = seeded.command();
        insertJob(jobId, "bulk", "delete", command, "queued", null, null);
        publish(Topics.BULK_COMMANDS, command);
        Document first = awaitFinished(jobId);
        stack.database().getCollection("items").updateMany(in("_id", ids), set("is_active", true));

        publish(Topics.BULK_COMMANDS, command);

        await().atMost(Duration.ofSeconds(30)).until(() -> stack.database().getCollection("processed_commands")
                .countDocuments(eq("command_id", commandId(command))) == 1);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> job(jobId).getInteger("attempts")
                .equals(first.getInteger("attempts")));
        assertThat(stack.database().getCollection("items").countDocuments(and(in("_id", ids), eq("is_active", true))))
                .isEqualTo(10);
        assertThat(job(jobId).get("processed", 0L)).isEqualTo(10);
    }

    @Test
    void aCommandWhoseJobWasDeletedNeverRecreatesIt() throws Exception {
        SoftDelete seeded = softDeleteOfNewItems("gone", 5);
        List<ObjectId> ids = seeded.ids();
        ObjectId jobId = seeded.jobId();
        String command = seeded.command();

        publish(Topics.BULK_COMMANDS, command);

        await().atMost(Duration.ofSeconds(30)).until(() -> stack.database().getCollection("processed_commands")
                .countDocuments(and(eq("command_id", commandId(command)), eq("outcome", "job_gone"))) == 1);
        assertThat(stack.database().getCollection("jobs").countDocuments(eq("_id", jobId))).isZero();
        assertThat(stack.database().getCollection("items").countDocuments(and(in("_id", ids), eq("is_active", true))))
                .isEqualTo(5);
    }

    @Test
    void aQueuedJobWhoseCommandNeverReachedKafkaIsSentAgainAndRuns() {
        SoftDelete seeded = softDeleteOfNewItems("outbox", 7);
        List<ObjectId> ids = seeded.ids();
        ObjectId jobId = seeded.jobId();
        String command = seeded.command();
        // why: the gateway held the job in the outbox, recorded it and died (or Kafka was down) before
        // the command was published
        stack.database().getCollection("job_outbox").insertOne(new Document("_id", jobId).append("kind", "bulk")
                .append("held_at", Date.from(Instant.now().minusSeconds(60))));
        insertJob(jobId, "bulk", "delete", command, "queued", null, null);

        Document job = awaitFinished(jobId);

        assertThat(job.getString("status")).isEqualTo("completed");
        assertThat(job.get("processed", 0L)).isEqualTo(7);
        assertThat(stack.database().getCollection("job_outbox").countDocuments(eq("_id", jobId))).isZero();
    }

    @Test
    void aPurgeRedeliveredAfterARecordedBatchCountsEveryItemOnce() throws Exception {
        TestUser user = stack.newEditor();
        ObjectId userId = new ObjectId(user.id());
        List<ObjectId> ids = seedItems(userId, 300, "purged");
        ObjectId jobId = new ObjectId();
        String command = JSON.writeValueAsString(Map.of("type", "PurgeUserData", "schema_version", 1,
                "command_id", UUID.randomUUID().toString(), "job_id", jobId.toHexString(), "requested_by", "test",
                "user_id", user.id(), "include_otp", true, "include_activity_logs", true));
        insertJob(jobId, "cleanup", "purge_user_data", command, "running", "dead-worker", Instant.now().minusSeconds(60));
        // why: the state a worker leaves when it dies after recording its first batch (120 items
        // claimed and deleted) and before writing that batch to the job
        List<ObjectId> firstBatch = ids.subList(0, 120);
        stack.database().getCollection("items").deleteMany(in("_id", firstBatch));
        stack.database().getCollection("job_ledger").insertOne(new Document("_id", new ObjectId())
                .append("job_id", jobId).append("batch", 1).append("operation", "purge_user_data")
                .append("owner_id", "test").append("target_user_id", user.id()).append("item_ids", firstBatch)
                .append("counts", new Document("processed", 120L)).append("errors", List.of())
                .append("deleted", new Document("items", 120L).append("files", 0L))
                .append("through", new Document("batch", 1).append("step", "items").append("cursor", 120L)
                        .append("resume_after", firstBatch.getLast()))
                .append("at", new Date()));
        publish(Topics.CLEANUP_COMMANDS, command);

        Document job = awaitFinished(jobId);

        assertThat(job.getString("status")).isEqualTo("completed");
        assertThat(job.get("result", Document.class).get("items", 0L)).isEqualTo(300);
        assertThat(stack.database().getCollection("items").countDocuments(eq("created_by", userId))).isZero();
        var deleted = new ArrayList<ObjectId>();
        stack.database().getCollection("job_ledger").find(eq("job_id", jobId))
                .forEach(entry -> deleted.addAll(entry.getList("item_ids", ObjectId.class)));
        assertThat(deleted).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(ids);
    }

    @Test
    void anIdempotencyKeyWhoseJobWasPurgedStartsANewJob() {
        TestUser user = stack.newEditor();
        List<ObjectId> ids = seedItems(new ObjectId(user.id()), 3, "keyed");
        String body = "{\"operation\":\"delete\",\"itemIds\":" + JSON.writeValueAsString(hex(ids)) + "}";
        var keyed = user.gateway().withHeader("Idempotency-Key", "nightly-" + UUID.randomUUID());
        String firstJob = keyed.post("/api/v1/bulk-operations", body).json().get("job_id").asString();
        awaitFinished(new ObjectId(firstJob));
        var purge = stack.internal().delete("/api/v1/internal/users/" + user.id() + "/data");
        assertThat(purge.status()).as(purge.text()).isEqualTo(200);

        var again = keyed.post("/api/v1/bulk-operations", body);

        assertThat(again.status()).as(again.text()).isEqualTo(202);
        assertThat(again.json().get("job_id").asString()).isNotEqualTo(firstJob);
    }

    @Test
    void aCancelledPurgeStopsBetweenBatchesKeepsItsCountsAndAnswersAWaitingCaller() throws Exception {
        TestUser user = stack.newEditor();
        ObjectId userId = new ObjectId(user.id());
        seedItems(userId, TestStack.CLEANUP_BATCH_SIZE * 60, "cancelled");
        var waiting = java.util.concurrent.CompletableFuture.supplyAsync(
                () -> stack.internal().delete("/api/v1/internal/users/" + user.id() + "/data"));
        Document running = await().atMost(Duration.ofSeconds(30)).until(() -> stack.database().getCollection("jobs")
                        .find(and(eq("target_user_id", user.id()), eq("operation", "purge_user_data"))).first(),
                job -> job != null && job.get("batches", 0) >= 1);
        ObjectId jobId = running.getObjectId("_id");

        var cancel = stack.internal().post("/api/v1/internal/jobs/" + jobId.toHexString() + "/cancel", "");

        assertThat(cancel.status()).as(cancel.text()).isEqualTo(200);
        var answer = waiting.get();
        assertThat(answer.status()).as(answer.text()).isEqualTo(409);
        Document job = await().atMost(Duration.ofSeconds(30)).until(() -> job(jobId),
                found -> found.getInteger("batches", 0) == stack.database().getCollection("job_ledger")
                        .countDocuments(eq("job_id", jobId)));
        long left = stack.database().getCollection("items").countDocuments(eq("created_by", userId));
        long deleted = job.get("result", Document.class).get("items", 0L);
        assertThat(job.getString("status")).isEqualTo("cancelled");
        assertThat(left).isPositive();
        assertThat(deleted).isPositive().isEqualTo(TestStack.CLEANUP_BATCH_SIZE * 60L - left);
        assertThat(answer.json().get("deleted").get("items").asLong()).isLessThanOrEqualTo(deleted);
        assertThat(stack.database().getCollection("items").countDocuments(exists("deleting_job"))).isZero();
    }

    @Test
    void anUndoOfTagJobsResumedAfterACrashGivesBackExactlyTheTagsTheItemsHadBefore() throws Exception {
        ObjectId had = new ObjectId();
        ObjectId lacked = new ObjectId();
        ObjectId untouched = new ObjectId();
        ObjectId adding = new ObjectId();
        ObjectId removing = new ObjectId();
        // why: the state two workers leave that died after writing their first batch and before recording it: the
        // add of [a, b] gave "had" only b (it had a already) and the removal of [c, d] took only c from "lacked" (it
        // never had d); each write left its job's mark for the tag it changed on the item it changed
        Date now = new Date();
        stack.database().getCollection("items").insertMany(List.of(
                taggedItem(had, List.of("keep", "a", "b"), adding, List.of(adding.toHexString() + "+b"), now),
                taggedItem(lacked, List.of("keep"), removing, List.of(removing.toHexString() + "-c"), now),
                taggedItem(untouched, List.of("keep", "c"), null, List.of(), now)));
        String add = command("AddTags", adding, Map.of("item_ids", hex(List.of(had)), "tags", List.of("a", "b")));
        String remove = command("RemoveTags", removing, Map.of("item_ids", hex(List.of(lacked, untouched)),
                "tags", List.of("c", "d")));
        insertJob(adding, "bulk", "add_tags", add, "running", "dead-worker", Instant.now().minusSeconds(60));
        insertJob(removing, "bulk", "remove_tags", remove, "running", "dead-worker", Instant.now().minusSeconds(60));
        publish(Topics.BULK_COMMANDS, add);
        publish(Topics.BULK_COMMANDS, remove);
        assertThat(awaitFinished(adding).getString("status")).isEqualTo("completed");
        assertThat(awaitFinished(removing).getString("status")).isEqualTo("completed");

        for (ObjectId undone : List.of(adding, removing)) {
            var undo = owner.gateway().post("/api/v1/jobs/" + undone.toHexString() + "/undo", "");
            assertThat(undo.status()).as(undo.text()).isEqualTo(202);
            assertThat(awaitFinished(new ObjectId(undo.json().get("job_id").asString())).getString("status"))
                    .isEqualTo("completed");
        }

        assertThat(tagsOf(had)).containsExactlyInAnyOrder("keep", "a");
        assertThat(tagsOf(lacked)).containsExactlyInAnyOrder("keep", "c");
        assertThat(tagsOf(untouched)).containsExactlyInAnyOrder("keep", "c");
    }

    private Document taggedItem(ObjectId id, List<String> tags, ObjectId lastJob, List<String> marks, Date at) {
        return new Document("_id", id).append("name", "tagged").append("description", null).append("tags", tags)
                .append("test_data", true).append("created_by", new ObjectId(owner.id())).append("is_active", true)
                .append("deleted_at", null).append("created_at", at).append("updated_at", at)
                .append("last_job_id", lastJob).append("tag_changes", marks);
    }

    private List<String> tagsOf(ObjectId item) {
        return stack.database().getCollection("items").find(eq("_id", item)).first().getList("tags", String.class);
    }

    private List<ObjectId> seedItems(ObjectId user, int count, String tag) {
        var documents = new ArrayList<Document>();
        Date now = new Date();
        for (int i = 0; i < count; i++) {
            documents.add(new Document("_id", new ObjectId()).append("name", "fault " + i).append("description", null)
                    .append("tags", List.of(tag)).append("test_data", true).append("created_by", user)
                    .append("is_active", true).append("deleted_at", null).append("created_at", now)
                    .append("updated_at", now));
        }
        stack.database().getCollection("items").insertMany(documents);
        return documents.stream().map(document -> document.getObjectId("_id")).toList();
    }

    private String command(String type, ObjectId jobId, Map<String, Object> selection) {
        var command = new java.util.LinkedHashMap<String, Object>(Map.of("type", type, "schema_version", 1,
                "command_id", UUID.randomUUID().toString(), "job_id", jobId.toHexString(), "owner_id", owner.id(),
                "restrict_to_owner", true));
        command.putAll(selection);
        return JSON.writeValueAsString(command);
    }

    private void insertJob(ObjectId jobId, String kind, String operation, String command, String status,
            String worker, Instant heartbeat) {
        var job = new Document("_id", jobId).append("kind", kind).append("operation", operation)
                .append("owner_type", "user").append("owner_id", owner.id())
                .append("command_id", commandId(command)).append("command", command)
                .append("status", status).append("total_items", 0L).append("cursor", 0L).append("batches", 0)
                .append("attempts", status.equals("running") ? 1 : 0)
                .append("created_at", Date.from(Instant.now().minusSeconds(60)));
        if (worker != null) {
            job.append("worker_id", worker).append("heartbeat_at", Date.from(heartbeat));
        }
        stack.database().getCollection("jobs").insertOne(job);
    }

    private void publish(String topic, String command) throws Exception {
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers()),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, owner.id(), command)).get();
        }
    }

    private Document awaitFinished(ObjectId jobId) {
        return FinishedJobs.awaitEndedDocument(stack.database(), jobId);
    }

    /** @return every item id the job's ledger lists, repeats kept */
    private List<ObjectId> ledgerItems(ObjectId jobId) {
        var listed = new ArrayList<ObjectId>();
        stack.database().getCollection("job_ledger").find(eq("job_id", jobId))
                .forEach(entry -> listed.addAll(entry.getList("item_ids", ObjectId.class)));
        return listed;
    }

    private Document job(ObjectId jobId) {
        return FinishedJobs.document(stack.database(), jobId);
    }

    private static String commandId(String command) {
        return JSON.readTree(command).get("command_id").asString();
    }

    private static List<String> hex(List<ObjectId> ids) {
        return ids.stream().map(ObjectId::toHexString).toList();
    }

    /** Seeds {@code count} new items of the owner, tagged {@code name-<uuid>}, and a SoftDeleteItems command for them. */
    private SoftDelete softDeleteOfNewItems(String name, int count) {
        List<ObjectId> ids = seedItems(new ObjectId(owner.id()), count, name + "-" + UUID.randomUUID());
        ObjectId jobId = new ObjectId();
        return new SoftDelete(ids, jobId, command("SoftDeleteItems", jobId, Map.of("item_ids", hex(ids))));
    }

    private record SoftDelete(List<ObjectId> ids, ObjectId jobId, String command) {
    }
}

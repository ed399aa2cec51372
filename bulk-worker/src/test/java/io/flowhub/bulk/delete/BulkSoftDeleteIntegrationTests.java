package io.flowhub.bulk.delete;

import io.flowhub.testing.FinishedJobs;
import io.flowhub.events.ContractJson;
import io.flowhub.events.SchemaVersion;
import io.flowhub.events.SoftDeleteItems;
import io.flowhub.events.Topics;
import io.flowhub.testing.FlowHubStackExtension;
import io.flowhub.testing.GatewayClient;
import io.flowhub.testing.TestStack;
import io.flowhub.testing.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
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

/** The walking skeleton, end to end: gateway → Kafka → bulk-worker → MongoDB → job polling. */
@ExtendWith(FlowHubStackExtension.class)
class BulkSoftDeleteIntegrationTests {

    private static final Duration JOB_TIMEOUT = Duration.ofSeconds(60);

    private final TestStack stack;
    private final GatewayClient gateway;
    private final GatewayClient admin;

    BulkSoftDeleteIntegrationTests(TestStack stack) {
        this.stack = stack;
        this.gateway = stack.newEditor().gateway();
        this.admin = stack.admin().gateway();
    }

    @Test
    void softDeleteOfItemsInSeveralBatchesReportsExactCountsAndLeavesOtherItemsAlone() {
        List<String> targets = anItem().taggedAsTestData().createIn(gateway, 120);
        String bystander = anItem().createIn(gateway, 1).getFirst();
        var selection = new ArrayList<>(targets);
        selection.add(new ObjectId().toHexString());

        var accepted = gateway.post("/api/v1/bulk-operations", body(selection));

        assertThat(accepted.status()).isEqualTo(202);
        String jobId = accepted.json().get("job_id").asString();
        assertThat(accepted.header("Location")).isEqualTo("/api/v1/jobs/" + jobId);
        assertThat(accepted.json().get("message").asString()).isEqualTo("Bulk operation started");
        JsonNode job = awaitFinished("/api/v1/bulk-operations/" + jobId);
        assertThat(job.get("status").asString()).isEqualTo("completed");
        assertThat(job.get("progress").asInt()).isEqualTo(100);
        assertThat(job.get("total_items").asLong()).isEqualTo(121);
        assertThat(job.get("processed").asLong()).isEqualTo(120);
        assertThat(job.get("skipped").asLong()).isEqualTo(1);
        assertThat(job.get("failed").asLong()).isZero();
        assertThat(items(targets)).allSatisfy(item -> {
            assertThat(item.getBoolean("is_active")).isFalse();
            assertThat(item.getDate("deleted_at")).isNotNull();
            assertThat(item.getObjectId("last_job_id")).isEqualTo(new ObjectId(jobId));
        });
        assertThat(items(List.of(bystander))).singleElement()
                .satisfies(item -> assertThat(item.getBoolean("is_active")).isTrue());
    }

    @Test
    void theJobIsAlsoShownAtTheJobsAddress() {
        List<String> targets = anItem().createIn(gateway, 3);
        String jobId = gateway.post("/api/v1/bulk-operations", body(targets)).json().get("job_id").asString();

        JsonNode job = awaitFinished("/api/v1/jobs/" + jobId);

        assertThat(job.get("job_id").asString()).isEqualTo(jobId);
        assertThat(job.get("processed").asLong()).isEqualTo(3);
    }

    @Test
    void aRedeliveredCommandDoesNotCountTwice() throws Exception {
        List<String> targets = anItem().createIn(gateway, 5);
        String jobId = gateway.post("/api/v1/bulk-operations", body(targets)).json().get("job_id").asString();
        JsonNode first = awaitFinished("/api/v1/jobs/" + jobId);
        String command = redeliveryOf(jobId);

        try (var producer = producer()) {
            producer.send(new ProducerRecord<>(Topics.BULK_COMMANDS, "_anonymous", command)).get();
            // why: a later command on the same key is consumed after the redelivered one
            String marker = publishFromOutside(producer, anItem().createIn(gateway, 1), "_anonymous");
            awaitJobWithCommandId(marker);
        }

        JsonNode again = gateway.get("/api/v1/jobs/" + jobId).json().get("data");
        assertThat(again.get("processed").asLong()).isEqualTo(first.get("processed").asLong()).isEqualTo(5);
        assertThat(again.get("skipped").asLong()).isZero();
        assertThat(again.get("finished_at").asString()).isEqualTo(first.get("finished_at").asString());
    }

    @Test
    void aCommandWithoutJobIdFromAPlainKafkaProducerCreatesItsJob() throws Exception {
        List<String> targets = anItem().taggedAsTestData().createIn(gateway, 7);

        String commandId;
        try (var producer = producer()) {
            commandId = publishFromOutside(producer, targets, "outside-system");
        }

        Document job = awaitJobWithCommandId(commandId);
        assertThat(eventTypesForCommand(commandId)).contains("accepted", "started", "completed");
        assertThat(job.getString("kind")).isEqualTo("bulk");
        assertThat(job.getString("operation")).isEqualTo("delete");
        assertThat(((Number) job.get("processed")).longValue()).isEqualTo(7);
        assertThat(items(targets)).allSatisfy(item -> assertThat(item.getBoolean("is_active")).isFalse());
    }

    @Test
    void aPoisonRecordGoesToTheDeadLetterTopicWithItsReasonAndTheNextRecordIsProcessed() throws Exception {
        String key = "poison-" + UUID.randomUUID();
        String poison = "{\"type\":\"SoftDeleteItems\",\"schema_version\":1,\"command_id\":\"" + UUID.randomUUID()
                + "\",\"item_ids\":[\"not-an-id\"]}";
        String commandId;
        try (var producer = producer()) {
            producer.send(new ProducerRecord<>(Topics.BULK_COMMANDS, key, "this is not JSON")).get();
            producer.send(new ProducerRecord<>(Topics.BULK_COMMANDS, key, poison)).get();
            commandId = publishFromOutside(producer, anItem().createIn(gateway, 2), key);
        }

        assertThat(awaitJobWithCommandId(commandId).getString("status")).isEqualTo("completed");
        List<ConsumerRecord<String, String>> deadLetters = deadLettersWithKey(key, 2);
        assertThat(deadLetters).extracting(ConsumerRecord::value).containsExactly("this is not JSON", poison);
        assertThat(reason(deadLetters.get(1))).contains("item_ids contains 'not-an-id'");
        assertThat(HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:"
                        + stack.services().bulkWorkerPort() + "/actuator/prometheus")).build(),
                HttpResponse.BodyHandlers.ofString()).body()).contains("flowhub_dlt_records_total{");
    }

    @Test
    void aJobResumedAfterAWorkerDiedRecountsTheUnrecordedBatchExactly() throws Exception {
        List<String> targets = anItem().createIn(gateway, 150);
        ObjectId jobId = new ObjectId();
        UUID commandId = UUID.randomUUID();
        // why: stands for a worker killed after writing batch 2 (items 50-99) but before recording it
        var jobs = stack.database().getCollection("jobs");
        jobs.insertOne(new Document("_id", jobId).append("kind", "bulk").append("operation", "delete")
                .append("command_id", commandId.toString()).append("status", "running").append("progress", 33)
                .append("total_items", 150L).append("processed", 50L).append("skipped", 0L).append("failed", 0L)
                .append("cursor", 50L).append("attempts", 1).append("created_at", new Date()));
        var itemsCollection = stack.database().getCollection("items");
        itemsCollection.updateMany(in("_id", ids(targets.subList(0, 100))), new Document("$set",
                new Document("is_active", false).append("deleted_at", new Date()).append("last_job_id", jobId)));

        try (var producer = producer()) {
            var command = new SoftDeleteItems(SchemaVersion.CURRENT, commandId, jobId.toHexString(), null, false,
                    targets, null, 50, Instant.now());
            producer.send(new ProducerRecord<>(Topics.BULK_COMMANDS, "_anonymous",
                    ContractJson.mapper().writeValueAsString(command))).get();
        }

        JsonNode job = await().atMost(JOB_TIMEOUT).until(
                () -> admin.get("/api/v1/jobs/" + jobId.toHexString()).data(),
                found -> "completed".equals(found.get("status").asString()));
        assertThat(job.get("processed").asLong()).isEqualTo(150);
        assertThat(job.get("skipped").asLong()).isZero();
        assertThat(jobs.find(eq("_id", jobId)).first().getInteger("attempts")).isEqualTo(2);
    }

    private JsonNode awaitFinished(String path) {
        return FinishedJobs.awaitEndedAt(gateway, path);
    }

    private Document awaitJobWithCommandId(String commandId) {
        var jobs = stack.database().getCollection("jobs");
        return await().atMost(JOB_TIMEOUT).until(() -> jobs.find(eq("command_id", commandId)).first(),
                job -> job != null && "completed".equals(job.getString("status")));
    }

    /** The command of a job as Kafka would deliver it again: same command id, same job, same items. */
    private String redeliveryOf(String jobId) {
        Document job = FinishedJobs.document(stack.database(), new ObjectId(jobId));
        var command = new SoftDeleteItems(SchemaVersion.CURRENT, UUID.fromString(job.getString("command_id")), jobId,
                job.getString("owner_id"), true, itemIdsOf(jobId), null, null, Instant.now());
        return ContractJson.mapper().writeValueAsString(command);
    }

    private List<String> itemIdsOf(String jobId) {
        var ids = new ArrayList<String>();
        stack.database().getCollection("items").find(eq("last_job_id", new ObjectId(jobId)))
                .forEach(item -> ids.add(item.getObjectId("_id").toHexString()));
        return ids;
    }

    private String publishFromOutside(KafkaProducer<String, String> producer, List<String> itemIds, String key)
            throws Exception {
        String commandId = UUID.randomUUID().toString();
        String json = ContractJson.mapper().writeValueAsString(Map.of(
                "type", "SoftDeleteItems", "schema_version", 1, "command_id", commandId, "item_ids", itemIds));
        producer.send(new ProducerRecord<>(Topics.BULK_COMMANDS, key, json)).get();
        return commandId;
    }

    private List<ConsumerRecord<String, String>> deadLettersWithKey(String key, int expected) {
        return TopicReader.read(stack.kafkaBootstrapServers(), Topics.deadLetter(Topics.BULK_COMMANDS),
                record -> key.equals(record.key()), kept -> kept.size() >= expected);
    }

    /** The types of the job events that name this command, read until its job's completion is announced. */
    private List<String> eventTypesForCommand(String commandId) {
        return TopicReader.read(stack.kafkaBootstrapServers(), Topics.JOB_EVENTS,
                        record -> commandId.equals(ContractJson.mapper().readTree(record.value()).path("command_id").asString("")),
                        kept -> kept.stream().anyMatch(record -> record.value().contains("\"type\":\"completed\"")))
                .stream().map(record -> ContractJson.mapper().readTree(record.value()).get("type").asString()).toList();
    }

    private static String reason(ConsumerRecord<String, String> record) {
        var header = record.headers().lastHeader("x-flowhub-dlt-reason");
        return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
    }

    private KafkaProducer<String, String> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers()),
                new StringSerializer(), new StringSerializer());
    }

    private List<Document> items(List<String> ids) {
        return stack.database().getCollection("items").find(in("_id", ids(ids))).into(new ArrayList<>());
    }

    private static List<ObjectId> ids(List<String> ids) {
        return ids.stream().map(ObjectId::new).toList();
    }

    private static String body(List<String> itemIds) {
        return ContractJson.mapper().writeValueAsString(Map.of("operation", "delete", "itemIds", itemIds));
    }
}

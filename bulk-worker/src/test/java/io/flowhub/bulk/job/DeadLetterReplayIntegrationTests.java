package io.flowhub.bulk.job;

import io.flowhub.events.Topics;
import io.flowhub.testing.FlowHubStackExtension;
import io.flowhub.testing.GatewayClient;
import io.flowhub.testing.TestStack;
import io.flowhub.testing.TestUser;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static io.flowhub.testing.ItemBuilder.anItem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code GET /internal/dlt/{topic}} and {@code POST /internal/dlt/{topic}/replay}: a dead letter is
 * listed with its reason; replayed, one that now succeeds counts once in its job however often it
 * is replayed, and one that fails again returns to the dead-letter topic with its new reason.
 */
@ExtendWith(FlowHubStackExtension.class)
class DeadLetterReplayIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final TestStack stack;
    private final GatewayClient internal;

    DeadLetterReplayIntegrationTests(TestStack stack) {
        this.stack = stack;
        this.internal = stack.internal();
    }

    @Test
    void aRecordThatFailsAgainReturnsToTheDeadLetterTopicWithItsNewReason() throws Exception {
        String marker = "broken-" + UUID.randomUUID();
        send(Topics.BULK_COMMANDS, "{\"type\":\"SoftDeleteItems\",\"schema_version\":99,\"command_id\":\""
                + UUID.randomUUID() + "\",\"marker\":\"" + marker + "\"}", null);
        JsonNode dead = awaitDeadLetter(marker, 1).getFirst();
        assertThat(dead.get("reason").asString()).contains("schema_version");

        var replay = replay(dead);

        assertThat(replay.status()).as(replay.text()).isEqualTo(200);
        assertThat(replay.json().get("replayed")).hasSize(1);
        List<JsonNode> both = awaitDeadLetter(marker, 2);
        assertThat(both).allSatisfy(letter -> assertThat(letter.get("reason").asString()).contains("schema_version"));
        assertThat(both).anySatisfy(letter -> assertThat(letter.get("replayed_at").isNull()).isFalse());
    }

    @Test
    void aRecordThatNowSucceedsCountsOnceInItsJobHoweverOftenItIsReplayed() throws Exception {
        TestUser user = stack.newEditor();
        List<String> ids = anItem().createIn(user.gateway(), 3);
        String commandId = UUID.randomUUID().toString();
        // why: as an outside producer sends it, without a job: the worker creates the job, named by the command id
        String command = JSON.writeValueAsString(Map.of("type", "SoftDeleteItems", "schema_version", 1,
                "command_id", commandId, "owner_id", user.id(), "restrict_to_owner", true, "item_ids", ids));
        // why: the state a record leaves that was dead-lettered once, when the database was down for longer
        // than the worker retries
        send(Topics.deadLetter(Topics.BULK_COMMANDS), command, "MongoTimeoutException: timed out after 30 s");
        JsonNode dead = awaitDeadLetter(commandId, 1).getFirst();

        replay(dead);
        await().atMost(Duration.ofSeconds(60)).until(() -> stack.database().getCollection("jobs")
                .find(eq("command_id", commandId)).first(), found -> found != null
                && "completed".equals(found.getString("status")));
        replay(dead);
        await().atMost(Duration.ofSeconds(30)).until(() -> stack.database().getCollection("processed_commands")
                .countDocuments(eq("command_id", commandId)) == 1);

        assertThat(stack.database().getCollection("jobs").countDocuments(eq("command_id", commandId))).isEqualTo(1);
        assertThat(stack.database().getCollection("jobs").find(eq("command_id", commandId)).first()
                .get("processed", 0L)).isEqualTo(3);
        assertThat(stack.database().getCollection("items").countDocuments(and(
                in("_id", ids.stream().map(ObjectId::new).toList()), eq("is_active", false)))).isEqualTo(3);
        assertThat(awaitDeadLetter(commandId, 1)).hasSize(1);
    }

    @Test
    void aReplayedDeadLetterOfAGatewayJobRunsThatJobOnOnceAndAFinishedJobsLetterIsNotSent() throws Exception {
        TestUser user = stack.newEditor();
        List<String> ids = anItem().createIn(user.gateway(), 10);
        ObjectId jobId = new ObjectId();
        String commandId = UUID.randomUUID().toString();
        String command = JSON.writeValueAsString(Map.of("type", "SoftDeleteItems", "schema_version", 1,
                "command_id", commandId, "job_id", jobId.toHexString(), "owner_id", user.id(),
                "restrict_to_owner", true, "item_ids", ids, "batch_size", 5));
        // why: the state a worker leaves that gave up on the gateway's job when the database was down too long: it
        // had changed five items and not recorded them, failed the job (marked dead-lettered) and sent the command on
        var firstFive = ids.subList(0, 5).stream().map(ObjectId::new).toList();
        stack.database().getCollection("items").updateMany(in("_id", firstFive), com.mongodb.client.model.Updates
                .combine(com.mongodb.client.model.Updates.set("is_active", false),
                        com.mongodb.client.model.Updates.set("deleted_at", new java.util.Date()),
                        com.mongodb.client.model.Updates.set("last_job_id", jobId)));
        stack.database().getCollection("jobs").insertOne(new org.bson.Document("_id", jobId).append("kind", "bulk")
                .append("operation", "delete").append("owner_type", "user").append("owner_id", user.id())
                .append("command_id", commandId).append("command", command).append("status", "failed")
                .append("dead_lettered", true).append("failure_reason", "Gave up: MongoTimeoutException")
                .append("total_items", 10L).append("processed", 0L).append("batches", 0).append("cursor", 0L)
                .append("attempts", 1).append("created_at", new java.util.Date()).append("finished_at", new java.util.Date()));
        send(Topics.deadLetter(Topics.BULK_COMMANDS), command, "MongoTimeoutException: timed out after 30 s");
        JsonNode dead = awaitDeadLetter(commandId, 1).getFirst();

        var both = java.util.concurrent.CompletableFuture.supplyAsync(() -> replay(dead));
        var first = replay(dead);
        var second = both.get();
        var job = await().atMost(Duration.ofSeconds(60)).until(() -> stack.database().getCollection("jobs")
                .find(eq("_id", jobId)).first(), found -> "completed".equals(found.getString("status")));
        var afterwards = replay(dead);

        assertThat(List.of(first, second)).allSatisfy(answer -> assertThat(answer.status()).isEqualTo(200));
        assertThat(first.json().get("replayed").size() + second.json().get("replayed").size()).isPositive();
        assertThat(job.get("processed", 0L)).isEqualTo(10);
        assertThat(job.get("skipped", 0L)).isZero();
        var ledgered = new java.util.ArrayList<ObjectId>();
        stack.database().getCollection("job_ledger").find(eq("job_id", jobId))
                .forEach(entry -> ledgered.addAll(entry.getList("item_ids", ObjectId.class)));
        assertThat(ledgered).doesNotHaveDuplicates().hasSize(10);
        assertThat(afterwards.status()).isEqualTo(200);
        assertThat(afterwards.json().get("replayed")).isEmpty();
        assertThat(afterwards.json().get("not_replayed").get(0).get("reason").asString())
                .contains(jobId.toHexString()).contains("completed");
    }

    @Test
    void anUnknownTopicIsNotFoundAndAnEmptyReplayIsABadRequest() {
        assertThat(internal.get("/api/v1/internal/dlt/flowhub.events.jobs").status()).isEqualTo(404);
        assertThat(internal.post("/api/v1/internal/dlt/" + Topics.BULK_COMMANDS + "/replay", "{\"records\":[]}")
                .status()).isEqualTo(400);
        assertThat(stack.anonymous().get("/api/v1/internal/dlt/" + Topics.BULK_COMMANDS).status()).isEqualTo(401);
    }

    private GatewayClient.Response replay(JsonNode letter) {
        return internal.post("/api/v1/internal/dlt/" + Topics.BULK_COMMANDS + "/replay", "{\"records\":[{\"partition\":"
                + letter.get("partition").asInt() + ",\"offset\":" + letter.get("offset").asLong() + "}]}");
    }

    /** @return the dead letters whose value holds {@code text}, once there are {@code count} of them */
    private List<JsonNode> awaitDeadLetter(String text, int count) {
        return await().atMost(Duration.ofSeconds(60)).until(() -> {
            var listed = internal.get("/api/v1/internal/dlt/" + Topics.BULK_COMMANDS + "?limit=500").data();
            var matching = new java.util.ArrayList<JsonNode>();
            listed.forEach(letter -> {
                if (letter.get("value").asString().contains(text)) {
                    matching.add(letter);
                }
            });
            return matching;
        }, matching -> matching.size() == count);
    }

    private void send(String topic, String value, String reason) throws Exception {
        var settings = Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        try (var producer = new KafkaProducer<String, String>(settings)) {
            var headers = new RecordHeaders();
            if (reason != null) {
                headers.add("x-flowhub-dlt-reason", reason.getBytes(StandardCharsets.UTF_8));
            }
            producer.send(new ProducerRecord<>(topic, null, "dlt-test", value, headers)).get();
        }
    }
}

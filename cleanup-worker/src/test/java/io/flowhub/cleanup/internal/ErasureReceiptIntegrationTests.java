package io.flowhub.cleanup.internal;

import io.flowhub.events.Topics;
import io.flowhub.store.user.Pseudonyms;
import io.flowhub.testing.FlowHubStackExtension;
import io.flowhub.testing.GatewayClient;
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
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.regex;
import static com.mongodb.client.model.Sorts.ascending;
import static io.flowhub.testing.ItemBuilder.anItem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code GET /internal/jobs/{id}/receipt}: a finished hard delete's proof, taken by looking again at
 * every collection and the files root for what the job targeted, with a digest over its ledger.
 */
@ExtendWith(FlowHubStackExtension.class)
class ErasureReceiptIntegrationTests {

    private static final String RUN_HEADER = "X-FlowHub-Run";

    private final TestStack stack;
    private final GatewayClient internal;

    ErasureReceiptIntegrationTests(TestStack stack) {
        this.stack = stack;
        this.internal = stack.internal();
    }

    @Test
    void aRunsHardDeleteIsVerifiedWithWhatItDeletedAndADigestOverItsLedger() throws Exception {
        TestUser user = stack.newEditor();
        String run = "receipt-" + UUID.randomUUID();
        List<String> ids = anItem().createIn(user.gateway().withHeader(RUN_HEADER, run), 7);
        user.uploadFileTo(ids.getFirst());
        String job = internal.delete("/api/v1/internal/runs/" + run).json().get("job_id").asString();

        var response = internal.get("/api/v1/internal/jobs/" + job + "/receipt");

        assertThat(response.status()).as(response.text()).isEqualTo(200);
        JsonNode receipt = response.data();
        assertThat(receipt.get("job_id").asString()).isEqualTo(job);
        assertThat(receipt.get("operation").asString()).isEqualTo("cleanup_run");
        assertThat(receipt.get("job_status").asString()).isEqualTo("completed");
        assertThat(receipt.get("deleted").get("items").asLong()).isEqualTo(7);
        assertThat(receipt.get("deleted").get("files").asLong()).isEqualTo(1);
        assertThat(receipt.get("remaining").get("items").asLong()).isZero();
        assertThat(receipt.get("remaining").get("files").asLong()).isZero();
        assertThat(receipt.get("verified").asBoolean()).isTrue();
        assertThat(receipt.get("verified_at").asString()).isNotBlank();
        assertThat(receipt.get("digest").asString()).isEqualTo(digestOfLedger(job));
        assertThat(internal.get("/api/v1/internal/jobs/" + job + "/receipt").data().get("digest").asString())
                .isEqualTo(receipt.get("digest").asString());
    }

    @Test
    void anItemCreatedAgainUnderTheSameRunAfterTheDeleteMakesTheReceiptUnverified() {
        TestUser user = stack.newEditor();
        String run = "receipt-" + UUID.randomUUID();
        anItem().createIn(user.gateway().withHeader(RUN_HEADER, run), 3);
        String job = internal.delete("/api/v1/internal/runs/" + run).json().get("job_id").asString();
        assertThat(internal.get("/api/v1/internal/jobs/" + job + "/receipt").data().get("verified").asBoolean())
                .isTrue();

        anItem().createIn(user.gateway().withHeader(RUN_HEADER, run), 1);
        JsonNode receipt = internal.get("/api/v1/internal/jobs/" + job + "/receipt").data();

        assertThat(receipt.get("verified").asBoolean()).isFalse();
        assertThat(receipt.get("remaining").get("items").asLong()).isEqualTo(1);
        assertThat(receipt.get("deleted").get("items").asLong()).isEqualTo(3);
    }

    @Test
    void aUserPurgeLooksAgainAtEveryCollectionItEmptiedAndAFileBackOnDiskCounts() throws Exception {
        TestUser user = stack.newEditor();
        List<String> ids = anItem().createIn(user.gateway(), 2);
        String file = user.uploadFileTo(ids.getFirst());
        String job = internal.delete("/api/v1/internal/users/" + user.id() + "/data").json().get("job_id").asString();

        JsonNode clean = internal.get("/api/v1/internal/jobs/" + job + "/receipt").data();
        Path restored = stack.filesRoot().resolve(file);
        Files.createDirectories(restored.getParent());
        Files.writeString(restored, "back");
        JsonNode fileBack = internal.get("/api/v1/internal/jobs/" + job + "/receipt").data();

        assertThat(clean.get("verified").asBoolean()).as(clean.toString()).isTrue();
        assertThat(clean.get("remaining").get("bulk_jobs").asLong()).isZero();
        assertThat(clean.get("remaining").get("activity_logs").asLong()).isZero();
        assertThat(clean.get("remaining").get("items").asLong()).isZero();
        assertThat(fileBack.get("verified").asBoolean()).isFalse();
        assertThat(fileBack.get("remaining").get("files").asLong()).isEqualTo(1);
    }

    @Test
    void aUserPurgeLeavesNoSentCodeNoSignInBucketNoCapSlotAndNoAddressInTheAudit() {
        TestUser user = stack.newEditor();
        GatewayClient anyone = stack.anonymous();
        anyone.post("/api/v1/auth/login", "{\"email\":\"" + user.email() + "\",\"password\":\"wrong password\"}");
        anyone.post("/api/v1/auth/otp/request", "{\"email\":\"" + user.email() + "\"}");
        assertThat(internal.get("/api/v1/internal/otps/latest?email=" + user.email()).status()).isEqualTo(200);
        String bulk = user.gateway().post("/api/v1/bulk-operations", "{\"operation\":\"add_tags\",\"filter\":"
                + "{\"tags\":[\"purge-me\"]},\"tags\":[\"seen\"]}").json().get("job_id").asString();
        String pseudonym = Pseudonyms.email(user.email());
        var database = stack.database();
        assertThat(database.getCollection("otp_outbox").countDocuments(eq("email", user.email()))).isPositive();
        assertThat(database.getCollection("rate_limits").countDocuments(regex("_id", pseudonym))).isPositive();
        assertThat(database.getCollection("limit_slots").countDocuments(eq("holder", bulk))).isEqualTo(1);

        var purged = internal.delete("/api/v1/internal/users/" + user.id() + "/data");

        assertThat(purged.status()).as(purged.text()).isEqualTo(200);
        assertThat(database.getCollection("otp_outbox").countDocuments(eq("email", user.email()))).isZero();
        assertThat(database.getCollection("rate_limits").countDocuments(regex("_id", pseudonym))).isZero();
        assertThat(database.getCollection("limit_slots").countDocuments(eq("holder", bulk))).isZero();
        assertThat(database.getCollection("audit_logs").countDocuments(regex("params.email", ".*"))).isZero();
        assertThat(database.getCollection("audit_logs").countDocuments(eq("params.email_pseudonym", pseudonym)))
                .isEqualTo(1);
    }

    @Test
    void aPurgesReceiptListsEveryStoreItLookedInAndADeadLetterNamingTheUserUntilItsTopicLetsItGo() throws Exception {
        TestUser user = stack.newEditor();
        anItem().createIn(user.gateway(), 1);
        // why: a command another producer got wrong names the user and ends on the dead-letter topic as it was sent
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                stack.kafkaBootstrapServers()), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(Topics.CLEANUP_COMMANDS, user.id(), "{\"type\":\"PurgeUserData\","
                    + "\"schema_version\":1,\"command_id\":\"not-a-uuid\",\"user_id\":\"" + user.id() + "\"}")).get();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> internal.get("/api/v1/internal/dlt/"
                + Topics.CLEANUP_COMMANDS + "?limit=50").text().contains(user.id()));
        String job = internal.delete("/api/v1/internal/users/" + user.id() + "/data").json().get("job_id").asString();

        JsonNode receipt = internal.get("/api/v1/internal/jobs/" + job + "/receipt").data();

        var stores = new HashMap<String, JsonNode>();
        receipt.get("stores").forEach(store -> stores.put(store.get("name").asString(), store));
        assertThat(stores).containsKeys("items", "jobs", "activity_logs", "otps", "rate_limits", "limit_slots",
                "files root", Topics.deadLetter(Topics.BULK_COMMANDS), Topics.deadLetter(Topics.CLEANUP_COMMANDS));
        assertThat(stores.get("items").get("remaining").asLong()).isZero();
        JsonNode deadLetters = stores.get(Topics.deadLetter(Topics.CLEANUP_COMMANDS));
        assertThat(deadLetters.get("remaining").asLong()).isEqualTo(1);
        assertThat(Instant.parse(deadLetters.get("until").asString())).isAfter(Instant.now());
        assertThat(stores.get(Topics.deadLetter(Topics.BULK_COMMANDS)).get("remaining").asLong()).isZero();
        assertThat(receipt.get("verified").asBoolean()).isFalse();
    }

    @Test
    void aFileBackOnDiskUnderAPathAnEarlierJobRemovedIsRemovedByTheNextJobThatTargetsIt() throws Exception {
        TestUser user = stack.newEditor();
        String first = anItem().createIn(user.gateway(), 1).getFirst();
        String file = user.uploadFileTo(first);
        internal.delete("/api/v1/internal/users/" + user.id() + "/data");
        Path back = stack.filesRoot().resolve(file);
        Files.createDirectories(back.getParent());
        Files.writeString(back, "back");
        String second = anItem().createIn(user.gateway(), 1).getFirst();
        stack.database().getCollection("items").updateOne(eq("_id", new ObjectId(second)),
                new Document("$set", new Document("file_path", file)));

        var purge = internal.delete("/api/v1/internal/users/" + user.id() + "/data");

        assertThat(purge.json().get("deleted").get("files").asLong()).isEqualTo(1);
        assertThat(back).doesNotExist();
        String job = purge.json().get("job_id").asString();
        assertThat(internal.get("/api/v1/internal/jobs/" + job + "/receipt").data().get("verified").asBoolean())
                .isTrue();
    }

    @Test
    void aJobThatDeletedNothingForGoodHasNoReceiptAndSaysWhy() {
        TestUser user = stack.newEditor();
        String run = "receipt-" + UUID.randomUUID();
        anItem().createIn(user.gateway().withHeader(RUN_HEADER, run), 1);
        String soft = internal.delete("/api/v1/internal/runs/" + run + "?hard_delete=false").json().get("job_id")
                .asString();
        String dryRun = internal.delete("/api/v1/internal/runs/" + run + "?dry_run=true").json().get("job_id")
                .asString();

        var softReceipt = internal.get("/api/v1/internal/jobs/" + soft + "/receipt");
        var dryRunReceipt = internal.get("/api/v1/internal/jobs/" + dryRun + "/receipt");

        assertThat(softReceipt.status()).isEqualTo(409);
        assertThat(softReceipt.json().get("detail").asString()).contains("did not delete for good");
        assertThat(dryRunReceipt.status()).isEqualTo(409);
        assertThat(dryRunReceipt.json().get("detail").asString()).contains("dry run");
        assertThat(internal.get("/api/v1/internal/jobs/" + new ObjectId() + "/receipt").status()).isEqualTo(404);
        assertThat(internal.get("/api/v1/internal/jobs/nope/receipt").status()).isEqualTo(400);
    }

    @Test
    void anAdminReadsAReceiptThroughTheJobApiAndAnEditorOnlyItsOwnJobs() {
        TestUser user = stack.newEditor();
        String run = "receipt-" + UUID.randomUUID();
        anItem().createIn(user.gateway().withHeader(RUN_HEADER, run), 1);
        String job = internal.delete("/api/v1/internal/runs/" + run).json().get("job_id").asString();

        assertThat(stack.admin().gateway().get("/api/v1/jobs/" + job + "/receipt").data().get("verified")
                .asBoolean()).isTrue();
        assertThat(user.gateway().get("/api/v1/jobs/" + job + "/receipt").status()).isEqualTo(404);
    }

    private String digestOfLedger(String job) throws Exception {
        var sha = MessageDigest.getInstance("SHA-256");
        sha.update((job + "\n").getBytes(StandardCharsets.US_ASCII));
        var entries = stack.database().getCollection("job_ledger").find(eq("job_id", new ObjectId(job)))
                .sort(ascending("batch")).into(new ArrayList<Document>());
        for (Document entry : entries) {
            for (ObjectId id : entry.getList("item_ids", ObjectId.class)) {
                sha.update((id.toHexString() + "\n").getBytes(StandardCharsets.US_ASCII));
            }
        }
        return "sha256:" + HexFormat.of().formatHex(sha.digest());
    }

}

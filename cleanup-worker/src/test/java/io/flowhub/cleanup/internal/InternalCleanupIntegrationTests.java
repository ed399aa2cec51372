package io.flowhub.cleanup.internal;

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

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static com.mongodb.client.model.Filters.eq;
import static io.flowhub.testing.ItemBuilder.anItem;
import static org.assertj.core.api.Assertions.assertThat;

/** The internal cleanup API as a test suite calls it, through the real broker and cleanup-worker. */
@ExtendWith(FlowHubStackExtension.class)
class InternalCleanupIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final TestStack stack;
    private final GatewayClient internal;

    InternalCleanupIntegrationTests(TestStack stack) {
        this.stack = stack;
        this.internal = stack.internal();
    }

    @Test
    void purgingAUsersDataAnswersTheSeedBodyAndKeepsTheUser() {
        TestUser user = stack.newEditor();
        List<String> items = anItem().taggedAsTestData().createIn(user.gateway(), 3);
        String file = user.uploadFileTo(items.getFirst());

        var response = internal.delete("/api/v1/internal/users/" + user.id() + "/data");

        assertThat(response.status()).as(response.text()).isEqualTo(200);
        JsonNode body = response.json();
        assertThat(body.get("status").asString()).isEqualTo("success");
        assertThat(body.get("deleted").get("items").asLong()).isEqualTo(3);
        assertThat(body.get("deleted").get("files").asLong()).isEqualTo(1);
        assertThat(body.get("deleted").get("activity_logs").asLong()).isEqualTo(4);
        assertThat(body.get("deleted").has("bulk_jobs")).isTrue();
        assertThat(body.get("deleted").has("otps")).isTrue();
        assertThat(body.get("preserved").get("user").asBoolean()).isTrue();
        assertThat(body.get("job_id").asString()).hasSize(24);
        assertThat(stack.filesRoot().resolve(file)).doesNotExist();
        assertThat(countItemsOf(user)).isZero();
        assertThat(user.gateway().get("/api/v1/users/me").status()).isEqualTo(200);
    }

    @Test
    void theDataOfAUserWhoseRecordIsGoneIsPurgedAllTheSame() {
        TestUser user = stack.newEditor();
        List<String> items = anItem().taggedAsTestData().createIn(user.gateway(), 2);
        String file = user.uploadFileTo(items.getFirst());
        stack.database().getCollection("users").deleteOne(eq("_id", new ObjectId(user.id())));

        var response = internal.delete("/api/v1/internal/users/" + user.id() + "/data");

        assertThat(response.status()).as(response.text()).isEqualTo(200);
        assertThat(response.json().get("deleted").get("items").asLong()).isEqualTo(2);
        assertThat(response.json().get("deleted").get("files").asLong()).isEqualTo(1);
        assertThat(response.json().get("preserved").get("user").asBoolean()).isFalse();
        assertThat(countItemsOf(user)).isZero();
        assertThat(stack.filesRoot().resolve(file)).doesNotExist();
        assertThat(internal.delete("/api/v1/internal/users/" + user.id() + "/data").status()).isEqualTo(404);
    }

    @Test
    void purgeErrorsAre400For401And404() {
        assertThat(internal.delete("/api/v1/internal/users/not-an-id/data").status()).isEqualTo(400);
        assertThat(internal.delete("/api/v1/internal/users/" + new ObjectId() + "/data").status()).isEqualTo(404);
        var noKey = stack.anonymous().delete("/api/v1/internal/users/" + new ObjectId() + "/data");
        var wrongKey = stack.anonymous().withHeader("x-internal-key", "guess").delete(
                "/api/v1/internal/users/" + new ObjectId() + "/data");
        assertThat(noKey.status()).isEqualTo(401);
        assertThat(noKey.header("Content-Type")).startsWith("application/problem+json");
        assertThat(wrongKey.status()).isEqualTo(401);
        assertThat(wrongKey.json().get("detail").asString()).doesNotContain("guess");
    }

    @Test
    void aDryRunReportsWhatWouldGoAndDeletesNothing() {
        TestUser user = stack.newEditor();
        List<String> items = anItem().createIn(user.gateway(), 2);
        String file = user.uploadFileTo(items.getFirst());

        var purge = internal.delete("/api/v1/internal/users/" + user.id() + "/data?dry_run=true");
        var tags = internal.post("/api/v1/internal/cleanup-test-data?dry_run=true",
                "{\"tags\":[\"x\"],\"user_id\":\"" + user.id() + "\",\"test_data\":true}");
        var item = internal.delete("/api/v1/internal/items/" + items.getFirst() + "/permanent?dry_run=true");
        var reset = internal.post("/api/v1/internal/reset?dry_run=true", "");

        assertThat(purge.json().get("dry_run").asBoolean()).isTrue();
        assertThat(purge.json().get("deleted").get("items").asLong()).isEqualTo(2);
        assertThat(purge.json().get("deleted").get("files").asLong()).isEqualTo(1);
        assertThat(tags.json().get("deleted_count").asLong()).isZero();
        assertThat(item.json().get("deleted").get("items").asLong()).isEqualTo(1);
        assertThat(reset.json().get("data").get("items").asLong()).isPositive();
        assertThat(countItemsOf(user)).isEqualTo(2);
        assertThat(stack.filesRoot().resolve(file)).exists();
    }

    @Test
    void aPurgeOfSeveralBatchesShowsItsProgressAgainstAllItWillDeleteNotAgainstItsLatestBatch() {
        TestUser user = stack.newEditor();
        for (int chunk = 0; chunk < 3; chunk++) {
            batch(user, 80, "progress-" + UUID.randomUUID());
        }

        var response = internal.delete("/api/v1/internal/users/" + user.id() + "/data");

        assertThat(response.status()).as(response.text()).isEqualTo(200);
        String jobId = response.json().get("job_id").asString();
        List<JsonNode> events = TopicReader.read(stack.kafkaBootstrapServers(), Topics.JOB_EVENTS,
                        record -> jobId.equals(JSON.readTree(record.value()).path("job_id").asString("")),
                        kept -> kept.stream().anyMatch(record -> record.value().contains("\"type\":\"completed\"")))
                .stream().map(record -> JSON.readTree(record.value())).toList();
        JsonNode completed = events.getLast().get("job");
        List<JsonNode> progressed = events.stream().filter(event -> event.get("type").asString().equals("progress"))
                .map(event -> event.get("job")).toList();
        // why: 240 items in batches of 100, then the user's other records in one batch of their own
        assertThat(TestStack.CLEANUP_BATCH_SIZE).isEqualTo(100);
        assertThat(progressed).hasSize(4);
        assertThat(progressed.subList(0, 3)).allSatisfy(job -> assertThat(job.get("progress").asInt()).isLessThan(99));
        assertThat(progressed).allSatisfy(job -> {
            long total = job.get("total_items").asLong();
            // why: 0 while the count beside the first batches is under way; once it lands, the whole of the purge
            if (total > 0) {
                assertThat(total).isEqualTo(completed.get("total_items").asLong());
                assertThat(job.get("processed").asLong()).isLessThanOrEqualTo(total);
            }
        });
        assertThat(completed.get("progress").asInt()).isEqualTo(100);
        assertThat(completed.get("total_items").asLong()).isEqualTo(completed.get("processed").asLong())
                .isGreaterThan(240);
    }

    @Test
    void twoUsersPurgedInParallelLeaveAThirdUntouched() {
        TestUser first = stack.newEditor();
        TestUser second = stack.newEditor();
        TestUser bystander = stack.newEditor();
        for (TestUser user : List.of(first, second, bystander)) {
            List<String> items = anItem().taggedAsTestData().createIn(user.gateway(), 40);
            user.uploadFileTo(items.getFirst());
        }
        String bystanderFile = stack.database().getCollection("items")
                .find(new Document("created_by", new ObjectId(bystander.id())).append("file_path", new Document("$ne", null)))
                .first().getString("file_path");

        var purges = List.of(first, second).stream()
                .map(user -> CompletableFuture.supplyAsync(() -> internal.delete("/api/v1/internal/users/" + user.id() + "/data")))
                .toList();

        for (var purge : purges) {
            assertThat(purge.join().status()).isEqualTo(200);
            assertThat(purge.join().json().get("deleted").get("items").asLong()).isEqualTo(40);
        }
        assertThat(countItemsOf(first)).isZero();
        assertThat(countItemsOf(second)).isZero();
        assertThat(countItemsOf(bystander)).isEqualTo(40);
        assertThat(stack.filesRoot().resolve(bystanderFile)).exists();
    }

    @Test
    void testDataCleanupDeletesByTagHardOrSoftAndRefusesAnEmptySelection() {
        TestUser user = stack.newEditor();
        String tag = "cleanup-" + UUID.randomUUID();
        batch(user, 4, tag);
        batch(user, 3, "keep-" + tag);

        var soft = internal.post("/api/v1/internal/cleanup-test-data",
                "{\"tags\":[\"" + tag + "\"],\"hard_delete\":false}");
        var hard = internal.post("/api/v1/internal/cleanup-test-data", "{\"tags\":[\"" + tag + "\"]}");
        var empty = internal.post("/api/v1/internal/cleanup-test-data", "{\"tags\":[]}");

        assertThat(soft.json().get("method").asString()).isEqualTo("soft_delete");
        assertThat(soft.json().get("deleted_count").asLong()).isEqualTo(4);
        assertThat(hard.json().get("method").asString()).isEqualTo("hard_delete");
        assertThat(hard.json().get("deleted_count").asLong()).isEqualTo(4);
        assertThat(empty.status()).isEqualTo(400);
        assertThat(countItemsOf(user)).isEqualTo(3);
    }

    @Test
    void aPermanentDeleteRemovesTheItemAndItsFile() {
        TestUser user = stack.newEditor();
        String id = anItem().createIn(user.gateway(), 1).getFirst();
        String file = user.uploadFileTo(id);

        var response = internal.delete("/api/v1/internal/items/" + id + "/permanent");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("deleted").get("items").asLong()).isEqualTo(1);
        assertThat(response.json().get("deleted").get("files").asLong()).isEqualTo(1);
        assertThat(stack.filesRoot().resolve(file)).doesNotExist();
        assertThat(internal.delete("/api/v1/internal/items/" + id + "/permanent").status()).isEqualTo(404);
        assertThat(internal.delete("/api/v1/internal/items/nope/permanent").status()).isEqualTo(400);
    }

    @Test
    void aFileOutsideTheFilesRootIsNeverRemoved() throws Exception {
        TestUser user = stack.newEditor();
        String id = anItem().createIn(user.gateway(), 1).getFirst();
        Path outside = Files.writeString(stack.filesRoot().getParent().resolve("outside-" + UUID.randomUUID() + ".txt"),
                "precious");
        stack.database().getCollection("items").updateOne(eq("_id", new ObjectId(id)),
                new Document("$set", new Document("file_path", "../" + outside.getFileName())));

        var response = internal.delete("/api/v1/internal/items/" + id + "/permanent");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("deleted").get("files").asLong()).isZero();
        assertThat(outside).hasContent("precious");
        assertThat(stack.database().getCollection("file_removals")
                .find(eq("path", "../" + outside.getFileName())).first().getString("status")).isEqualTo("failed");
    }

    @Test
    void respondAsyncAnswers202WithTheJobToPoll() {
        TestUser user = stack.newEditor();
        anItem().createIn(user.gateway(), 1);

        var accepted = internal.withHeader("Prefer", "respond-async")
                .delete("/api/v1/internal/users/" + user.id() + "/data");

        assertThat(accepted.status()).isEqualTo(202);
        String jobId = accepted.json().get("job_id").asString();
        assertThat(accepted.header("Location")).isEqualTo("/api/v1/internal/jobs/" + jobId);
        var job = org.awaitility.Awaitility.await().until(() -> internal.get("/api/v1/internal/jobs/" + jobId).data(),
                data -> data.get("status").asString().equals("completed"));
        assertThat(job.get("result").get("items").asLong()).isEqualTo(1);
    }

    @Test
    void theLatestOneTimeCodeIsReadableForTestSuitesAndEveryCallIsAudited() {
        TestUser user = stack.newEditor();
        stack.anonymous().post("/api/v1/auth/otp/request", "{\"email\":\"" + user.email() + "\"}");

        var latest = internal.get("/api/v1/internal/otps/latest?email=" + user.email());
        var signedIn = stack.anonymous().post("/api/v1/auth/otp/verify",
                "{\"email\":\"" + user.email() + "\",\"code\":\"" + latest.data().get("code").asString() + "\"}");
        var audit = internal.get("/api/v1/internal/audit?limit=5").data();

        assertThat(signedIn.status()).isEqualTo(200);
        assertThat(audit.get(0).get("endpoint").asString()).isEqualTo("GET /api/v1/internal/audit");
        assertThat(audit.get(1).get("endpoint").asString()).isEqualTo("GET /api/v1/internal/otps/latest");
        assertThat(audit.get(1).get("caller").asString()).startsWith("key:").doesNotContain("automation");
        assertThat(audit.get(1).get("environment").asString()).isEqualTo("development");
    }

    @Test
    void aResetWipesEverythingButTheAuditAndRecreatesTheAdmin() {
        TestUser user = stack.newEditor();
        anItem().createIn(user.gateway(), 2);
        long auditBefore = stack.database().getCollection("audit_logs").countDocuments();

        var response = internal.post("/api/v1/internal/reset", "");

        assertThat(response.status()).as(response.text()).isEqualTo(200);
        JsonNode data = response.json().get("data");
        assertThat(data.get("message").asString()).isEqualTo("Database wiped successfully");
        assertThat(data.get("items").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(data.get("users").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(stack.database().getCollection("items").countDocuments()).isZero();
        assertThat(stack.database().getCollection("users").countDocuments(eq("email", user.email()))).isZero();
        assertThat(stack.database().getCollection("audit_logs").countDocuments()).isGreaterThan(auditBefore);
        assertThat(stack.admin().role()).isEqualTo("ADMIN");
    }

    private long countItemsOf(TestUser user) {
        return stack.database().getCollection("items").countDocuments(eq("created_by", new ObjectId(user.id())));
    }

    private static void batch(TestUser user, int count, String tag) {
        var items = new ArrayList<String>();
        for (int i = 0; i < count; i++) {
            items.add("{\"name\":\"c" + i + "\"}");
        }
        var response = user.gateway().post("/api/v1/items/batch",
                "{\"items\":[" + String.join(",", items) + "],\"tags\":[\"" + tag + "\"]}");
        assertThat(response.status()).isEqualTo(201);
    }
}

package io.flowhub.cleanup.tags;

import java.util.stream.Stream;
import org.bson.types.ObjectId;
import tools.jackson.databind.JsonNode;
import io.flowhub.testing.FlowHubStackExtension;
import io.flowhub.testing.GatewayClient;
import io.flowhub.testing.TestStack;
import io.flowhub.testing.TestUser;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static io.flowhub.testing.ItemBuilder.anItem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code DELETE /internal/runs/{runId}}: what two suites create under two run ids, with the same tags
 * and the same users, is removed run by run; neither cleanup touches the other's items or files, nor
 * anything created without a run id. A hard cleanup also removes the run's test identities with everything
 * they made, under the run or not.
 */
@ExtendWith(FlowHubStackExtension.class)
class RunCleanupIntegrationTests {

    private static final String RUN_HEADER = "X-FlowHub-Run";

    private final TestStack stack;
    private final GatewayClient internal;

    RunCleanupIntegrationTests(TestStack stack) {
        this.stack = stack;
        this.internal = stack.internal();
    }

    @Test
    void twoRunsCleanedUpInParallelEachRemoveExactlyTheirOwnItemsAndFiles() {
        TestUser alice = stack.newEditor();
        TestUser bob = stack.newEditor();
        String first = run();
        String second = run();
        String third = run();
        for (TestUser user : List.of(alice, bob)) {
            for (String run : List.of(first, second, third)) {
                List<String> ids = anItem().taggedAsTestData().createIn(user.gateway().withHeader(RUN_HEADER, run), 30);
                user.uploadFileTo(ids.getFirst());
            }
        }
        List<String> unrun = anItem().taggedAsTestData().createIn(alice.gateway(), 5);
        String thirdFile = fileOf(third);

        var cleanups = List.of(first, second).stream()
                .map(run -> CompletableFuture.supplyAsync(() -> internal.delete("/api/v1/internal/runs/" + run)))
                .toList();

        for (int i = 0; i < cleanups.size(); i++) {
            var response = cleanups.get(i).join();
            assertThat(response.status()).as(response.text()).isEqualTo(200);
            assertThat(response.json().get("run_id").asString()).isEqualTo(i == 0 ? first : second);
            assertThat(response.json().get("method").asString()).isEqualTo("hard_delete");
            assertThat(response.json().get("deleted").get("items").asLong()).isEqualTo(60);
            assertThat(response.json().get("deleted").get("files").asLong()).isEqualTo(2);
            assertThat(response.json().get("job_id").asString()).hasSize(24);
        }
        assertThat(itemsOf(first)).isZero();
        assertThat(itemsOf(second)).isZero();
        assertThat(itemsOf(third)).isEqualTo(60);
        assertThat(stack.filesRoot().resolve(thirdFile)).exists();
        assertThat(stack.database().getCollection("items").countDocuments(
                and(eq("created_by", new org.bson.types.ObjectId(alice.id())), eq("run_id", null)))).isEqualTo(5);
        assertThat(alice.gateway().get("/api/v1/items/" + unrun.getFirst()).status()).isEqualTo(200);
    }

    @Test
    void aSoftRunCleanupDeactivatesTheRunsItemsAndKeepsTheirFiles() {
        TestUser user = stack.newEditor();
        String run = run();
        List<String> ids = anItem().createIn(user.gateway().withHeader(RUN_HEADER, run), 4);
        String file = user.uploadFileTo(ids.getFirst());

        var response = internal.delete("/api/v1/internal/runs/" + run + "?hard_delete=false");

        assertThat(response.status()).as(response.text()).isEqualTo(200);
        assertThat(response.json().get("method").asString()).isEqualTo("soft_delete");
        assertThat(response.json().get("deleted").get("items").asLong()).isEqualTo(4);
        assertThat(stack.database().getCollection("items").countDocuments(
                and(eq("run_id", run), eq("is_active", false)))).isEqualTo(4);
        assertThat(stack.filesRoot().resolve(file)).exists();
    }

    @Test
    void aDryRunCountsAndDeletesNothingAndARunWithNothingLeftAnswersZeros() {
        TestUser user = stack.newEditor();
        String run = run();
        List<String> ids = anItem().createIn(user.gateway().withHeader(RUN_HEADER, run), 3);
        user.uploadFileTo(ids.getFirst());

        var dryRun = internal.delete("/api/v1/internal/runs/" + run + "?dry_run=true");
        var nothing = internal.delete("/api/v1/internal/runs/" + run());

        assertThat(dryRun.json().get("dry_run").asBoolean()).isTrue();
        assertThat(dryRun.json().get("deleted").get("items").asLong()).isEqualTo(3);
        assertThat(dryRun.json().get("deleted").get("files").asLong()).isEqualTo(1);
        assertThat(itemsOf(run)).isEqualTo(3);
        assertThat(nothing.status()).isEqualTo(200);
        assertThat(nothing.json().get("deleted").get("items").asLong()).isZero();
    }

    @Test
    void anAsynchronousRunCleanupAnswers202AndItsJobFinishesTheWork() {
        TestUser user = stack.newEditor();
        String run = run();
        anItem().createIn(user.gateway().withHeader(RUN_HEADER, run), 5);

        var accepted = internal.withHeader("Prefer", "respond-async").delete("/api/v1/internal/runs/" + run);

        assertThat(accepted.status()).as(accepted.text()).isEqualTo(202);
        String job = accepted.json().get("job_id").asString();
        await().untilAsserted(() -> assertThat(internal.get("/api/v1/internal/jobs/" + job).data()
                .get("status").asString()).isEqualTo("completed"));
        assertThat(internal.get("/api/v1/internal/jobs/" + job).data().get("result").get("items").asLong())
                .isEqualTo(5);
        assertThat(itemsOf(run)).isZero();
    }

    @Test
    void aTagCleanupNamingARunTakesOnlyThatRunsTaggedItems() {
        TestUser user = stack.newEditor();
        String tag = "run-tag-" + UUID.randomUUID();
        String mine = run();
        String theirs = run();
        String body = "{\"name\":\"x\",\"tags\":[\"" + tag + "\"]}";
        for (String run : List.of(mine, theirs)) {
            for (int i = 0; i < 3; i++) {
                assertThat(user.gateway().withHeader(RUN_HEADER, run).post("/api/v1/items", body).status())
                        .isEqualTo(201);
            }
        }

        var response = internal.post("/api/v1/internal/cleanup-test-data",
                "{\"tags\":[\"" + tag + "\"],\"run_id\":\"" + mine + "\"}");

        assertThat(response.status()).as(response.text()).isEqualTo(200);
        assertThat(response.json().get("deleted_count").asLong()).isEqualTo(3);
        assertThat(itemsOf(mine)).isZero();
        assertThat(itemsOf(theirs)).isEqualTo(3);
    }

    @Test
    void aMalformedRunIdIsA400ThatSaysWhatARunIdIs() {
        var spaced = internal.delete("/api/v1/internal/runs/has%20space");
        var tooLong = internal.delete("/api/v1/internal/runs/" + "r".repeat(65));
        var inTagCleanup = internal.post("/api/v1/internal/cleanup-test-data", "{\"tags\":[\"x\"],\"run_id\":\"a/b\"}");

        assertThat(spaced.status()).isEqualTo(400);
        assertThat(spaced.json().get("detail").asString()).contains("1 to 64 characters");
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(inTagCleanup.status()).isEqualTo(400);
    }

    @Test
    void aRunsHardCleanupRemovesItsTestIdentitiesWithEverythingTheyMadeAndItsReceiptSaysSo() {
        String run = run();
        JsonNode identity = internal.withHeader(RUN_HEADER, run).post("/api/v1/internal/users", "{}").data();
        JsonNode outsider = internal.post("/api/v1/internal/users", "{}").data();
        GatewayClient asIdentity = GatewayClient.anonymousOn(stack.services().gatewayPort())
                .withToken(identity.get("token").asString());
        List<String> underRun = anItem().createIn(asIdentity.withHeader(RUN_HEADER, run), 3);
        List<String> outsideRun = anItem().createIn(asIdentity, 2);
        List<String> outsiders = anItem().createIn(GatewayClient.anonymousOn(stack.services().gatewayPort())
                .withToken(outsider.get("token").asString()), 2);

        var dryRun = internal.delete("/api/v1/internal/runs/" + run + "?dry_run=true");
        var cleaned = internal.delete("/api/v1/internal/runs/" + run);

        assertThat(dryRun.json().get("deleted").get("users").asLong()).isEqualTo(1);
        assertThat(cleaned.status()).as(cleaned.text()).isEqualTo(200);
        assertThat(cleaned.json().get("deleted").get("items").asLong()).isEqualTo(5);
        assertThat(cleaned.json().get("deleted").get("users").asLong()).isEqualTo(1);
        assertThat(stack.database().getCollection("users")
                .countDocuments(eq("_id", new ObjectId(identity.get("_id").asString())))).isZero();
        assertThat(stack.database().getCollection("users")
                .countDocuments(eq("_id", new ObjectId(outsider.get("_id").asString())))).isOne();
        assertThat(stack.database().getCollection("items").countDocuments(in("_id",
                Stream.concat(underRun.stream(), outsideRun.stream()).map(ObjectId::new).toList()))).isZero();
        assertThat(stack.database().getCollection("items")
                .countDocuments(in("_id", outsiders.stream().map(ObjectId::new).toList()))).isEqualTo(2);
        JsonNode receipt = internal.get("/api/v1/internal/jobs/" + cleaned.json().get("job_id").asString()
                + "/receipt").data();
        assertThat(receipt.get("verified").asBoolean()).as(receipt.toString()).isTrue();
        assertThat(receipt.toString()).contains("\"users\"");
    }

    private static String run() {
        return "it-" + UUID.randomUUID();
    }

    private long itemsOf(String run) {
        return stack.database().getCollection("items").countDocuments(eq("run_id", run));
    }

    private String fileOf(String run) {
        Document item = stack.database().getCollection("items")
                .find(and(eq("run_id", run), new Document("file_path", new Document("$ne", null)))).first();
        return item.getString("file_path");
    }

}

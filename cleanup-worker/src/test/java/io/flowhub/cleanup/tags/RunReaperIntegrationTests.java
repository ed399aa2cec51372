package io.flowhub.cleanup.tags;

import io.flowhub.testing.FlowHubStackExtension;
import io.flowhub.testing.GatewayClient;
import io.flowhub.testing.TestStack;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static io.flowhub.testing.ItemBuilder.anItem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A run whose lease runs out — a suite killed before its own cleanup — is cleaned up by cleanup-worker within a
 * minute: its items, its test identities and their data go, in one job owned by the schedule (however many sweeps
 * saw the lapsed lease) whose receipt verifies, and its lease ends; a run whose lease still holds is left as it is.
 */
@ExtendWith(FlowHubStackExtension.class)
class RunReaperIntegrationTests {

    private final TestStack stack;
    private final GatewayClient internal;

    RunReaperIntegrationTests(TestStack stack) {
        this.stack = stack;
        this.internal = stack.internal();
    }

    @Test
    void aRunWhoseLeaseRanOutIsCleanedUpWithinAMinuteAndALiveOneIsNot() {
        String killed = "killed-" + UUID.randomUUID();
        String alive = "alive-" + UUID.randomUUID();
        JsonNode identity = internal.withHeader("X-FlowHub-Run", killed).post("/api/v1/internal/users", "{}").data();
        GatewayClient asIdentity = GatewayClient.anonymousOn(stack.services().gatewayPort())
                .withToken(identity.get("token").asString());
        List<String> killedItems = anItem().createIn(asIdentity.withHeader("X-FlowHub-Run", killed), 4);
        JsonNode aliveIdentity = internal.withHeader("X-FlowHub-Run", alive).post("/api/v1/internal/users", "{}").data();
        List<String> aliveItems = anItem().createIn(GatewayClient.anonymousOn(stack.services().gatewayPort())
                .withToken(aliveIdentity.get("token").asString()).withHeader("X-FlowHub-Run", alive)
                .withHeader("X-FlowHub-Run-TTL", "3600"), 3);

        assertThat(internal.put("/api/v1/internal/runs/" + killed, "{\"ttl_seconds\":1}").status()).isEqualTo(200);

        Document job = await().atMost(Duration.ofSeconds(60)).until(() -> stack.database().getCollection("jobs")
                .find(and(eq("operation", "cleanup_run"), eq("owner_type", "schedule"), eq("status", "completed")))
                .into(new ArrayList<Document>()).stream()
                .filter(found -> found.getString("command").contains(killed)).findFirst().orElse(null),
                found -> found != null);

        assertThat(stack.database().getCollection("items")
                .countDocuments(in("_id", killedItems.stream().map(ObjectId::new).toList()))).isZero();
        assertThat(stack.database().getCollection("users")
                .countDocuments(eq("_id", new ObjectId(identity.get("_id").asString())))).isZero();
        assertThat(stack.database().getCollection("runs").countDocuments(eq("_id", killed))).isZero();
        // why: every sweep while the lapsed lease stood sent the same command (run and lease end): one job came of it
        assertThat(stack.database().getCollection("jobs").find(and(eq("operation", "cleanup_run"),
                eq("owner_type", "schedule"))).into(new ArrayList<Document>()).stream()
                .filter(found -> found.getString("command").contains(killed)).count()).isOne();
        JsonNode receipt = internal.get("/api/v1/internal/jobs/" + job.getObjectId("_id").toHexString() + "/receipt")
                .data();
        assertThat(receipt.get("verified").asBoolean()).as(receipt.toString()).isTrue();
        assertThat(stack.database().getCollection("items")
                .countDocuments(in("_id", aliveItems.stream().map(ObjectId::new).toList()))).isEqualTo(3);
        assertThat(stack.database().getCollection("runs").countDocuments(eq("_id", alive))).isOne();
        assertThat(stack.database().getCollection("users")
                .countDocuments(eq("_id", new ObjectId(aliveIdentity.get("_id").asString())))).isOne();
    }
}

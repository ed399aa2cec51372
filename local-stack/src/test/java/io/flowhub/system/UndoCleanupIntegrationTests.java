package io.flowhub.system;

import io.flowhub.testing.FinishedJobs;
import io.flowhub.testing.FlowHubStackExtension;
import io.flowhub.testing.GatewayClient;
import io.flowhub.testing.TestStack;
import io.flowhub.testing.TestUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import java.util.UUID;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static io.flowhub.testing.ItemBuilder.anItem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An undo across the services: a soft cleanup run by cleanup-worker is reversed by an undo run by
 * bulk-worker, through {@code POST /internal/jobs/{id}/undo}; a hard delete has no undo.
 */
@ExtendWith(FlowHubStackExtension.class)
class UndoCleanupIntegrationTests {

    private final TestStack stack;
    private final GatewayClient internal;

    UndoCleanupIntegrationTests(TestStack stack) {
        this.stack = stack;
        this.internal = stack.internal();
    }

    @Test
    void aSoftRunCleanupAndASoftTagCleanupAreUndoneItemForItem() {
        TestUser user = stack.newEditor();
        String run = "undo-" + UUID.randomUUID();
        anItem().createIn(user.gateway().withHeader("X-FlowHub-Run", run), 4);
        String tag = "undo-tag-" + UUID.randomUUID();
        for (int i = 0; i < 3; i++) {
            user.gateway().post("/api/v1/items", "{\"name\":\"t\",\"tags\":[\"" + tag + "\"]}");
        }
        String runCleanup = internal.delete("/api/v1/internal/runs/" + run + "?hard_delete=false").json()
                .get("job_id").asString();
        String tagCleanup = internal.post("/api/v1/internal/cleanup-test-data",
                "{\"tags\":[\"" + tag + "\"],\"hard_delete\":false}").json().get("job_id").asString();

        JsonNode runUndo = awaitFinished(undo(runCleanup));
        JsonNode tagUndo = awaitFinished(undo(tagCleanup));

        assertThat(runUndo.get("processed").asLong()).isEqualTo(4);
        assertThat(tagUndo.get("processed").asLong()).isEqualTo(3);
        assertThat(stack.database().getCollection("items").countDocuments(
                and(eq("run_id", run), eq("is_active", true)))).isEqualTo(4);
        assertThat(stack.database().getCollection("items").countDocuments(
                and(eq("tags", tag), eq("is_active", true)))).isEqualTo(3);
    }

    @Test
    void aHardDeleteCannotBeUndone() {
        TestUser user = stack.newEditor();
        String run = "undo-hard-" + UUID.randomUUID();
        anItem().createIn(user.gateway().withHeader("X-FlowHub-Run", run), 1);
        String hard = internal.delete("/api/v1/internal/runs/" + run).json().get("job_id").asString();

        var refused = internal.post("/api/v1/internal/jobs/" + hard + "/undo", "");

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("detail").asString()).contains("a hard delete cannot be undone");
    }

    private String undo(String jobId) {
        var accepted = internal.post("/api/v1/internal/jobs/" + jobId + "/undo", "");
        assertThat(accepted.status()).as(accepted.text()).isEqualTo(202);
        return accepted.json().get("job_id").asString();
    }

    private JsonNode awaitFinished(String jobId) {
        return FinishedJobs.awaitEndedInternally(internal, jobId);
    }
}

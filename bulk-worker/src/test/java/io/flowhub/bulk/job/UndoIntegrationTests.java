package io.flowhub.bulk.job;

import io.flowhub.testing.FinishedJobs;
import io.flowhub.testing.FlowHubStackExtension;
import io.flowhub.testing.GatewayClient;
import io.flowhub.testing.TestStack;
import io.flowhub.testing.TestUser;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;

import static com.mongodb.client.model.Filters.eq;
import static io.flowhub.testing.ItemBuilder.anItem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /jobs/{id}/undo}: a new job that reverses exactly what a finished job changed, from its
 * ledger; an item changed since by anything else is left alone and counted {@code changed_since}.
 */
@ExtendWith(FlowHubStackExtension.class)
class UndoIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final TestStack stack;
    private final GatewayClient gateway;

    UndoIntegrationTests(TestStack stack) {
        this.stack = stack;
        TestUser user = stack.newEditor();
        this.gateway = user.gateway();
    }

    @Test
    void undoingABulkDeleteRestoresExactlyTheItemsItDeleted() {
        List<String> ids = anItem().createIn(gateway, 6);
        gateway.delete("/api/v1/items/" + ids.getFirst());
        String delete = finished(bulk("delete", ids, null));

        var accepted = gateway.post("/api/v1/jobs/" + delete + "/undo", "");

        assertThat(accepted.status()).as(accepted.text()).isEqualTo(202);
        assertThat(accepted.json().get("undoes").asString()).isEqualTo(delete);
        String undo = accepted.json().get("job_id").asString();
        assertThat(accepted.header("Location")).isEqualTo("/api/v1/jobs/" + undo);
        JsonNode job = awaitFinished(undo);
        assertThat(job.get("status").asString()).isEqualTo("completed");
        assertThat(job.get("operation").asString()).isEqualTo("undo");
        assertThat(job.get("undoes").asString()).isEqualTo(delete);
        assertThat(job.get("processed").asLong()).isEqualTo(5);
        assertThat(active(ids.getFirst())).as("deleted before the job, so not the job's to give back").isFalse();
        assertThat(ids.subList(1, 6)).allSatisfy(id -> assertThat(active(id)).isTrue());
    }

    @Test
    void anItemRestoredAndDeletedAgainByOtherJobsOrEditedSinceIsSkippedAsChangedSince() {
        List<String> ids = anItem().createIn(gateway, 4);
        String delete = finished(bulk("delete", ids, null));
        finished(bulk("activate", List.of(ids.get(0)), null));
        finished(bulk("delete", List.of(ids.get(0)), null));
        gateway.patch("/api/v1/items/" + ids.get(1) + "/activate", "");
        gateway.delete("/api/v1/items/" + ids.get(1));

        JsonNode undo = awaitFinished(gateway.post("/api/v1/jobs/" + delete + "/undo", "").json().get("job_id")
                .asString());

        assertThat(undo.get("processed").asLong()).isEqualTo(2);
        assertThat(undo.get("skipped").asLong()).isEqualTo(2);
        assertThat(undo.get("skip_reasons").get("changed_since").asLong()).isEqualTo(2);
        assertThat(active(ids.get(0))).isFalse();
        assertThat(active(ids.get(1))).isFalse();
        assertThat(active(ids.get(2))).isTrue();
        assertThat(active(ids.get(3))).isTrue();
    }

    @Test
    void undoingAddTagsTakesAwayOnlyTheTagsItAddedAndUndoingRemoveTagsGivesBackOnlyThoseItRemoved() {
        String had = item(List.of("a", "c"));
        String bare = item(List.of());
        String add = finished(bulk("add_tags", List.of(had, bare), List.of("a", "b")));
        finished(gateway.post("/api/v1/jobs/" + add + "/undo", "").json().get("job_id").asString());

        assertThat(tags(had)).containsExactlyInAnyOrder("a", "c");
        assertThat(tags(bare)).isEmpty();

        String full = item(List.of("x", "y", "z"));
        String partial = item(List.of("x"));
        String remove = finished(bulk("remove_tags", List.of(full, partial), List.of("x", "y")));
        assertThat(tags(full)).containsExactly("z");
        finished(gateway.post("/api/v1/jobs/" + remove + "/undo", "").json().get("job_id").asString());

        assertThat(tags(full)).containsExactlyInAnyOrder("x", "y", "z");
        assertThat(tags(partial)).containsExactly("x");
    }

    @Test
    void twoUndosOfOneJobAskedAtOnceAreOneUndoThatGivesEachItemBackOnce() throws Exception {
        List<String> ids = anItem().createIn(gateway, 120);
        String delete = finished(bulk("delete", ids, null));

        // why: the same undo sent twice at once (a retried request, a second console tab): a job has one undo
        List<GatewayClient.Response> answers;
        try (var executor = Executors.newFixedThreadPool(2)) {
            var first = executor.submit(() -> gateway.post("/api/v1/jobs/" + delete + "/undo", ""));
            var second = executor.submit(() -> gateway.post("/api/v1/jobs/" + delete + "/undo", ""));
            answers = List.of(first.get(), second.get());
        }
        JsonNode job = awaitFinished(answers.getFirst().json().get("job_id").asString());
        var later = gateway.post("/api/v1/jobs/" + delete + "/undo", "");

        assertThat(answers).allSatisfy(answer -> assertThat(answer.status()).isEqualTo(202));
        assertThat(answers.get(1).json().get("job_id").asString())
                .isEqualTo(answers.getFirst().json().get("job_id").asString());
        assertThat(later.json().get("job_id").asString()).isEqualTo(job.get("job_id").asString());
        assertThat(job.get("status").asString()).isEqualTo("completed");
        assertThat(job.get("processed").asLong()).isEqualTo(120);
        assertThat(job.get("skipped").asLong()).isZero();
        assertThat(ids).allSatisfy(id -> assertThat(active(id)).isTrue());
    }

    @Test
    void anUndoCannotBeUndoneAndAnotherUsersJobIsNotFound() {
        List<String> ids = anItem().createIn(gateway, 1);
        String delete = finished(bulk("delete", ids, null));
        String undo = finished(gateway.post("/api/v1/jobs/" + delete + "/undo", "").json().get("job_id").asString());

        var again = gateway.post("/api/v1/jobs/" + undo + "/undo", "");
        var stranger = stack.newEditor().gateway().post("/api/v1/jobs/" + delete + "/undo", "");

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("detail").asString()).contains("is an undo");
        assertThat(stranger.status()).isEqualTo(404);
        assertThat(gateway.post("/api/v1/jobs/not-an-id/undo", "").status()).isEqualTo(400);
    }

    private String bulk(String operation, List<String> ids, List<String> tags) {
        var body = new java.util.LinkedHashMap<String, Object>(Map.of("operation", operation, "itemIds", ids));
        if (tags != null) {
            body.put("tags", tags);
        }
        var response = gateway.post("/api/v1/bulk-operations", JSON.writeValueAsString(body));
        assertThat(response.status()).as(response.text()).isEqualTo(202);
        return response.json().get("job_id").asString();
    }

    private String finished(String jobId) {
        assertThat(awaitFinished(jobId).get("status").asString()).isEqualTo("completed");
        return jobId;
    }

    private JsonNode awaitFinished(String jobId) {
        return FinishedJobs.awaitEnded(gateway, jobId);
    }

    private String item(List<String> tags) {
        var created = gateway.post("/api/v1/items", JSON.writeValueAsString(Map.of("name", "tagged", "tags", tags)));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created.data().get("_id").asString();
    }

    private Document stored(String id) {
        return stack.database().getCollection("items").find(eq("_id", new ObjectId(id))).first();
    }

    private boolean active(String id) {
        return stored(id).getBoolean("is_active");
    }

    private List<String> tags(String id) {
        return stored(id).getList("tags", String.class);
    }
}

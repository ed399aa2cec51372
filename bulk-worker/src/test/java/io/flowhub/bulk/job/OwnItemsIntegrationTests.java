package io.flowhub.bulk.job;

import io.flowhub.testing.FlowHubStackExtension;
import io.flowhub.testing.GatewayClient;
import io.flowhub.testing.TestStack;
import io.flowhub.testing.TestUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The user API's deletes and bulk filters act on the caller's own items for every role: the ADMIN's
 * {@code DELETE /items?tags=} is not a way to soft-delete every tester's data by accident.
 */
@ExtendWith(FlowHubStackExtension.class)
class OwnItemsIntegrationTests {

    private final TestUser alice;
    private final TestUser admin;
    private final String tag = "own-" + UUID.randomUUID();

    OwnItemsIntegrationTests(TestStack stack) {
        this.alice = stack.newEditor();
        this.admin = stack.admin();
    }

    @Test
    void theAdminsDeleteByTagAndBulkFiltersActOnTheAdminsOwnItemsUnlessItNamesAnotherUserAsCreatedBy() {
        String aliceItem = itemOf(alice);
        String adminItem = itemOf(admin);

        awaitCompleted(admin.gateway().delete("/api/v1/items?tags=" + tag));
        awaitCompleted(admin.gateway().post("/api/v1/bulk-operations", "{\"operation\":\"add_tags\",\"filter\":{\"tags\":[\""
                + tag + "\"]},\"tags\":[\"seen\"]}"));

        assertThat(item(adminItem).get("is_active").asBoolean()).isFalse();
        assertThat(item(adminItem).get("tags").toString()).contains("seen");
        assertThat(item(aliceItem).get("is_active").asBoolean()).isTrue();
        assertThat(item(aliceItem).get("tags").toString()).doesNotContain("seen");
        assertThat(admin.gateway().delete("/api/v1/items?tags=" + tag + "&created_by=not-an-id").status()).isEqualTo(400);

        awaitCompleted(admin.gateway().delete("/api/v1/items?tags=" + tag + "&created_by=" + alice.id()));

        assertThat(item(aliceItem).get("is_active").asBoolean()).isFalse();
    }

    @Test
    void anEditorsFilterNamingAnotherUserIsA403() {
        var answer = alice.gateway().delete("/api/v1/items?tags=" + tag + "&created_by=" + admin.id());

        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
    }

    private String itemOf(TestUser user) {
        return user.gateway().post("/api/v1/items", "{\"name\":\"an item\",\"tags\":[\"" + tag + "\"]}")
                .data().get("_id").asString();
    }

    private JsonNode item(String itemId) {
        return admin.gateway().get("/api/v1/items/" + itemId).data();
    }

    private void awaitCompleted(GatewayClient.Response accepted) {
        assertThat(accepted.status()).as(accepted.text()).isEqualTo(202);
        String jobId = accepted.json().get("job_id").asString();
        await().atMost(Duration.ofSeconds(30)).until(
                () -> admin.gateway().get("/api/v1/jobs/" + jobId).data().get("status").asString(), "completed"::equals);
    }
}

package io.flowhub.cleanup.internal;

import com.mongodb.client.model.Filters;
import io.flowhub.testing.FlowHubStackExtension;
import io.flowhub.testing.GatewayClient;
import io.flowhub.testing.TestStack;
import io.flowhub.testing.TestUser;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.or;
import static com.mongodb.client.model.Updates.set;
import static io.flowhub.testing.ItemBuilder.anItem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Plan, then apply: a destructive call's dry run returns a plan, and applying it does exactly what
 * was planned — never an item created after the plan; items gone since are skipped as gone.
 */
@ExtendWith(FlowHubStackExtension.class)
class PlanIntegrationTests {

    private final TestStack stack;
    private final GatewayClient internal;

    PlanIntegrationTests(TestStack stack) {
        this.stack = stack;
        this.internal = stack.internal();
    }

    @Test
    void anItemCreatedUnderTheSameTagsAfterThePlanIsUntouchedByItsApplyAndOneGoneSinceIsSkipped() {
        TestUser user = stack.newEditor();
        String tag = "plan-" + UUID.randomUUID();
        List<String> planned = tagged(user, tag, 5);
        user.uploadFileTo(planned.getFirst());

        JsonNode dryRun = internal.post("/api/v1/internal/cleanup-test-data?dry_run=true&plan=true",
                "{\"tags\":[\"" + tag + "\"]}").json();
        JsonNode plan = dryRun.get("plan");
        List<String> later = tagged(user, tag, 2);
        internal.delete("/api/v1/internal/items/" + planned.get(1) + "/permanent");

        var applied = internal.post("/api/v1/internal/plans/" + plan.get("plan_id").asString() + "/apply", "");

        assertThat(plan.get("counts").get("items").asLong()).isEqualTo(5);
        assertThat(plan.get("counts").get("files").asLong()).isEqualTo(1);
        assertThat(plan.get("sample")).hasSize(5);
        assertThat(plan.get("expires_at").asString()).isNotBlank();
        assertThat(dryRun.get("deleted_count").asLong()).isEqualTo(5);
        assertThat(applied.status()).as(applied.text()).isEqualTo(200);
        assertThat(applied.json().get("deleted_count").asLong()).isEqualTo(4);
        assertThat(applied.json().get("method").asString()).isEqualTo("hard_delete");
        assertThat(applied.json().get("skipped").get("gone").asLong()).isEqualTo(1);
        assertThat(applied.json().get("plan_id").asString()).isEqualTo(plan.get("plan_id").asString());
        assertThat(planned).allSatisfy(id -> assertThat(exists(id)).isFalse());
        assertThat(later).allSatisfy(id -> assertThat(exists(id)).as("created after the plan").isTrue());
    }

    @Test
    void applyingAPlanTwiceAnswersWithTheFirstApplysJob() {
        TestUser user = stack.newEditor();
        String run = "plan-run-" + UUID.randomUUID();
        anItem().createIn(user.gateway().withHeader("X-FlowHub-Run", run), 3);
        String plan = planOf("/api/v1/internal/runs/" + run + "?dry_run=true&plan=true");

        var first = internal.withHeader("Prefer", "respond-async").post("/api/v1/internal/plans/" + plan + "/apply", "");
        var second = internal.post("/api/v1/internal/plans/" + plan + "/apply", "");

        assertThat(first.status()).isEqualTo(202);
        assertThat(second.status()).as(second.text()).isEqualTo(200);
        assertThat(second.json().get("job_id").asString()).isEqualTo(first.json().get("job_id").asString());
        assertThat(second.json().get("run_id").asString()).isEqualTo(run);
        assertThat(second.json().get("deleted").get("items").asLong()).isEqualTo(3);
    }

    @Test
    void aPlanClaimedByAnApplyThatDiedBeforeRecordingItsJobIsAppliedUnderThatJob() {
        TestUser user = stack.newEditor();
        String run = "plan-died-" + UUID.randomUUID();
        anItem().createIn(user.gateway().withHeader("X-FlowHub-Run", run), 2);
        String plan = planOf("/api/v1/internal/runs/" + run + "?dry_run=true&plan=true");
        ObjectId claimed = new ObjectId();
        // why: the state a gateway leaves that claimed the plan for its job and died before recording the job
        stack.database().getCollection("plans").updateOne(eq("_id", new ObjectId(plan)), set("applied_job", claimed));

        var applied = internal.post("/api/v1/internal/plans/" + plan + "/apply", "");

        assertThat(applied.status()).as(applied.text()).isEqualTo(200);
        assertThat(applied.json().get("job_id").asString()).isEqualTo(claimed.toHexString());
        assertThat(applied.json().get("deleted").get("items").asLong()).isEqualTo(2);
        assertThat(stack.database().getCollection("items").countDocuments(eq("run_id", run))).isZero();
    }

    @Test
    void aSoftPlanSoftDeletesWhatItPlannedAndAUserPurgePlanKeepsTheUser() {
        TestUser user = stack.newEditor();
        String run = "plan-soft-" + UUID.randomUUID();
        List<String> ids = anItem().createIn(user.gateway().withHeader("X-FlowHub-Run", run), 2);
        String soft = planOf("/api/v1/internal/runs/" + run + "?dry_run=true&plan=true&hard_delete=false");
        var softApplied = internal.post("/api/v1/internal/plans/" + soft + "/apply", "");

        String purge = planOf("/api/v1/internal/users/" + user.id() + "/data?dry_run=true&plan=true");
        String after = anItem().createIn(user.gateway(), 1).getFirst();
        var purged = internal.post("/api/v1/internal/plans/" + purge + "/apply", "");

        assertThat(softApplied.json().get("method").asString()).isEqualTo("soft_delete");
        assertThat(softApplied.json().get("deleted").get("items").asLong()).isEqualTo(2);
        assertThat(purged.status()).as(purged.text()).isEqualTo(200);
        assertThat(purged.json().get("deleted").get("items").asLong()).isEqualTo(2);
        assertThat(purged.json().get("preserved").get("user").asBoolean()).isTrue();
        assertThat(ids).allSatisfy(id -> assertThat(exists(id)).isFalse());
        assertThat(exists(after)).as("created after the plan").isTrue();
    }

    @Test
    void anExpiredPlanIsGoneAnUnknownOneNotFoundAndAResetHasNoPlan() {
        TestUser user = stack.newEditor();
        String run = "plan-old-" + UUID.randomUUID();
        anItem().createIn(user.gateway().withHeader("X-FlowHub-Run", run), 1);
        String plan = planOf("/api/v1/internal/runs/" + run + "?dry_run=true&plan=true");
        stack.database().getCollection("plans").updateOne(eq("_id", new ObjectId(plan)),
                set("expires_at", Date.from(Instant.now().minusSeconds(1))));

        var expired = internal.post("/api/v1/internal/plans/" + plan + "/apply", "");
        var unknown = internal.post("/api/v1/internal/plans/" + new ObjectId() + "/apply", "");
        var malformed = internal.post("/api/v1/internal/plans/nope/apply", "");
        JsonNode reset = internal.post("/api/v1/internal/reset?dry_run=true", "").json();

        assertThat(expired.status()).isEqualTo(410);
        assertThat(expired.json().get("detail").asString()).contains("expired");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(reset.has("plan")).isFalse();
        assertThat(stack.database().getCollection("items").countDocuments(eq("run_id", run))).isEqualTo(1);
    }

    @Test
    void aDryRunWithoutPlanWritesNothingButItsJobAndAPlanAskedWithoutADryRunOrOfAResetIsA400() {
        TestUser user = stack.newEditor();
        String run = "plan-none-" + UUID.randomUUID();
        anItem().createIn(user.gateway().withHeader("X-FlowHub-Run", run), 2);
        long plans = stack.database().getCollection("plans").countDocuments();

        JsonNode dryRun = internal.delete("/api/v1/internal/runs/" + run + "?dry_run=true").json();
        var notDry = internal.delete("/api/v1/internal/runs/" + run + "?plan=true");
        var reset = internal.post("/api/v1/internal/reset?dry_run=true&plan=true", "");

        assertThat(dryRun.get("deleted").get("items").asLong()).isEqualTo(2);
        assertThat(dryRun.has("plan")).isFalse();
        assertThat(stack.database().getCollection("plans").countDocuments()).isEqualTo(plans);
        assertThat(stack.database().getCollection("items").countDocuments(and(eq("run_id", run), Filters.exists("plan_ids"))))
                .isZero();
        assertThat(notDry.status()).isEqualTo(400);
        assertThat(notDry.json().get("detail").asString()).contains("dry_run=true");
        assertThat(reset.status()).isEqualTo(400);
        assertThat(stack.database().getCollection("items").countDocuments(eq("run_id", run))).isEqualTo(2);
    }

    @Test
    void theMarksOfAPlanGoOnceItsApplyFinishedOrItExpired() {
        TestUser user = stack.newEditor();
        String softRun = "plan-marks-" + UUID.randomUUID();
        String leftRun = "plan-left-" + UUID.randomUUID();
        anItem().createIn(user.gateway().withHeader("X-FlowHub-Run", softRun), 2);
        anItem().createIn(user.gateway().withHeader("X-FlowHub-Run", leftRun), 2);
        String applied = planOf("/api/v1/internal/runs/" + softRun + "?dry_run=true&plan=true&hard_delete=false");
        String left = planOf("/api/v1/internal/runs/" + leftRun + "?dry_run=true&plan=true");
        assertThat(internal.post("/api/v1/internal/plans/" + applied + "/apply", "").status()).isEqualTo(200);
        // why: expired longer ago than the grace an apply let in at the last moment has to record its job
        stack.database().getCollection("plans").updateOne(eq("_id", new ObjectId(left)),
                set("expires_at", Date.from(Instant.now().minus(Duration.ofMinutes(10)))));

        var items = stack.database().getCollection("items");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(items.countDocuments(
                or(eq("plan_ids", new ObjectId(applied)), eq("plan_ids", new ObjectId(left))))).isZero());
        assertThat(items.countDocuments(eq("run_id", softRun))).as("soft-deleted, kept").isEqualTo(2);
        assertThat(items.countDocuments(eq("run_id", leftRun))).as("never applied").isEqualTo(2);
    }

    @Test
    void productionMakesNoPlanWhileItsDryRunsStillCount() {
        TestUser user = stack.newEditor();
        String run = "plan-production-" + UUID.randomUUID();
        anItem().createIn(user.gateway().withHeader("X-FlowHub-Run", run), 2);
        String key = "production-key-" + UUID.randomUUID();
        try (var production = stack.startGateway("--flowhub.environment=production", "--flowhub.internal-key=" + key,
                "--flowhub.auth.jwt-secret=" + UUID.randomUUID() + UUID.randomUUID(),
                "--flowhub.auth.bootstrap-admin.password=" + UUID.randomUUID())) {
            GatewayClient operator = GatewayClient.anonymousOn(production.gatewayPort()).withHeader("x-internal-key", key);

            var planned = operator.delete("/api/v1/internal/runs/" + run + "?dry_run=true&plan=true&hard_delete=false");
            var counted = operator.delete("/api/v1/internal/runs/" + run + "?dry_run=true&hard_delete=false");

            assertThat(planned.status()).isEqualTo(403);
            assertThat(planned.json().get("detail").asString()).contains("not made in production");
            assertThat(counted.status()).as(counted.text()).isEqualTo(200);
            assertThat(counted.json().get("deleted").get("items").asLong()).isEqualTo(2);
            assertThat(stack.database().getCollection("items").countDocuments(and(eq("run_id", run), Filters.exists("plan_ids"))))
                    .isZero();
        }
    }

    /** @return the plan of a DELETE call's dry run */
    private String planOf(String dryRun) {
        return internal.delete(dryRun).json().get("plan").get("plan_id").asString();
    }

    private List<String> tagged(TestUser user, String tag, int count) {
        var ids = new java.util.ArrayList<String>();
        for (int i = 0; i < count; i++) {
            var created = user.gateway().post("/api/v1/items", "{\"name\":\"p\",\"tags\":[\"" + tag + "\"]}");
            assertThat(created.status()).as(created.text()).isEqualTo(201);
            ids.add(created.data().get("_id").asString());
        }
        return ids;
    }

    private boolean exists(String id) {
        Document item = stack.database().getCollection("items").find(eq("_id", new ObjectId(id))).first();
        return item != null && item.getBoolean("is_active", true);
    }
}

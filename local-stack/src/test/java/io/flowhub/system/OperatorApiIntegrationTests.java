package io.flowhub.system;

import io.flowhub.testing.FlowHubStackExtension;
import io.flowhub.testing.GatewayClient;
import io.flowhub.testing.TestStack;
import io.flowhub.testing.TestUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import static io.flowhub.testing.ItemBuilder.anItem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What the console stands on: its page and files (open, under a content security policy), the job lists by kind,
 * status and owner with older pages, a job's ledger, and the operator calls an ADMIN's token opens (jobs, audit,
 * dead letters) while the destructive internal calls still want the key.
 */
@ExtendWith(FlowHubStackExtension.class)
class OperatorApiIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final TestStack stack;
    private final GatewayClient internal;

    OperatorApiIntegrationTests(TestStack stack) {
        this.stack = stack;
        this.internal = stack.internal();
    }

    @Test
    void theConsolePageAndItsFilesAreServedToAnyoneUnderAContentSecurityPolicy() throws Exception {
        var http = HttpClient.newHttpClient();
        var bare = http.send(HttpRequest.newBuilder(stack.anonymous().uri("/console")).build(),
                HttpResponse.BodyHandlers.ofString());
        var page = http.send(HttpRequest.newBuilder(stack.anonymous().uri("/console/")).build(),
                HttpResponse.BodyHandlers.ofString());
        var script = stack.anonymous().get("/console/console.js");

        assertThat(bare.statusCode()).isEqualTo(302);
        assertThat(bare.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).endsWith("/console/"));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<title>FlowHub Jobs console</title>", "console.js");
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(policy ->
                assertThat(policy).contains("script-src 'self'", "frame-ancestors 'none'"));
        assertThat(script.status()).isEqualTo(200);
        assertThat(script.text()).contains("textContent");
    }

    @Test
    void anAdminsTokenOpensTheOperatorCallsAndNothingElseOfTheInternalApi() {
        GatewayClient admin = stack.admin().gateway();
        GatewayClient editor = stack.newEditor().gateway();

        assertThat(admin.get("/api/v1/internal/jobs?limit=1").status()).isEqualTo(200);
        assertThat(admin.get("/api/v1/internal/audit?limit=1").status()).isEqualTo(200);
        assertThat(admin.get("/api/v1/internal/dlt/flowhub.commands.bulk?limit=1").status()).isEqualTo(200);
        assertThat(admin.delete("/api/v1/internal/runs/no-such-run?dry_run=true").status()).isEqualTo(401);
        assertThat(admin.post("/api/v1/internal/reset?dry_run=true", "").status()).isEqualTo(401);
        assertThat(editor.get("/api/v1/internal/jobs?limit=1").status()).isEqualTo(401);
        assertThat(editor.get("/api/v1/internal/audit").status()).isEqualTo(401);
        assertThat(stack.anonymous().get("/api/v1/internal/jobs").status()).isEqualTo(401);
    }

    @Test
    void jobListsNarrowByKindStatusAndOwnerAndPageToOlderJobs() {
        TestUser user = stack.newEditor();
        String first = finishedDeleteOf(user, 2);
        String second = finishedDeleteOf(user, 2);
        String owner = "owner=" + user.id();

        assertThat(ids(internal.get("/api/v1/internal/jobs?" + owner))).containsExactly(second, first);
        assertThat(ids(internal.get("/api/v1/internal/jobs?kind=bulk&status=completed&" + owner)))
                .containsExactly(second, first);
        assertThat(ids(internal.get("/api/v1/internal/jobs?kind=cleanup&" + owner))).isEmpty();
        assertThat(ids(internal.get("/api/v1/internal/jobs?status=running&" + owner))).isEmpty();
        assertThat(ids(internal.get("/api/v1/internal/jobs?limit=1&" + owner))).containsExactly(second);
        assertThat(ids(internal.get("/api/v1/internal/jobs?limit=1&before=" + second + "&" + owner)))
                .containsExactly(first);
        assertThat(ids(user.gateway().get("/api/v1/jobs?kind=bulk&status=completed"))).containsExactly(second, first);
        assertThat(internal.get("/api/v1/internal/jobs?" + owner).data().get(0).get("owner").asString())
                .isEqualTo(user.id());
    }

    @Test
    void aJobSaysWhetherAnUndoWouldBeAcceptedSoTheConsoleOffersOnlyThoseThatWould() {
        TestUser user = stack.newEditor();
        String softDelete = finishedDeleteOf(user, 1);
        String tag = "undoable-" + user.id();
        user.gateway().post("/api/v1/items", "{\"name\":\"u\",\"tags\":[\"" + tag + "\"]}");
        String hardDelete = internal.post("/api/v1/internal/cleanup-test-data", "{\"tags\":[\"" + tag
                + "\"],\"hard_delete\":true}").json().get("job_id").asString();

        assertThat(internal.get("/api/v1/internal/jobs/" + softDelete).data().get("undoable").asBoolean()).isTrue();
        assertThat(internal.get("/api/v1/internal/jobs/" + hardDelete).data().get("undoable").asBoolean()).isFalse();
        assertThat(internal.post("/api/v1/internal/jobs/" + hardDelete + "/undo", "").status()).isEqualTo(409);
    }

    @Test
    void aFilterThatNamesNothingIsABadRequestSayingWhatItMayBe() {
        var kind = internal.get("/api/v1/internal/jobs?kind=bulky");
        var status = stack.newEditor().gateway().get("/api/v1/jobs?status=done");
        var owner = internal.get("/api/v1/internal/jobs?owner=alice");
        var before = internal.get("/api/v1/internal/jobs?before=42");

        assertThat(kind.status()).isEqualTo(400);
        assertThat(kind.json().get("detail").asString()).contains("bulk, cleanup");
        assertThat(status.status()).isEqualTo(400);
        assertThat(status.json().get("detail").asString()).contains("queued, running, completed, failed, cancelled");
        assertThat(owner.status()).isEqualTo(400);
        assertThat(owner.json().get("detail").asString()).contains("key:<key id>");
        assertThat(before.status()).isEqualTo(400);
    }

    @Test
    void aJobsLedgerShowsWhatEachBatchChangedPageByPageToItsOwnerAndToOperators() {
        TestUser user = stack.newEditor();
        String job = finishedDeleteOf(user, 120);

        JsonNode all = internal.get("/api/v1/internal/jobs/" + job + "/ledger").data();
        JsonNode firstPage = user.gateway().get("/api/v1/jobs/" + job + "/ledger?limit=1").data();
        int firstBatch = firstPage.get(0).get("batch").asInt();
        JsonNode rest = user.gateway().get("/api/v1/jobs/" + job + "/ledger?after=" + firstBatch).data();

        long items = 0;
        for (JsonNode entry : all) {
            items += entry.get("item_ids").size();
            assertThat(entry.get("processed").asLong()).isEqualTo(entry.get("item_ids").size());
        }
        assertThat(items).isEqualTo(120);
        assertThat(all.size()).isGreaterThan(1);
        assertThat(firstPage).hasSize(1);
        assertThat(rest).hasSize(all.size() - 1);
        assertThat(stack.newEditor().gateway().get("/api/v1/jobs/" + job + "/ledger").status()).isEqualTo(404);
        assertThat(user.gateway().get("/api/v1/jobs/" + job + "/ledger?limit=0").status()).isEqualTo(400);
    }

    private String finishedDeleteOf(TestUser user, int count) {
        List<String> ids = anItem().createIn(user.gateway(), count);
        String job = user.gateway().post("/api/v1/bulk-operations", "{\"operation\":\"delete\",\"itemIds\":"
                + JSON.writeValueAsString(ids) + "}").json().get("job_id").asString();
        await().until(() -> user.gateway().get("/api/v1/jobs/" + job).data().get("status").asString()
                .equals("completed"));
        return job;
    }

    private static List<String> ids(GatewayClient.Response response) {
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        var ids = new ArrayList<String>();
        response.data().forEach(job -> ids.add(job.get("job_id").asString()));
        return ids;
    }
}

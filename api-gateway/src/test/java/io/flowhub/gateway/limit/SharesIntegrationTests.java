package io.flowhub.gateway.limit;

import io.flowhub.testing.FlowHubStackExtension;
import io.flowhub.testing.GatewayClient;
import io.flowhub.testing.TestStack;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import static com.mongodb.client.model.Filters.in;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whose cap a job counts against, on gateways of their own with a cap of one (this module runs no
 * worker, so every job stays queued and holds its slot): a key's jobs count per test run or team,
 * a user's per person. Two gateways, so the caps hold across instances as well.
 */
@ExtendWith(FlowHubStackExtension.class)
class SharesIntegrationTests {

    private static final String[] CAP_OF_ONE = {"--flowhub.gateway.max-active-jobs=1", "--flowhub.gateway.teams.qa=2"};

    private final TestStack stack;
    private final List<String> queued = new ArrayList<>();

    SharesIntegrationTests(TestStack stack) {
        this.stack = stack;
    }

    @AfterEach
    void cancelWhatStaysQueued() {
        stack.database().getCollection("jobs").updateMany(in("_id", queued.stream().map(ObjectId::new).toList()),
                new Document("$set", new Document("status", "cancelled").append("finished_at", new Date())));
    }

    @Test
    void aKeysCleanupsCountPerRunAndPerTeamSoThatParallelPipelinesOnOneKeyEachHaveTheirOwnCap() {
        String runA = "shares-a-" + UUID.randomUUID();
        String runB = "shares-b-" + UUID.randomUUID();
        try (var one = stack.startGateway(CAP_OF_ONE); var other = stack.startGateway(CAP_OF_ONE)) {
            GatewayClient first = GatewayClient.anonymousOn(one.gatewayPort()).withHeader("x-internal-key", stack.internalKey());
            GatewayClient second = GatewayClient.anonymousOn(other.gatewayPort()).withHeader("x-internal-key", stack.internalKey());

            int runAFirst = cleanup(first.withHeader("X-FlowHub-Run", runA));
            int runASecond = cleanup(second.withHeader("X-FlowHub-Run", runA));
            int runBFirst = cleanup(second.withHeader("X-FlowHub-Run", runB));
            List<Integer> team = List.of(cleanup(first.withHeader("X-FlowHub-Team", "qa")),
                    cleanup(second.withHeader("X-FlowHub-Team", "qa")), cleanup(first.withHeader("X-FlowHub-Team", "qa")));
            var unknownTeam = first.withHeader("X-FlowHub-Team", "nobody").withHeader("Prefer", "respond-async")
                    .post("/api/v1/internal/cleanup-test-data?dry_run=true", "{\"tags\":[\"shares\"]}");

            assertThat(runAFirst).isEqualTo(202);
            assertThat(runASecond).isEqualTo(429);
            assertThat(runBFirst).isEqualTo(202);
            assertThat(team).containsExactly(202, 202, 429);
            assertThat(unknownTeam.status()).isEqualTo(400);
            assertThat(unknownTeam.json().get("detail").asString()).contains("qa");
        }
    }

    @Test
    void accountsAnAdminOpenedCountAsTheAdminWhileAnAccountItsHolderRegisteredCountsAsItself() {
        // why: an ADMIN of this test's own, so that no other test's queued job counts against the same person
        var promoted = stack.newEditor();
        assertThat(stack.admin().gateway().patch("/api/v1/users/" + promoted.id() + "/role", "{\"role\":\"ADMIN\"}")
                .status()).isEqualTo(200);
        try (var gateway = stack.startGateway(CAP_OF_ONE)) {
            GatewayClient anyone = GatewayClient.anonymousOn(gateway.gatewayPort());
            String firstToken = openedByTheAdmin(promoted.gateway());
            String secondToken = openedByTheAdmin(promoted.gateway());
            String registered = stack.newEditor().token();

            int first = bulkJob(anyone.withToken(firstToken));
            int second = bulkJob(anyone.withToken(secondToken));
            int own = bulkJob(anyone.withToken(registered));

            assertThat(first).isEqualTo(202);
            assertThat(second).as("the admin's second account, the same person").isEqualTo(429);
            assertThat(own).isEqualTo(202);
        }
    }

    private int cleanup(GatewayClient client) {
        var answer = client.withHeader("Prefer", "respond-async")
                .post("/api/v1/internal/cleanup-test-data?dry_run=true", "{\"tags\":[\"shares\"]}");
        if (answer.status() == 202) {
            queued.add(answer.json().get("job_id").asString());
        }
        return answer.status();
    }

    private int bulkJob(GatewayClient client) {
        var answer = client.post("/api/v1/bulk-operations", "{\"operation\":\"add_tags\",\"filter\":{\"tags\":[\"shares\"]},"
                + "\"tags\":[\"seen\"]}");
        if (answer.status() == 202) {
            queued.add(answer.json().get("job_id").asString());
        }
        return answer.status();
    }

    /** @return the token of a new EDITOR the admin opened with POST /users */
    private String openedByTheAdmin(GatewayClient admin) {
        String email = "opened-" + UUID.randomUUID() + "@example.com";
        var created = admin.post("/api/v1/users", "{\"email\":\"" + email + "\",\"password\":\"a long password\","
                + "\"name\":\"Opened\",\"role\":\"EDITOR\"}");
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return admin.post("/api/v1/auth/login", "{\"email\":\"" + email + "\",\"password\":\"a long password\"}")
                .data().get("token").asString();
    }
}

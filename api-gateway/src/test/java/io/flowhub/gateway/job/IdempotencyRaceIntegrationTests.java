package io.flowhub.gateway.job;

import io.flowhub.testing.AllAtOnce;
import io.flowhub.testing.FlowHubStackExtension;
import io.flowhub.testing.GatewayClient;
import io.flowhub.testing.TestStack;
import io.flowhub.testing.TestUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import static com.mongodb.client.model.Filters.regex;
import static io.flowhub.testing.ItemBuilder.anItem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An {@code Idempotency-Key} exists for a client's retry racing its original request: requests sent at the same
 * moment with one key, over two gateway instances on one database, make one job and all answer with it.
 */
@ExtendWith(FlowHubStackExtension.class)
class IdempotencyRaceIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int REQUESTS = 16;

    private final TestStack stack;

    IdempotencyRaceIntegrationTests(TestStack stack) {
        this.stack = stack;
    }

    @Test
    void sixteenRequestsWithOneKeyAtOnceOverTwoGatewaysMakeOneJobAndAllAnswerWithIt() throws Exception {
        TestUser alice = stack.newEditor();
        List<String> ids = anItem().createIn(alice.gateway(), 3);
        String key = "retry-" + UUID.randomUUID();
        String body = JSON.writeValueAsString(Map.of("operation", "delete", "itemIds", ids));
        try (var second = stack.startGateway()) {
            GatewayClient one = alice.gateway().withHeader("Idempotency-Key", key);
            GatewayClient two = GatewayClient.anonymousOn(second.gatewayPort()).withToken(alice.token())
                    .withHeader("Idempotency-Key", key);

            var answers = AllAtOnce.send(REQUESTS, request -> (request % 2 == 0 ? one : two)
                    .post("/api/v1/bulk-operations", body));
            var otherBody = two.post("/api/v1/bulk-operations",
                    JSON.writeValueAsString(Map.of("operation", "activate", "itemIds", ids)));

            assertThat(answers).extracting(GatewayClient.Response::status).containsOnly(202);
            assertThat(answers).extracting(answer -> answer.json().get("job_id").asString()).hasSize(REQUESTS)
                    .containsOnly(answers.getFirst().json().get("job_id").asString());
            assertThat(stack.database().getCollection("jobs")
                    .countDocuments(regex("idempotency_key", Pattern.quote(key) + "$"))).isEqualTo(1);
            assertThat(otherBody.status()).isEqualTo(422);
            assertThat(otherBody.header("Content-Type")).startsWith("application/problem+json");
            assertThat(otherBody.json().get("detail").asString()).contains(key);
        }
    }

    @Test
    void theSameKeyOfTwoOwnersIsTwoKeys() throws Exception {
        TestUser alice = stack.newEditor();
        TestUser bob = stack.newEditor();
        String key = "shared-" + UUID.randomUUID();
        String aliceBody = JSON.writeValueAsString(Map.of("operation", "delete", "itemIds", anItem().createIn(alice.gateway(), 1)));
        String bobBody = JSON.writeValueAsString(Map.of("operation", "delete", "itemIds", anItem().createIn(bob.gateway(), 1)));

        var answers = AllAtOnce.send(2, request -> (request == 0 ? alice : bob).gateway().withHeader("Idempotency-Key", key)
                .post("/api/v1/bulk-operations", request == 0 ? aliceBody : bobBody));

        assertThat(answers).extracting(GatewayClient.Response::status).containsOnly(202);
        assertThat(answers.get(0).json().get("job_id").asString()).isNotEqualTo(answers.get(1).json().get("job_id").asString());
    }
}

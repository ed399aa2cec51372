package io.flowhub.client;

import io.flowhub.client.FlowHubException.RateLimitedException;
import io.flowhub.embedded.InProcessServices;
import io.flowhub.testing.FlowHubStackExtension;
import io.flowhub.testing.GatewayClient;
import io.flowhub.testing.TestStack;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.Date;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Updates.set;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * A call refused for a cap (429) is sent again after its Retry-After, within the client's
 * {@code retryFor}: a suite's teardown waits its turn instead of failing. The run's one slot is held
 * by a job of the test's own, which the test finishes while the client waits.
 */
@ExtendWith(FlowHubStackExtension.class)
class RetryOnLimitIntegrationTests {

    private static final String[] CAP_OF_ONE = {"--flowhub.gateway.max-active-jobs=1",
            "--flowhub.gateway.active-jobs-retry-after=1s"};

    private final TestStack stack;

    RetryOnLimitIntegrationTests(TestStack stack) {
        this.stack = stack;
    }

    @Test
    void aCleanupRefusedForItsRunsCapIsSentAgainAfterRetryAfterAndGoesThroughOnceTheRunsJobFinished() throws Exception {
        String run = "retry-" + UUID.randomUUID();
        ObjectId holder = jobHoldingTheOnlySlotOf(run);
        try (var gateway = stack.startGateway(CAP_OF_ONE)) {
            FlowHubClient client = clientOf(gateway, run).build();

            var outcome = CompletableFuture.supplyAsync(() -> client.cleanups().run(run, true, true));
            await().atMost(Duration.ofSeconds(30)).until(() -> refusedForActiveJobs(gateway) >= 1);
            stack.database().getCollection("jobs").updateOne(eq("_id", holder),
                    set("status", "cancelled"));

            assertThat(outcome.get(60, TimeUnit.SECONDS).dryRun()).isTrue();
        }
    }

    @Test
    void aClientThatMustNotWaitGetsThe429AtOnceWithItsRetryAfter() {
        String run = "no-retry-" + UUID.randomUUID();
        ObjectId holder = jobHoldingTheOnlySlotOf(run);
        try (var gateway = stack.startGateway(CAP_OF_ONE)) {
            FlowHubClient client = clientOf(gateway, run).retryFor(Duration.ZERO).build();

            assertThatThrownBy(() -> client.cleanups().run(run, true, true))
                    .isInstanceOfSatisfying(RateLimitedException.class,
                            refused -> assertThat(refused.retryAfterSeconds()).isEqualTo(1));
        } finally {
            stack.database().getCollection("jobs").updateOne(eq("_id", holder), set("status", "cancelled"));
        }
    }

    private FlowHubClient.Builder clientOf(InProcessServices gateway, String run) {
        return FlowHubClient.builder().url("http://localhost:" + gateway.gatewayPort()).internalKey(stack.internalKey())
                .runId(run);
    }

    /** @return a queued cleanup job of the run, holding the run's only slot as a gateway would have taken it */
    private ObjectId jobHoldingTheOnlySlotOf(String run) {
        ObjectId jobId = new ObjectId();
        Date now = new Date();
        stack.database().getCollection("jobs").insertOne(new Document("_id", jobId).append("kind", "cleanup")
                .append("operation", "cleanup_run").append("owner_type", "schedule")
                .append("command_id", UUID.randomUUID().toString()).append("status", "queued").append("progress", 0)
                .append("total_items", 0L).append("attempts", 0).append("created_at", now).append("updated_at", now));
        stack.database().getCollection("limit_slots").insertOne(new Document("_id", "jobs/run:" + run + "/cleanup#0")
                .append("holder", jobId.toHexString()).append("taken_at", now));
        return jobId;
    }

    private static double refusedForActiveJobs(InProcessServices gateway) {
        return GatewayClient.anonymousOn(gateway.gatewayPort()).get("/actuator/prometheus").text().lines()
                .filter(line -> line.startsWith("flowhub_requests_throttled_total{") && line.contains("limit=\"active_jobs\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst().orElse(0);
    }
}

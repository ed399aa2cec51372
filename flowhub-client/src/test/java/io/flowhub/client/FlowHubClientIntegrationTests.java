package io.flowhub.client;

import io.flowhub.client.FlowHubException.InvalidRequestException;
import io.flowhub.client.FlowHubException.NotFoundException;
import io.flowhub.client.FlowHubException.UnauthorizedException;
import io.flowhub.testing.FlowHubStackExtension;
import io.flowhub.testing.TestStack;
import io.flowhub.testing.TestUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Java client against the real stack, as a test suite uses it. */
@ExtendWith(FlowHubStackExtension.class)
class FlowHubClientIntegrationTests {

    private final TestStack stack;
    private final TestUser editor;
    private final String run = "client-" + UUID.randomUUID();
    private final FlowHubClient client;

    FlowHubClientIntegrationTests(TestStack stack) {
        this.stack = stack;
        this.editor = stack.newEditor();
        this.client = FlowHubClient.builder().url(stack.gatewayUrl()).bearerToken(editor.token()).runId(run).build();
    }

    @Test
    void whatTheClientCreatesCarriesItsRunAndItsListsAndCountsStayWithinIt() {
        Item one = client.items().create(NewItem.named("one").withTags("client-test"));
        List<Item> batch = client.items().createAll(List.of(NewItem.named("two"), NewItem.named("three")),
                List.of("batch"), true);
        FlowHubClient.builder().url(stack.gatewayUrl()).bearerToken(editor.token()).build().items()
                .create(NewItem.named("outside the run"));

        assertThat(one.runId()).isEqualTo(run);
        assertThat(one.tags()).containsExactly("client-test");
        assertThat(batch).hasSize(2).allSatisfy(item -> assertThat(item.tags()).contains("batch"));
        assertThat(client.items().count(ItemQuery.ALL_ACTIVE)).isEqualTo(3);
        assertThat(client.items().list(ItemQuery.ALL_ACTIVE, 10)).extracting(Item::name)
                .containsExactlyInAnyOrder("one", "two", "three");
        assertThat(client.items().softDelete(one.id()).active()).isFalse();
        assertThat(client.items().restore(one.id()).active()).isTrue();
        assertThat(client.items().get(one.id()).name()).isEqualTo("one");
    }

    @Test
    void waitingForABulkJobReportsItsProgressFromTheEventStreamUntilItFinishes() throws Exception {
        var ids = new ArrayList<String>();
        for (int i = 0; i < 3; i++) {
            ids.add(client.items().create(NewItem.named("bulk " + i)).id());
        }
        String job = client.jobs().bulkByFilter("add_tags", Map.of("run_id", run), List.of("seen"));
        var seen = new CopyOnWriteArrayList<Job>();

        Job finished = client.jobs().waitFor(job, Duration.ofSeconds(60), seen::add);

        assertThat(finished.isCompleted()).isTrue();
        assertThat(finished.processed()).isEqualTo(3);
        assertThat(seen).isNotEmpty().last().satisfies(last -> assertThat(last.isFinished()).isTrue());
        assertThat(ids).allSatisfy(id -> assertThat(client.items().get(id).tags()).contains("seen"));
    }

    @Test
    void theRunsCleanupRemovesExactlyItAndItsReceiptIsVerified() throws Exception {
        client.items().create(NewItem.named("mine"));
        client.withRunId("other-" + run).items().create(NewItem.named("theirs"));
        Cleanups cleanups = client.withInternalKey(stack.internalKey()).cleanups();

        CleanupOutcome dryRun = cleanups.planning().run(run, true, true);
        CleanupOutcome done = cleanups.run(run, true, false);
        CleanupOutcome later = cleanups.async().run("other-" + run, false, false);
        Jobs internalJobs = FlowHubClient.builder().url(stack.gatewayUrl()).internalKey(stack.internalKey()).build()
                .jobs();
        Job soft = internalJobs.waitFor(later.jobId(), Duration.ofSeconds(60), job -> { });
        Job undone = internalJobs.waitFor(internalJobs.undo(later.jobId()), Duration.ofSeconds(60), job -> { });

        assertThat(dryRun.dryRun()).isTrue();
        assertThat(dryRun.items()).isEqualTo(1);
        assertThat(dryRun.planId()).isPresent();
        assertThat(done.done()).isTrue();
        assertThat(done.items()).isEqualTo(1);
        assertThat(later.done()).isFalse();
        assertThat(soft.isCompleted()).isTrue();
        assertThat(soft.result()).containsEntry("items", 1L);
        assertThat(undone.undoes()).isEqualTo(later.jobId());
        assertThat(undone.processed()).isEqualTo(1);
        assertThat(client.withRunId("other-" + run).items().count(ItemQuery.ALL_ACTIVE)).isEqualTo(1);
        Receipt receipt = client.withInternalKey(stack.internalKey()).withBearerToken(null).jobs().receipt(done.jobId());
        assertThat(receipt.verified()).isTrue();
        assertThat(receipt.digest()).startsWith("sha256:");
    }

    @Test
    void errorsAreTypedExceptionsCarryingTheProblemDetails() {
        assertThatThrownBy(() -> client.items().get("not-an-id"))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.problem().detail()).contains("not a valid item id");
                });
        assertThatThrownBy(() -> client.items().get("0123456789abcdef01234567"))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> FlowHubClient.builder().url(stack.gatewayUrl()).internalKey("guess").build()
                .cleanups().run(run, true, true)).isInstanceOf(UnauthorizedException.class);
        assertThatThrownBy(() -> FlowHubClient.builder().runId("no spaces")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> client.cleanups()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("internal key");
    }
}

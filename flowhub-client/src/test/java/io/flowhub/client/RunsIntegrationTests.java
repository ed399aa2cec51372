package io.flowhub.client;

import io.flowhub.testing.FlowHubStackExtension;
import io.flowhub.testing.TestStack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * The client's runs API through all three services: a test user made under the client's run signs in with its
 * token at once, the run's lease is set and shown, and the run's hard cleanup takes the user with its items.
 */
@ExtendWith(FlowHubStackExtension.class)
class RunsIntegrationTests {

    private final TestStack stack;

    RunsIntegrationTests(TestStack stack) {
        this.stack = stack;
    }

    @Test
    void aRunsTestUserWorksAtOnceAndGoesWithTheRun() {
        String run = "client-runs-" + UUID.randomUUID();
        FlowHubClient internal = FlowHubClient.builder().url(stack.gatewayUrl()).internalKey(stack.internalKey())
                .runId(run).build();

        TestUser user = internal.runs().newUser("EDITOR");
        FlowHubClient asUser = FlowHubClient.builder().url(stack.gatewayUrl()).bearerToken(user.token()).runId(run)
                .build();
        asUser.items().createAll(List.of(NewItem.named("one"), NewItem.named("two")), List.of("runs"), true);
        Run leased = internal.runs().lease(run, Duration.ofMinutes(10));

        assertThat(user.role()).isEqualTo("EDITOR");
        assertThat(user.runId()).isEqualTo(run);
        assertThat(leased.expiresAt()).isCloseTo(Instant.now().plus(Duration.ofMinutes(10)), within(Duration.ofMinutes(1)));
        Run shown = internal.runs().show(run);
        assertThat(shown.items()).isEqualTo(2);
        assertThat(shown.users()).isEqualTo(1);
        assertThat(internal.runs().list()).extracting(Run::runId).contains(run);

        CleanupOutcome cleaned = internal.cleanups().run(run, true, false);

        assertThat(cleaned.items()).isEqualTo(2);
        assertThatThrownBy(() -> internal.runs().show(run)).isInstanceOf(FlowHubException.NotFoundException.class);
    }
}

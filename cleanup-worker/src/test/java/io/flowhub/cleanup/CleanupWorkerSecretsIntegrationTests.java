package io.flowhub.cleanup;

import io.flowhub.embedded.InProcessServices;
import io.flowhub.testing.FlowHubStackExtension;
import io.flowhub.testing.TestStack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A cleanup worker configured for staging does not start with a built-in secret. */
@ExtendWith(FlowHubStackExtension.class)
class CleanupWorkerSecretsIntegrationTests {

    private final TestStack stack;

    CleanupWorkerSecretsIntegrationTests(TestStack stack) {
        this.stack = stack;
    }

    @Test
    void aStagingCleanupWorkerRefusesToStartWithTheBuiltInAdminPassword() {
        // why: a reset re-creates the bootstrap ADMIN with the worker's own setting, not the gateway's
        assertThatThrownBy(() -> CleanupWorkerApplication.builder().registerShutdownHook(false).run(
                "--spring.kafka.bootstrap-servers=" + stack.kafkaBootstrapServers(),
                "--spring.mongodb.uri=" + stack.mongoUri(),
                "--server.port=0",
                "--flowhub.environment=staging",
                "--flowhub.internal-key=staging-" + UUID.randomUUID(),
                "--spring.main.banner-mode=off",
                InProcessServices.WORKERS_WITHOUT_SECURITY))
                .hasStackTraceContaining("must not use the built-in value of the admin password")
                .hasStackTraceContaining("FLOWHUB_ADMIN_PASSWORD");
    }
}

package io.flowhub.events;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RunIdsTests {

    @Test
    void oneToSixtyFourOfTheAllowedCharactersIsARunId() {
        assertThat(RunIds.check("run id", "a")).isEqualTo("a");
        assertThat(RunIds.check("run id", "ci-4711:Order_Tests.v2")).isEqualTo("ci-4711:Order_Tests.v2");
        assertThat(RunIds.check("run id", "r".repeat(64))).hasSize(64);
        assertThat(RunIds.checkOrNull("run id", null)).isNull();
    }

    @Test
    void anythingElseIsRefusedNamingWhereItCameFromAndWithoutEchoingAFlood() {
        for (String bad : new String[] {"", "has space", "a/b", "ä", "r".repeat(65), "new\nline"}) {
            assertThatThrownBy(() -> RunIds.check("X-FlowHub-Run header", bad)).as(bad)
                    .isInstanceOf(InvalidCommandException.class)
                    .hasMessageContaining("X-FlowHub-Run header").hasMessageContaining("1 to 64 characters");
        }
        assertThatThrownBy(() -> RunIds.check("run id", "x".repeat(10_000)))
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(300));
        assertThatThrownBy(() -> RunIds.check("run_id", null)).hasMessageContaining("run_id is required");
    }

    @Test
    void aRunCleanupIsKeyedByItsRunSoParallelSuitesSpreadOverThePartitions() {
        var cleanup = new CleanupRun(SchemaVersion.CURRENT, UUID.randomUUID(), null, null, false, "ci-1", true,
                Instant.now());

        assertThat(cleanup.key()).isEqualTo("run:ci-1");
        assertThat(cleanup.operation()).isEqualTo(Operation.CLEANUP_RUN);
        assertThatThrownBy(() -> new CleanupRun(SchemaVersion.CURRENT, UUID.randomUUID(), null, null, false, "a b",
                true, null)).isInstanceOf(InvalidCommandException.class);
    }
}

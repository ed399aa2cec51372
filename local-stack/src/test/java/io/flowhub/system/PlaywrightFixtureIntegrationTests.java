package io.flowhub.system;

import io.flowhub.testing.FlowHubStackExtension;
import io.flowhub.testing.TestStack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static com.mongodb.client.model.Filters.eq;
import static io.flowhub.system.ExternalSuites.copy;
import static io.flowhub.system.ExternalSuites.run;
import static io.flowhub.system.ExternalSuites.succeeds;
import static io.flowhub.system.ExternalSuites.suite;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The Playwright Test fixture as a TypeScript suite uses it: {@code @playwright/test} installed with npm from the
 * package's lock file (no browser: the suite's tests are API tests), its sample suite
 * ({@code flowhub-playwright/tests}) runs on two workers against this stack. It passes, each worker had a run of its
 * own, and after the workers nothing of those runs is left: no item, no user, no lease.
 */
@ExtendWith(FlowHubStackExtension.class)
class PlaywrightFixtureIntegrationTests {

    private static final Path FIXTURE = Path.of("..", "flowhub-playwright").toAbsolutePath().normalize();

    private final TestStack stack;

    PlaywrightFixtureIntegrationTests(TestStack stack) {
        this.stack = stack;
    }

    @Test
    void aSuiteOnTwoWorkersGetsARunEachAndLeavesNothingBehind() throws Exception {
        Path work = installed();
        Path runs = work.resolve("runs.txt");

        var finished = suite(List.of("npx", "playwright", "test"), work, variables(runs, Map.of("CI", "1")));

        assertThat(finished.exitCode()).as(finished.output()).isZero();
        assertThat(finished.output()).contains("4 passed");
        ExternalSuites.assertEachWorkerHadARunNowGone(stack, runs, "playwright-w", finished.output());
    }

    @Test
    void aKilledWorkerLeavesItsRunToItsLeaseAndTheReaperCleansItUp() throws Exception {
        Path work = installed();
        Path runs = work.resolve("runs.txt");

        var finished = suite(List.of("npx", "playwright", "test", "--config", "playwright.killed.config.ts"), work,
                variables(runs, Map.of("FLOWHUB_LEASE_SECONDS", "2")));

        assertThat(finished.exitCode()).as(finished.output()).isNotZero();
        String run = Files.readAllLines(runs).getFirst();
        assertThat(stack.database().getCollection("items").countDocuments(eq("run_id", run))).as(finished.output())
                .isOne();
        ExternalSuites.awaitReaped(stack, run);
    }

    /** @return the variables that point the suite at this stack and name where its tests note their runs */
    private Map<String, String> variables(Path runs, Map<String, String> more) {
        var variables = new java.util.HashMap<>(more);
        variables.put("FLOWHUB_URL", stack.gatewayUrl());
        variables.put("FLOWHUB_INTERNAL_KEY", stack.internalKey());
        variables.put("FLOWHUB_SAMPLE_RUNS", runs.toString());
        return variables;
    }

    /** @return a working directory where the fixture and @playwright/test are installed from the lock file */
    private static Path installed() throws Exception {
        assumeTrue(succeeds(List.of("npm", "--version"), Path.of(".")), "npm is not on the PATH: the Playwright"
                + " fixture's suites are not run here");
        Path work = Files.createTempDirectory(Path.of("target"), "playwright-fixture-").toAbsolutePath();
        for (String part : List.of("package.json", "package-lock.json", "playwright.config.ts",
                "playwright.killed.config.ts", "src", "tests", "killed")) {
            copy(FIXTURE.resolve(part), work.resolve(part));
        }
        run(List.of("npm", "ci", "--no-audit", "--no-fund"), work);
        return work;
    }
}

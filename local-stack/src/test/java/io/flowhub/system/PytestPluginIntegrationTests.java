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
 * The pytest plugin as a Python suite uses it: installed with pip into a virtual environment (registered through
 * its {@code pytest11} entry point, nothing else on the path), the sample suite ({@code flowhub-pytest/tests}) runs
 * on two pytest-xdist workers against this stack. It passes, each worker had a run of its own, and after the
 * session nothing of those runs is left: no item, no user, no lease.
 */
@ExtendWith(FlowHubStackExtension.class)
class PytestPluginIntegrationTests {

    private static final Path PLUGIN = Path.of("..", "flowhub-pytest").toAbsolutePath().normalize();
    private static final String PYTHON = "/usr/bin/python3";

    private final TestStack stack;

    PytestPluginIntegrationTests(TestStack stack) {
        this.stack = stack;
    }

    @Test
    void aSuiteOnTwoWorkersGetsARunEachAndLeavesNothingBehind() throws Exception {
        Path work = installed();
        Path venv = work.resolve("venv");
        Path runs = work.resolve("runs.txt");

        copy(PLUGIN.resolve("tests"), work.resolve("tests"));
        var finished = suite(List.of(venv.resolve("bin/python").toString(), "-B", "-m", "pytest", "-n", "2",
                "-p", "no:cacheprovider", "--flowhub-url", stack.gatewayUrl(), "--flowhub-key", stack.internalKey(),
                work.resolve("tests").toString()), work, Map.of("FLOWHUB_SAMPLE_RUNS", runs.toString()));

        assertThat(finished.exitCode()).as(finished.output()).isZero();
        assertThat(finished.output()).contains("4 passed");
        ExternalSuites.assertEachWorkerHadARunNowGone(stack, runs, "pytest-gw", finished.output());
    }

    @Test
    void aKilledSessionLeavesItsRunToItsLeaseAndTheReaperCleansItUp() throws Exception {
        Path work = installed();
        Path runs = work.resolve("runs.txt");
        copy(PLUGIN.resolve("killed"), work.resolve("killed"));

        var finished = suite(List.of(work.resolve("venv/bin/python").toString(), "-B", "-m", "pytest",
                "-p", "no:cacheprovider", "--flowhub-url", stack.gatewayUrl(), "--flowhub-key", stack.internalKey(),
                "--flowhub-lease", "2", work.resolve("killed").toString()), work,
                Map.of("FLOWHUB_SAMPLE_RUNS", runs.toString()));

        assertThat(finished.exitCode()).as(finished.output()).isNotZero();
        String run = Files.readAllLines(runs).getFirst();
        assertThat(stack.database().getCollection("items").countDocuments(eq("run_id", run))).as(finished.output())
                .isOne();
        ExternalSuites.awaitReaped(stack, run);
    }

    /** @return a working directory with a virtual environment the plugin is installed in, as a user installs it */
    private Path installed() throws Exception {
        assumeTrue(Files.isExecutable(Path.of(PYTHON)) && succeeds(List.of(PYTHON, "-c", "import pytest, xdist, venv"),
                Path.of(".")), "Debian's python3-pytest and python3-pytest-xdist are not installed (./flowhub test"
                + " installs them where apt-get may run): the pytest plugin's suites are not run here");
        Path work = Files.createTempDirectory(Path.of("target"), "pytest-plugin-").toAbsolutePath();
        Path venv = work.resolve("venv");
        run(List.of(PYTHON, "-m", "venv", "--system-site-packages", venv.toString()), work);
        // why: pip builds in the directory it installs from; a copy keeps the checkout clean
        Path plugin = work.resolve("flowhub-pytest");
        copy(PLUGIN.resolve("pyproject.toml"), plugin.resolve("pyproject.toml"));
        copy(PLUGIN.resolve("src"), plugin.resolve("src"));
        run(List.of(venv.resolve("bin/pip").toString(), "install", "--quiet", "--no-index", "--no-build-isolation",
                plugin.toString()), work);
        return work;
    }
}

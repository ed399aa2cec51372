package io.flowhub.system;

import io.flowhub.testing.TestStack;

import java.io.IOException;
import java.time.Duration;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** What the tests of the suites in other languages share: copying a package out of the checkout, running tools. */
final class ExternalSuites {

    private ExternalSuites() {
    }

    /** Runs a tool to its end, which must succeed. */
    static void run(List<String> command, Path directory) throws IOException, InterruptedException {
        var builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
        // why: the Playwright suite's tests call the API only; no browser is needed, so none is fetched
        builder.environment().put("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        var process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(3, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as(String.join(" ", command) + "\n" + output).isZero();
    }

    /** Copies a file or a directory tree, leaving Python's caches out. */
    static void copy(Path from, Path to) throws IOException {
        try (var paths = Files.walk(from)) {
            for (Path path : paths.toList()) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else if (!path.toString().contains("__pycache__")) {
                    Files.createDirectories(target.getParent());
                    Files.copy(path, target);
                }
            }
        }
    }

    /** @return true when the command runs and exits 0 */
    static boolean succeeds(List<String> command, Path directory) {
        try {
            var process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(1, TimeUnit.MINUTES) && process.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /**
     * Waits (a minute at most: the lease, the reaper's interval and the cleanup) until a run left behind is gone:
     * its items, users and lease.
     */
    static void awaitReaped(TestStack stack, String run) {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(stack.database().getCollection("items").countDocuments(eq("run_id", run))).isZero();
            assertThat(stack.database().getCollection("users").countDocuments(eq("run_id", run))).isZero();
            assertThat(stack.database().getCollection("runs").countDocuments(eq("_id", run))).isZero();
        });
    }

    /**
     * @param runs   the file the suite's tests wrote their run ids to
     * @param prefix what every worker's run id starts with
     */
    static void assertEachWorkerHadARunNowGone(TestStack stack, Path runs, String prefix, String output)
            throws IOException {
        Set<String> runIds = Files.readAllLines(runs).stream().filter(line -> !line.isBlank())
                .collect(Collectors.toSet());
        assertThat(runIds).as(output).hasSize(2).allMatch(run -> run.startsWith(prefix));
        var ids = new ArrayList<>(runIds);
        assertThat(stack.database().getCollection("items").countDocuments(in("run_id", ids))).isZero();
        assertThat(stack.database().getCollection("users").countDocuments(in("run_id", ids))).isZero();
        assertThat(stack.database().getCollection("runs").countDocuments(in("_id", ids))).isZero();
    }

    /** How a suite run ended: its exit code and everything it printed. */
    record Finished(int exitCode, String output) {
    }

    /** Runs a test suite to its end (five minutes at most) in {@code directory}, with these variables set. */
    static Finished suite(List<String> command, Path directory, Map<String, String> variables)
            throws IOException, InterruptedException {
        var builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
        builder.environment().putAll(variables);
        var process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).as(output).isTrue();
        return new Finished(process.exitValue(), output);
    }
}

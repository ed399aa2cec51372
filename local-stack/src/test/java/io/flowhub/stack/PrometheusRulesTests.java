package io.flowhub.stack;

import io.flowhub.testing.Executables;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import static io.flowhub.stack.RepoFiles.ALERTS;
import static io.flowhub.stack.RepoFiles.ALERT_TESTS;
import static io.flowhub.stack.RepoFiles.PROMETHEUS;
import static io.flowhub.stack.RepoFiles.maps;
import static io.flowhub.stack.RepoFiles.yaml;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The alert rules as Prometheus itself reads them: {@code promtool check config} (the scrape configuration and the
 * rules it loads) and {@code promtool test rules} (alerts.test.yml), and a unit test that fires every alert.
 * {@code ./flowhub test} installs promtool (Debian's {@code prometheus} package) where it can; where it cannot, these
 * are skipped saying so.
 */
class PrometheusRulesTests {

    private static Path promtool;

    @BeforeAll
    static void findPromtool() {
        promtool = Executables.find("PROMTOOL", "promtool").orElse(null);
        Assumptions.assumeTrue(promtool != null, "promtool is not installed, so the alert rules were not checked:"
                + " install Debian's or Prometheus' 'prometheus' package (./flowhub test does where apt-get may run),"
                + " or set PROMTOOL to its path");
    }

    @Test
    void prometheusAcceptsItsConfigurationAndTheRulesItLoads() {
        var result = promtool("check", "config", PROMETHEUS.resolve("prometheus.yml").toString());

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("SUCCESS: 1 rule files found", "6 rules found");
    }

    @Test
    void everyAlertsUnitTestPasses() {
        var result = promtool("test", "rules", ALERT_TESTS.toString());

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("SUCCESS");
    }

    @Test
    void everyAlertHasAUnitTestThatFiresIt() {
        Set<String> alerts = new TreeSet<>();
        for (Map<String, Object> group : maps(yaml(ALERTS), "groups")) {
            for (Map<String, Object> rule : maps(group, "rules")) {
                alerts.add((String) rule.get("alert"));
            }
        }
        Set<String> fired = new TreeSet<>();
        for (Map<String, Object> test : maps(yaml(ALERT_TESTS), "tests")) {
            for (Map<String, Object> check : maps(test, "alert_rule_test")) {
                if (!maps(check, "exp_alerts").isEmpty()) {
                    fired.add((String) check.get("alertname"));
                }
            }
        }

        assertThat(alerts).contains("FlowHubJobsFailing", "FlowHubQueueLatencyHigh", "FlowHubDeadLetters",
                "FlowHubJobsStuck", "FlowHubFileRemovalsFailing", "FlowHubServiceDown");
        assertThat(fired).isEqualTo(alerts);
    }

    private record Result(int exitCode, String output) {
    }

    private static Result promtool(String... arguments) {
        var command = new ArrayList<String>();
        command.add(promtool.toString());
        command.addAll(List.of(arguments));
        try {
            Process process = new ProcessBuilder(command).directory(PROMETHEUS.toFile()).redirectErrorStream(true)
                    .start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("promtool finished").isTrue();
            return new Result(process.exitValue(), output);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

package io.flowhub.stack;

import io.flowhub.testing.FlowHubStackExtension;
import io.flowhub.testing.TestStack;
import io.flowhub.testing.TestUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import static io.flowhub.stack.RepoFiles.ALERTS;
import static io.flowhub.stack.RepoFiles.DASHBOARD;
import static io.flowhub.stack.RepoFiles.maps;
import static io.flowhub.stack.RepoFiles.metricNames;
import static io.flowhub.stack.RepoFiles.read;
import static io.flowhub.stack.RepoFiles.yaml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every metric the Grafana dashboard and the alert rules select is one the three services expose, read from their
 * {@code /actuator/prometheus} after a bulk job and a cleanup job ran ({@code up} is Prometheus' own).
 */
@ExtendWith(FlowHubStackExtension.class)
class OpsMetricNamesIntegrationTests {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final TestStack stack;

    OpsMetricNamesIntegrationTests(TestStack stack) {
        this.stack = stack;
    }

    @Test
    void everyMetricTheDashboardAndTheAlertsUseIsExposedByAService() {
        runABulkJobAndACleanupJob();
        Set<String> exposed = new TreeSet<>();
        var services = stack.services();
        for (int port : List.of(services.gatewayPort(), services.bulkWorkerPort(), services.cleanupWorkerPort())) {
            exposed.addAll(sampleNames(scrape(port)));
        }

        Set<String> alerts = metricNames(alertExpressions());
        Set<String> dashboard = metricNames(dashboardExpressions());

        assertThat(alerts).contains("flowhub_jobs_finished_total", "flowhub_queue_latency_seconds_sum",
                "flowhub_dlt_records_total", "flowhub_jobs_stuck", "flowhub_files_deleted_total", "up");
        assertThat(dashboard).contains("flowhub_jobs_unfinished", "flowhub_items_total",
                "flowhub_batch_duration_seconds_sum", "flowhub_job_duration_seconds_max",
                "flowhub_requests_throttled_total");
        assertThat(without("up", alerts)).as("metrics the alerts use").isSubsetOf(exposed);
        assertThat(without("up", dashboard)).as("metrics the dashboard uses").isSubsetOf(exposed);
    }

    private void runABulkJobAndACleanupJob() {
        TestUser user = stack.newEditor();
        String tag = "ops-" + UUID.randomUUID();
        var ids = new ArrayList<String>();
        for (int i = 0; i < 3; i++) {
            ids.add(user.gateway().post("/api/v1/items", "{\"name\":\"ops\",\"tags\":[\"" + tag + "\"]}").data()
                    .get("_id").asString());
        }
        String bulkJob = user.gateway().post("/api/v1/bulk-operations",
                "{\"operation\":\"delete\",\"itemIds\":[\"" + String.join("\",\"", ids) + "\"]}").json()
                .get("job_id").asString();
        await().until(() -> user.gateway().get("/api/v1/jobs/" + bulkJob).data().get("status").asString()
                .equals("completed"));
        var cleanup = stack.internal().post("/api/v1/internal/cleanup-test-data",
                "{\"tags\":[\"" + tag + "\"],\"hard_delete\":true}");
        assertThat(cleanup.status()).as(cleanup.text()).isEqualTo(200);
    }

    private static List<String> alertExpressions() {
        var expressions = new ArrayList<String>();
        for (Map<String, Object> group : maps(yaml(ALERTS), "groups")) {
            for (Map<String, Object> rule : maps(group, "rules")) {
                expressions.add((String) rule.get("expr"));
            }
        }
        return expressions;
    }

    private static List<String> dashboardExpressions() {
        var expressions = new ArrayList<String>();
        for (JsonNode panel : JsonMapper.builder().build().readTree(read(DASHBOARD)).get("panels")) {
            for (JsonNode target : panel.get("targets")) {
                expressions.add(target.get("expr").asString());
            }
        }
        return expressions;
    }

    /** @return the names of the samples in a Prometheus text exposition: {@code name{labels} value} per line */
    private static Set<String> sampleNames(String exposition) {
        var names = new TreeSet<String>();
        exposition.lines().filter(line -> !line.isBlank() && !line.startsWith("#"))
                .forEach(line -> names.add(line.split("[{ ]", 2)[0]));
        return names;
    }

    private static Set<String> without(String name, Set<String> names) {
        var rest = new TreeSet<>(names);
        rest.remove(name);
        return rest;
    }

    private static String scrape(int port) {
        try {
            var response = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                    + "/actuator/prometheus")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

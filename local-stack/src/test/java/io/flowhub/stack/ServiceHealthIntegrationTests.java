package io.flowhub.stack;

import io.flowhub.testing.FlowHubStackExtension;
import io.flowhub.testing.TestStack;
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
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(FlowHubStackExtension.class)
class ServiceHealthIntegrationTests {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final Map<String, Integer> portsByService;

    ServiceHealthIntegrationTests(TestStack stack) {
        var services = stack.services();
        this.portsByService = Map.of("api-gateway", services.gatewayPort(), "bulk-worker", services.bulkWorkerPort(),
                "cleanup-worker", services.cleanupWorkerPort());
    }

    @Test
    void everyServiceReportsKafkaAndMongoDbUp() {
        for (int port : portsByService.values()) {
            var response = get(port, "/actuator/health");
            JsonNode health = JsonMapper.builder().build().readTree(response.body());

            assertThat(response.statusCode()).as("health on port %d", port).isEqualTo(200);
            assertThat(health.get("status").asString()).isEqualTo("UP");
            assertThat(health.get("components").get("kafka").get("status").asString()).isEqualTo("UP");
            assertThat(health.get("components").get("mongo").get("status").asString()).isEqualTo("UP");
        }
    }

    @Test
    void everyServiceServesPrometheusMetricsNamingItself() {
        portsByService.forEach((service, port) -> {
            var response = get(port, "/actuator/prometheus");

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains("jvm_memory_used_bytes", "application=\"" + service + "\"");
        });
    }

    @Test
    void aClientThatAsksToUpgradeToHttp2GetsAnAnswer() throws Exception {
        var http2 = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();
        for (int port : portsByService.values()) {
            var response = http2.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).as("port %d", port).isEqualTo(200);
        }
    }

    private static HttpResponse<String> get(int port, String path) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

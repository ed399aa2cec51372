package io.flowhub.junit;

import com.sun.net.httpserver.HttpServer;
import io.flowhub.client.FlowHubClient;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FlowHubRunExtensionTests {

    @Test
    void aRunIdIsThePrefixInTheAllowedCharactersWithARandomTail() {
        String runId = FlowHubRunExtension.runId("Orders Tests$Nested/äö");

        assertThat(runId).matches("Orders-Tests-Nested----[0-9a-f]{8}");
        assertThat(FlowHubRunExtension.runId("Orders")).isNotEqualTo(FlowHubRunExtension.runId("Orders"));
    }

    @Test
    void aLongPrefixIsCutSoTheRunIdFitsInSixtyFourCharacters() {
        String runId = FlowHubRunExtension.runId("x".repeat(200));

        assertThat(runId).hasSize(64).matches("[A-Za-z0-9._:-]{1,64}");
    }

    @Test
    void aRunWithItemsLeftAfterItsCleanupFailsAndSaysHowMany() throws Exception {
        HttpServer flowHub = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        // why: a FlowHub where something keeps creating under the run: the cleanup deletes 3, 2 are still there
        flowHub.createContext("/api/v1/internal/runs/", exchange -> {
            boolean dryRun = exchange.getRequestURI().getQuery().contains("dry_run=true");
            byte[] body = ("{\"status\":\"success\",\"job_id\":\"0123456789abcdef01234567\",\"deleted\":{\"items\":"
                    + (dryRun ? 2 : 3) + ",\"files\":0}}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        flowHub.start();
        try {
            var client = FlowHubClient.builder().url("http://localhost:" + flowHub.getAddress().getPort()).build();
            var run = new FlowHubRunExtension.Run("suite-1", client, client.withInternalKey("key"),
                    Annotated.class.getAnnotation(FlowHubRun.class));

            assertThatThrownBy(run::close).isInstanceOf(AssertionError.class)
                    .hasMessageContaining("suite-1 still has 2 item(s) after its cleanup");
        } finally {
            flowHub.stop(0);
        }
    }

    @FlowHubRun
    private static final class Annotated {
    }
}
